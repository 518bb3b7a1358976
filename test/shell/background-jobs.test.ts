// bash's job table: a background job that ended is reported once before the next prompt, in
// bash's own format (`[1]+  Done                    sleep 5`, Exit N, Terminated, Killed), job
// numbers start at 1 again once all are done, and jobs, wait, fg and kill %N use the table.
// (No such line was printed; `jobs`, `wait` and `fg` said "command not found".)
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

const fresh = () => sandboxShell({world: createSandboxWorld({cluster: false})});

test('a job that ended is reported at the next prompt, also after Enter alone, then never again', () => {
	const shell = fresh();
	assert.match(run(shell, 'sleep 5 &').stdout, /^\[1\] \d+\n$/);
	assert.equal(run(shell, '').text, '', 'still running');
	shell.state = {...shell.state, world: tick(shell.state.world, 6000)};
	const enter = run(shell, '');
	assert.deepEqual([enter.stdout, enter.stderr], ['', '[1]+  Done                    sleep 5\n']);
	assert.equal(run(shell, '').text, '');
	assert.match(run(shell, 'sleep 9 &').stdout, /^\[1\] /, 'numbers start at 1 again');
});

test('multipass exec ... & is a client that runs until it is killed; docker run -d ... & is done at once', () => {
	const shell = fresh();
	run(shell, 'multipass launch --name vm1');
	assert.match(run(shell, 'multipass exec vm1 -- python3 -m http.server 8000 &').text, /^\[1\] \d+\nServing HTTP/);
	assert.equal(run(shell, 'jobs').text, '[1]+  Running                 multipass exec vm1 -- python3 -m http.server 8000 &\n');
	run(shell, 'kill %1');
	assert.equal(run(shell, '').text, '[1]+  Terminated              multipass exec vm1 -- python3 -m http.server 8000\n');
	assert.match(run(shell, 'docker run -d --name web nginx &').text, /\n\[1\]\+  Done                    docker run -d --name web nginx\n$/);
});

test('several jobs: marks + and -, the report after the command that outlived them, Exit N', () => {
	const shell = fresh();
	assert.match(run(shell, 'sleep 1 & sleep 2 &').stdout, /^\[1\] \d+\n\[2\] \d+\n$/);
	assert.equal(run(shell, 'sleep 3; echo woke').text, 'woke\n[1]-  Done                    sleep 1\n[2]+  Done                    sleep 2\n');
	assert.match(run(shell, 'false &').text, /^\[1\] \d+\n\[1\]\+  Exit 1                  false\n$/);
	assert.match(run(shell, '(exit 3) &').text, /\[1\]\+  Exit 3                  \( exit 3 \)\n$/);
	assert.match(run(shell, 'echo hi &').text, /^\[1\] \d+\nhi\n\[1\]\+  Done                    echo hi\n$/);
});

test('jobs lists them; kill %N ends one (Terminated, Killed); wait and fg wait in simulated time', () => {
	const shell = fresh();
	run(shell, 'sleep 100 >/dev/null 2>&1 &');
	run(shell, 'sleep 200 &');
	assert.equal(run(shell, 'jobs').text, '[1]-  Running                 sleep 100 > /dev/null 2>&1 &\n[2]+  Running                 sleep 200 &\n');
	assert.match(run(shell, 'jobs -l').text, /^\[1\]-  \d+ Running {17}sleep 100/);
	assert.equal(run(shell, 'kill %1').text, '', 'bash notices the death at the prompt after');
	assert.equal(run(shell, '').text, '[1]-  Terminated              sleep 100 > /dev/null 2>&1\n');
	assert.equal(run(shell, 'kill -9 %2; jobs').text, '[2]+  Killed                  sleep 200\n', 'jobs says it at once');
	assert.equal(run(shell, '').text, '');
	assert.equal(run(shell, 'kill %2').text, 'bash: kill: %2: no such job\n');
	assert.equal(run(shell, 'fg').text, 'bash: fg: current: no such job\n');
	run(shell, 'sleep 30 &');
	const start = shell.state.world.time;
	assert.equal(run(shell, 'fg').text, 'sleep 30\n', 'a job ended in the foreground is not reported');
	assert.ok(shell.state.world.time - start >= 30_000);
	assert.match(run(shell, 'sleep 5 & wait').text, /^\[1\] \d+\n\[1\]\+  Done                    sleep 5\n$/);
	assert.equal(run(shell, 'wait %4').text, 'bash: wait: %4: no such job\n');
	assert.equal(run(shell, 'type jobs wait fg').text, 'jobs is a shell builtin\nwait is a shell builtin\nfg is a shell builtin\n');
});

test('jobs, wait, fg and exit answer --help with their synopsis, as cd does (not an error)', () => {
	const shell = fresh();
	assert.equal(run(shell, 'jobs --help').text, 'jobs: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n');
	assert.equal(run(shell, 'wait --help').text, 'wait: wait [-fn] [-p var] [id ...]\n');
	assert.equal(run(shell, 'fg --help').text, 'fg: fg [job_spec]\n');
	const exit = run(shell, 'exit --help');
	assert.deepEqual([exit.text, exit.effects], ['exit: exit [n]\n', []], 'it does not quit the tutor');
});
