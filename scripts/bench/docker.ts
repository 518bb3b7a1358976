// Docker benchmark: the cost of the docker command and of dockerd's per-tick reconciling.
// 200 containers from one image on the learner's host, then `docker ps -a`, an exec and a minute
// of simulated time. Targets: docker run < 5 ms each; docker ps -a < 10 ms; docker exec ps aux
// < 15 ms; a simulated second with 200 containers < 5 ms.
import {readFileSync} from 'node:fs';
import {sandboxShell, run} from '../../test/helpers/shell.ts';

const count = Number(process.env.BENCH_CONTAINERS ?? 200);
const shell = sandboxShell({files: {'kubia/Dockerfile': readFileSync('test/scripts/kubia/Dockerfile', 'utf8'), 'kubia/app.js': readFileSync('test/scripts/kubia/app.js', 'utf8')}});

let t = performance.now();
run(shell, 'docker build -t kubia kubia');
const build = performance.now() - t;
console.log(`docker build (pulls node:7): ${build.toFixed(1)} ms`);

t = performance.now();
for (let i = 0; i < count; i++) run(shell, `docker run -d --name kubia-${i} kubia`);
const perRun = (performance.now() - t) / count;
console.log(`docker run -d: ${perRun.toFixed(2)} ms each over ${count} containers (target < 5 ms)`);

t = performance.now();
for (let i = 0; i < 10; i++) run(shell, 'docker ps -a');
const ps = (performance.now() - t) / 10;
console.log(`docker ps -a with ${count} containers: ${ps.toFixed(2)} ms (target < 10 ms)`);

t = performance.now();
for (let i = 0; i < 10; i++) run(shell, 'docker exec kubia-7 ps aux');
const exec = (performance.now() - t) / 10;
console.log(`docker exec kubia-7 ps aux: ${exec.toFixed(2)} ms (target < 15 ms)`);

t = performance.now();
run(shell, 'sleep 60');
const second = (performance.now() - t) / 60;
console.log(`a simulated second with ${count} containers: ${second.toFixed(2)} ms (target < 5 ms)`);

if (perRun >= 5 || ps >= 10 || exec >= 15 || second >= 5) {
	console.log('  ABOVE TARGET');
	process.exitCode = 1;
}
