// One composition root for the shell (shell/simulation.ts): each simulation has its own command
// table, and what reads "the commands" (help, Tab completion) reads the session's, not a
// process-wide singleton.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {complete} from '../../source/shell/completion.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {createShellState} from '../../source/shell/session.ts';
import {createSimulation, learnerCommands} from '../../source/shell/simulation.ts';
import type {CommandSpec} from '../../source/shell/types.ts';

const frobnicate: CommandSpec = {name: 'frobnicate', summary: 'a command only this test has', run: () => ({stdout: 'frobbed\n', exitCode: 0})};

test('help lists the commands of its own simulation, and two simulations do not share a table', () => {
	const withExtra = createSimulation({commands: [...learnerCommands, frobnicate]});
	const plain = createSimulation();
	const shell = createShellState(createSandboxWorld(), learnerHost);
	const helpIn = (runtime: ReturnType<typeof plain.runtime>) => runLine(shell, 'help', runtime).stdout;
	assert.match(helpIn(withExtra.runtime(memoryDisk())), /^ {2}frobnicate +a command only this test has$/m);
	assert.doesNotMatch(helpIn(plain.runtime(memoryDisk())), /frobnicate/);
	assert.match(helpIn(plain.runtime(memoryDisk())), /^ {2}kubectl /m);
	assert.equal(plain.commands.has('frobnicate'), false);
});

test('the controller carries the table its lines run through, which Tab completion reads', () => {
	const simulation = createSimulation({commands: [...learnerCommands, frobnicate]});
	const controller = createTutorController(createShellState(createSandboxWorld(), learnerHost), simulation.runtime(memoryDisk()));
	assert.equal(controller.commands, simulation.commands);
	const completed = complete('frobn', 5, {commands: controller.commands, state: controller.snapshot().shell});
	assert.equal(JSON.stringify(completed).includes('frobnicate'), true, JSON.stringify(completed));
	assert.equal(controller.submit('frobnicate').stdout, 'frobbed\n');
});

// A container's script runs its tools (uname here) through the table of the simulation whose
// runtime advances the world, carried as ctx.runtime.programs: not through whichever simulation a
// module-level setter saw last (the old registerExternalProgramRunner), and not at all for the engine alone.
const fakeUname: CommandSpec = {name: 'uname', summary: 'a uname only this test has', run: () => ({stdout: 'uname of simulation A\n', exitCode: 0})};

test('container scripts run their tools through their own simulation, even when another was created after it', () => {
	const mine = createSimulation({commands: [...learnerCommands.filter(c => c.name !== 'uname'), fakeUname]});
	const later = createSimulation();
	const runtime = mine.runtime(memoryDisk());
	let shell = createShellState(createSandboxWorld(), learnerHost);
	for (const line of ["docker run -d --name loop busybox sh -c 'while true; do uname; sleep 5; done'", "kubectl run pod-loop --image=busybox -- sh -c 'while true; do uname; sleep 5; done'", 'sleep 30']) {
		const ran = runLine(shell, line, runtime);
		assert.equal(ran.exitCode, 0, ran.stderr);
		shell = ran.state;
	}
	const logs = (line: string) => runLine(shell, line, runtime).stdout;
	assert.match(logs('docker logs loop'), /^uname of simulation A\n(uname of simulation A\n)+$/, 'docker: the first run and the later ticks');
	assert.match(logs('kubectl logs pod-loop'), /^uname of simulation A\n(uname of simulation A\n)+$/, 'kubelet: the container start and the later ticks');
	assert.match(runLine(shell, 'docker logs loop', later.runtime(memoryDisk())).stdout, /^uname of simulation A\n/, 'logs are the world\'s, whoever reads them');
});

test('the engine alone answers a script\'s tools with a marked line, whichever simulations exist', () => {
	createSimulation();
	const shell = runLine(createShellState(createSandboxWorld(), learnerHost), "docker run -d --name loop busybox sh -c 'while true; do uname; sleep 5; done'", createSimulation().runtime(memoryDisk())).state;
	const world = tick(shell.world, 10_000);
	const container = [...world.dockers.get(learnerHost)!.containers.values()].find(c => c.name === 'loop')!;
	assert.ok(container.logs.some(line => line === '[simulator] uname ran in the container; its output is not simulated here'), container.logs.join('\n'));
});
