// One composition root for the shell (shell/simulation.ts): each simulation has its own command
// table, and what reads "the commands" (help, Tab completion) reads the session's, not a
// process-wide singleton.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
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
