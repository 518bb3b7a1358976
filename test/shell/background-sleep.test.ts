// `sleep 1000 &` starts a sleep process in the background, as in bash: it shows in ps, kill %1
// ends it, and it exits by itself when its time is up. The simulated clock does not jump (it
// jumped 1000 s, and in the final challenge that was most of the game).
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('sleep N & runs in the background without moving the clock', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const start = shell.state.world.time;
	const job = run(shell, 'sleep 1000 &').stdout.match(/^\[1\] (\d+)\n$/)![1]!;
	assert.ok(shell.state.world.time - start < 1000, 'the clock did not jump');
	assert.match(run(shell, 'ps -o pid,cmd').stdout, new RegExp(`^ +${job} sleep 1000$`, 'm'));
	run(shell, 'kill %1');
	assert.doesNotMatch(run(shell, 'ps -o pid,cmd').stdout, /sleep 1000/);
	run(shell, 'sleep 5 &');
	assert.match(run(shell, 'ps -o cmd').stdout, /^sleep 5$/m);
	run(shell, 'sleep 6');
	assert.doesNotMatch(run(shell, 'ps -o cmd').stdout, /^sleep 5$/m, 'it ended when its time was up');
});
