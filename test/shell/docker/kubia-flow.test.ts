// The book's journey through chapters 4-5: build kubia, run it, curl it, look inside, push it,
// pull it on a second host and run it there; and copy-on-write between two containers.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {containerId, dockerShell, expectLine, run} from './helpers.ts';

test('kubia: build, run, curl, exec ps, tag, push, ssh host-2, pull (Already exists / Pull complete), run there', () => {
	const shell = dockerShell();
	assert.equal(run(shell, 'docker build -t kubia kubia').exitCode, 0);
	assert.equal(run(shell, 'docker run -d -p 8080:8080 --name kubia-container kubia').exitCode, 0);
	const id = containerId(shell, 'kubia-container');
	expectLine(shell, 'curl localhost:8080', `You've hit ${id.slice(0, 12)}\n`);
	expectLine(shell, 'curl http://127.0.0.1:8080', `You've hit ${id.slice(0, 12)}\n`);
	const ps = run(shell, 'docker exec kubia-container ps aux').stdout.trim().split('\n');
	assert.equal(ps.length, 3, ps.join('\n'));
	assert.match(ps[1]!, /^root +1 .* node app\.js$/);
	assert.match(ps[2]!, /^root +2 .* ps aux$/);
	const hostPs = run(shell, 'ps aux').stdout;
	assert.match(hostPs, /node app\.js/, 'the container is a process on the host too');
	assert.match(hostPs, /containerd-shim-runc-v2 -namespace moby -id/);
	expectLine(shell, 'docker logs kubia-container', 'Kubia server starting...\nReceived request from ::ffff:172.17.0.1\nReceived request from ::ffff:172.17.0.1\n');
	run(shell, 'docker login -u learner');
	run(shell, 'docker tag kubia learner/kubia');
	const pushed = run(shell, 'docker push learner/kubia');
	assert.equal(pushed.exitCode, 0, pushed.stderr);
	assert.equal((pushed.stdout.match(/: Pushed$/gm) ?? []).length, 1, 'only the app.js layer is new to the registry');
	assert.equal(run(shell, 'ssh host-2').exitCode, 0);
	assert.equal(shell.state.session.frames.at(-1)!.host, 'host-2');
	expectLine(shell, 'docker images', 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
	run(shell, 'docker pull node:7');
	const pulled = run(shell, 'docker pull learner/kubia');
	assert.equal(pulled.exitCode, 0);
	assert.equal((pulled.stdout.match(/: Already exists$/gm) ?? []).length, 8);
	assert.equal((pulled.stdout.match(/: Pull complete$/gm) ?? []).length, 1);
	assert.match(pulled.stdout, /Status: Downloaded newer image for learner\/kubia:latest\ndocker\.io\/learner\/kubia:latest\n$/);
	assert.equal(run(shell, 'docker run -d -p 8080:8080 --name kubia-container learner/kubia').exitCode, 0);
	const remote = containerId(shell, 'kubia-container', 'host-2');
	expectLine(shell, 'curl localhost:8080', `You've hit ${remote.slice(0, 12)}\n`);
	run(shell, 'exit');
	assert.equal(shell.state.session.frames.at(-1)!.host, 'host-1');
	expectLine(shell, 'curl host-2:8080', `You've hit ${remote.slice(0, 12)}\n`);
});

test('copy-on-write: a change in one container shows in docker diff; a second container still reads the original', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name c1 kubia');
	run(shell, 'docker run -d --name c2 kubia');
	expectLine(shell, 'docker exec c1 sh -c "echo changed > /app.js"', '');
	expectLine(shell, 'docker diff c1', 'C /app.js\n');
	expectLine(shell, 'docker diff c2', '');
	expectLine(shell, 'docker exec c1 cat /app.js', 'changed\n');
	assert.match(run(shell, 'docker exec c2 cat /app.js').stdout, /You've hit/);
	expectLine(shell, 'docker exec c1 rm /app.js', '');
	expectLine(shell, 'docker diff c1', 'D /app.js\n');
	assert.match(run(shell, 'docker exec c2 cat /etc/os-release').stdout, /^PRETTY_NAME="Debian GNU\/Linux 8 \(jessie\)"/);
	assert.match(run(shell, 'docker exec c2 ls /').stdout, /app\.js/);
	assert.doesNotMatch(run(shell, 'docker exec c1 ls /').stdout, /app\.js/);
	assert.equal(run(shell, 'docker exec c2 hostname').stdout, containerId(shell, 'c2').slice(0, 12) + '\n');
	assert.match(run(shell, 'cat /etc/os-release').stdout, /Ubuntu/, 'the host keeps its own root filesystem');
});

test('docker run --memory writes memory.max in the container cgroup, readable from the host', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name limited --memory 64m --cpus 0.5 nginx');
	const id = containerId(shell, 'limited');
	expectLine(shell, `cat /sys/fs/cgroup/system.slice/docker-${id}.scope/memory.max`, `${64 * 1024 * 1024}\n`);
	expectLine(shell, `cat /sys/fs/cgroup/system.slice/docker-${id}.scope/cpu.max`, '50000 100000\n');
});

test('inside a container: its hostname, /etc/hosts with its own address, the host kernel', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kubia-container kubia');
	const short = containerId(shell, 'kubia-container').slice(0, 12);
	expectLine(shell, 'docker exec kubia-container cat /etc/hostname', `${short}\n`);
	assert.match(run(shell, 'docker exec kubia-container cat /etc/hosts').stdout, new RegExp(`^127\\.0\\.0\\.1\\tlocalhost\\n[\\s\\S]*172\\.17\\.0\\.2\\t${short}\\n$`));
	expectLine(shell, 'docker exec kubia-container uname -r', run(shell, 'uname -r').stdout);
	expectLine(shell, 'docker diff kubia-container', '', '', 0);
});
