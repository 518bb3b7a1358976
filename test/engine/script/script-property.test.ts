// Random container scripts (seeded) from the shapes people give containers: they never throw,
// never reach the simulator's internal-error path, never move the world's clock, and a container
// whose script has not ended is running while one whose script ended has exited with its status.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {findContainer} from '../../../source/engine/docker/runtime.ts';
import {nextRandom} from '../../../source/engine/rng.ts';
import {tick} from '../../../source/engine/tick.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const pieces = ['echo hi', 'date', 'sleep 1', 'sleep 3', 'sleep 0.5', 'true', 'false', 'exit 2', 'hostname', 'env', 'cat /etc/hostname', 'cat /nope', 'ls /', 'ps', 'curl x', 'echo $((1+2))', 'x=$(date)', 'echo "$x"', 'echo a > /tmp/f', 'cat /tmp/f', 'break', '[ -f /tmp/f ]', 'printf "%s\\n" a b', 'uname', 'wc -l /etc/passwd'];
const joins = ['; ', ' && ', ' || ', ' | ', '\n'];

function generator(seed: number) {
	let state = seed >>> 0;
	const next = (n: number) => {
		const [value, s] = nextRandom(state);
		state = s;
		return Math.floor(value * n);
	};
	const list = (depth: number): string => {
		const count = 1 + next(3);
		const parts: string[] = [];
		for (let i = 0; i < count; i++) {
			const shape = depth < 2 ? next(6) : 0;
			if (shape === 1) parts.push(`while true; do ${list(depth + 1)}; sleep ${1 + next(4)}; done`);
			else if (shape === 2) parts.push(`for i in 1 2 3; do ${list(depth + 1)}; done`);
			else if (shape === 3) parts.push(`if ${pieces[next(pieces.length)]}; then ${list(depth + 1)}; else ${list(depth + 1)}; fi`);
			else parts.push(pieces[next(pieces.length)]!);
		}
		return parts.reduce((out, part, i) => (i === 0 ? part : out + joins[next(joins.length)] + part), '');
	};
	return () => list(0);
}

test('random container scripts never throw, never move the clock, and end in a state docker could reach', () => {
	const script = generator(15);
	let shell = sandboxShell();
	run(shell, 'docker pull busybox');
	for (let i = 0; i < 120; i++) {
		if (i % 30 === 0 && i > 0) {
			shell = sandboxShell();
			run(shell, 'docker pull busybox');
		}
		const source = script();
		const name = `s${i}`;
		const before = shell.state.world.time;
		const result = run(shell, `docker run -d --name ${name} busybox sh -c '${source.replace(/'/g, `'\\''`)}'`);
		assert.equal(shell.state.world.time, before, `the clock moved for: ${source}`);
		assert.ok(!result.text.includes('internal error'), `${source}\n${result.text}`);
		shell.state = {...shell.state, world: tick(shell.state.world, 7000)};
		const container = findContainer(shell.state.world.dockers.get('host-1')!, name)!;
		const host = shell.state.world.hosts.get('host-1')!;
		if (container.state === 'running') assert.ok(container.pid !== undefined && host.processes.get(container.pid)?.script, `running without its script: ${source}`);
		else assert.equal(container.state, 'exited', source);
		const logs = run(shell, `docker logs ${name}`);
		assert.ok(!logs.text.includes('internal error'), `${source}\n${logs.text}`);
	}
});
