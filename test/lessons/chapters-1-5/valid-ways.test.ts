// Checks accept every valid way (issue 13 §6): reading a cgroup file with head or grep as well as
// cat, comparing a file from a shell opened by `docker exec -it` as well as with one command.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {tick} from '../../../source/engine/tick.ts';
import {checkStep, replayToStep, stepWindow} from '../../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../../source/lessons/lint.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {runLine} from '../../../source/shell/run-line.ts';
import type {ShellState} from '../../../source/shell/types.ts';
import {projectRoot} from '../../helpers/built-cli.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';

const pack = loadLessonPack(join(projectRoot, 'lessons'));

/** What is still unmet after typing `lines` at the start of a step (`@N` lets N seconds pass). */
function unmetAfter(chapterNumber: number, stepId: string, lines: string[]): string[] {
	const chapter = pack.chapters.find(c => c.number === chapterNumber)!;
	const runtime = lessonRuntime(chapter);
	const index = chapter.meta.steps.findIndex(s => s.id === stepId);
	let shell: ShellState = replayToStep(chapter, index, runtime);
	const window = stepWindow(shell);
	for (const line of lines) {
		const wait = line.match(/^@(\d+)$/);
		if (wait) {
			shell = {...shell, world: tick(shell.world, Number(wait[1]) * 1000)};
			continue;
		}
		const result = runLine(shell, line, runtime);
		shell = result.state;
		window.commands.push({line, exitCode: result.exitCode, ...(result.ownNamespaces ? {ownNamespaces: result.ownNamespaces} : {})}, ...(result.asRun ? [{line: result.asRun, exitCode: result.exitCode}] : []));
	}
	return checkStep(chapter.meta.steps[index]!, shell, window, 'en').unmet;
}

test('chapter 3: the OOM counters read with grep, the cpu.stat with head', () => {
	assert.deepEqual(unmetAfter(3, 'oom', ['echo $$ > /sys/fs/cgroup/demo/cgroup.procs', 'stress --vm 1 --vm-bytes 200M', 'grep oom_kill /sys/fs/cgroup/demo/memory.events']), []);
	const cpu = ['mkdir /sys/fs/cgroup/half', 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max', 'echo $$ > /sys/fs/cgroup/half/cgroup.procs', 'stress --cpu 2 &', '@5'];
	assert.deepEqual(unmetAfter(3, 'cpu', [...cpu, 'cd /sys/fs/cgroup/half', 'head -n 6 cpu.stat']), []);
	assert.equal(unmetAfter(3, 'cpu', [...cpu, 'ls /sys/fs/cgroup/half']).length, 1, 'listing the folder is not reading the counters');
});

test('chapter 5: the unchanged file read from a shell opened with docker exec -it', () => {
	const lines = ['docker run -d --name one kubia', 'docker run -d --name two kubia', `docker exec one sh -c 'echo "// changed in one" >> /app.js'`, 'docker exec -it two sh', 'tail -n 2 /app.js', 'exit'];
	assert.deepEqual(unmetAfter(5, 'cow', lines), []);
	assert.equal(unmetAfter(5, 'cow', lines.slice(0, 4)).length, 1, 'opening the shell alone is not comparing');
});

test('chapter 2: the hostname read with uname -n, interfaces listed with ip address show or ip -br l', () => {
	assert.deepEqual(unmetAfter(2, 'uts', ['unshare --uts bash', 'hostname container-1', 'uname -n']), []);
	assert.deepEqual(unmetAfter(2, 'uts', ['unshare --uts bash', 'hostname container-1', 'cat /proc/sys/kernel/hostname']), []);
	assert.equal(unmetAfter(2, 'uts', ['unshare --uts bash', 'hostname container-1']).length, 1, 'setting the name is not reading it');
	assert.deepEqual(unmetAfter(2, 'net', ['exit', 'unshare --net bash', 'ip address show']), []);
	assert.deepEqual(unmetAfter(2, 'net', ['exit', 'unshare --net bash', 'ip -br l']), []);
	assert.equal(unmetAfter(2, 'net', ['exit', 'unshare --net bash', 'ip route']).length, 1, 'routes are not the interfaces');
	assert.equal(unmetAfter(2, 'net', ['exit', 'ip link', 'unshare --net bash']).length, 1, "the host's interfaces, listed before, are not the new namespace's (playtest, zh-CN)");
	assert.deepEqual(unmetAfter(2, 'net', ['exit', 'ip link', 'unshare --net bash', 'ip a']), []);
});

test('chapter 1: app-1 stopped with kill from the host, by pid or by name; docker stop is not the task', () => {
	assert.deepEqual(unmetAfter(1, 'host-process', ["kill $(docker inspect -f '{{.State.Pid}}' app-1)"]), []);
	assert.deepEqual(unmetAfter(1, 'host-process', ["PID=$(docker inspect -f '{{.State.Pid}}' app-1); kill -9 $PID"]), []);
	assert.equal(unmetAfter(1, 'host-process', ['docker stop app-1']).length, 1, 'docker stop stops it without a signal from the host');
	assert.equal(unmetAfter(1, 'host-process', ['docker kill app-1']).length, 1);
	assert.deepEqual(unmetAfter(1, 'host-process', ['docker stop app-1', 'docker start app-1', "kill $(docker inspect -f '{{.State.Pid}}' app-1)"]), [], 'no dead end after docker stop: start it, then kill');
});

test('chapter 5: SHARED SIZE is seen with docker system df -v or --verbose; plain docker system df does not show it', () => {
	assert.deepEqual(unmetAfter(5, 'pull', ['docker pull luksa/kubia', 'docker system df -v']), []);
	assert.deepEqual(unmetAfter(5, 'pull', ['docker pull luksa/kubia', 'docker system df --verbose']), []);
	assert.equal(unmetAfter(5, 'pull', ['docker pull luksa/kubia', 'docker system df']).length, 1, 'no SHARED SIZE column without -v');
	assert.equal(unmetAfter(5, 'pull', ['docker pull luksa/kubia', 'docker system df; ls -v']).length, 1);
});

test('chapter 2: a veth pair made in the unshare --net shell dies with it; the step needs both ends of one pair (playtest, zh-CN)', () => {
	const inside = ['ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue', 'exit'];
	const again = ['ip link add veth-host type veth peer name veth-blue', 'ip netns exec blue ip link'];
	assert.equal(unmetAfter(2, 'veth', [...inside, ...again]).length, 1, "the first pair's veth-blue went with the namespace it was made in");
	assert.deepEqual(unmetAfter(2, 'veth', [...inside, ...again, 'ip link set veth-blue netns blue']), []);
	assert.deepEqual(unmetAfter(2, 'veth', ['exit', 'ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue', 'ip -n blue link']), []);
});

test('chapter 2: the user namespace looked at in one line (id; cat uid_map; hostname test), not from outside (playtest, zh-CN)', () => {
	assert.deepEqual(unmetAfter(2, 'userns', ['su - learner', 'unshare -Ur bash', 'id; cat /proc/self/uid_map; hostname test']), []);
	assert.deepEqual(unmetAfter(2, 'userns', ['su - learner', 'unshare --user --map-root-user bash', 'head /proc/$$/uid_map', 'hostname test']), []);
	assert.equal(unmetAfter(2, 'userns', ['su - learner', 'cat /proc/self/uid_map', 'hostname test', 'unshare -Ur bash']).length, 2, 'typed outside the namespace');
});

test('chapters 4 and 5: the management commands count as well (docker image ls, container logs, image history, container diff) (playtest)', () => {
	assert.deepEqual(unmetAfter(4, 'build', ['docker build --tag kubia .', 'docker image ls']), []);
	assert.deepEqual(unmetAfter(4, 'build', ['docker build -t kubia .', 'docker image list']), []);
	assert.equal(unmetAfter(4, 'build', ['docker build -t kubia .', 'docker ps']).length, 1);
	assert.deepEqual(unmetAfter(5, 'share', ['docker build -t hello hello/', 'docker image history hello']), []);
	assert.equal(unmetAfter(5, 'share', ['docker build -t hello hello/', 'docker image history kubia']).length, 1, 'the other image');
});

test('docker run with a bad name after a pull keeps the pulled image, as the daemon does (playtest, chapter 4)', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	assert.match(run(shell, 'docker run -d --name w nginx').stderr, /Invalid container name \(w\)/);
	assert.match(run(shell, 'docker images nginx').stdout, /^nginx +latest/m);
});

test("chapter 4: host-2's app asked with ssh host-2 curl or curl host-2:8080 from host-1; curl to host-1's own kubia is not it (playtest)", () => {
	const run2 = 'ssh host-2 docker run -d -p 8080:8080 --name kubia-container learner/kubia';
	assert.deepEqual(unmetAfter(4, 'elsewhere', [run2, 'ssh host-2 curl -s localhost:8080']), []);
	assert.deepEqual(unmetAfter(4, 'elsewhere', [run2, 'curl -s host-2:8080']), []);
	assert.deepEqual(unmetAfter(4, 'elsewhere', ['ssh host-2', 'docker run -d -p 8080:8080 --name kubia-container learner/kubia', 'curl localhost:8080']), []);
	assert.equal(unmetAfter(4, 'elsewhere', [run2, 'curl -s localhost:8080']).length, 1, "host-1's own container answered");
});
