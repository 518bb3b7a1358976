// A line's stdout and stderr reach the terminal in the order its commands wrote them, as in a real
// shell: `ps --bogus; echo rc=$?` shows ps's complaint first. Redirects and pipes still take one
// stream each, and a file gets both in that same order.
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {createShellState} from '../../source/shell/session.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('an error comes before the output of the command after it', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const line = run(shell, 'ps --bogus; echo rc=$?');
	assert.match(line.text, /^error: unknown gnu long option\n[^]*For more details see ps\(1\)\.\nrc=1\n$/);
	assert.equal(line.stdout, 'rc=1\n', 'the streams stay apart');
	const loop = run(shell, 'for i in 1 2; do echo $i; ls /x$i; done');
	assert.equal(loop.text, "1\nls: cannot access '/x1': No such file or directory\n2\nls: cannot access '/x2': No such file or directory\n");
	const missing = run(shell, 'nosuch; echo after');
	assert.equal(missing.text, 'bash: nosuch: command not found\nafter\n');
});

test('a file gets both streams in the order they were written; a pipe takes only stdout', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, '{ echo a; ls /nope; echo b; } > out.txt 2>&1');
	assert.equal(run(shell, 'cat out.txt').text, "a\nls: cannot access '/nope': No such file or directory\nb\n");
	const piped = run(shell, 'echo one; ls /nope | wc -l; echo two');
	assert.equal(piped.text, "one\nls: cannot access '/nope': No such file or directory\n0\ntwo\n");
	const quiet = run(shell, 'echo one; ls /nope 2>/dev/null; echo two');
	assert.equal(quiet.text, 'one\ntwo\n');
});

test('the dashboard shell shows the lines in that order', () => {
	const controller = createTutorController(createShellState(createSandboxWorld({cluster: false}), learnerHost), createSimulation().bare(memoryDisk({})));
	controller.submit('echo first; ls /nope; echo last');
	const shown = controller.snapshot().output.slice(-3).map(entry => [entry.kind, entry.text]);
	assert.deepEqual(shown, [
		['stdout', 'first'],
		['stderr', "ls: cannot access '/nope': No such file or directory"],
		['stdout', 'last'],
	]);
});

test('an unknown command is reported in the words of the shell it was typed in', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	assert.equal(run(shell, 'kubectll get pods').stderr, 'bash: kubectll: command not found\n');
	run(shell, 'docker run -d --name web nginx');
	run(shell, 'docker exec -it web sh');
	assert.equal(run(shell, 'foo').stderr, 'sh: 1: foo: not found\n', "Debian's dash");
	run(shell, 'exit');
	run(shell, 'docker run -d --name bb busybox sleep 1000');
	run(shell, 'docker exec -it bb sh');
	assert.equal(run(shell, 'foo').stderr, 'sh: foo: not found\n', "busybox's ash");
	run(shell, 'exit');
	run(shell, 'docker exec -it web bash');
	assert.equal(run(shell, 'foo').stderr, 'bash: foo: command not found\n');
});

test('a failed docker build shows the legacy builder notice first, then its steps, then the error', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false}), files: {'b/Dockerfile': 'FROM busybox\nRUN false\n'}});
	const line = run(shell, 'docker build -t x b');
	assert.ok(line.text.startsWith('DEPRECATED: The legacy builder is deprecated'), line.text);
	assert.ok(line.text.indexOf('Step 2/2 : RUN false') < line.text.indexOf("The command '/bin/sh -c false' returned a non-zero code: 1"), line.text);
	assert.ok(line.text.endsWith("returned a non-zero code: 1\n"), line.text);
	assert.equal(line.exitCode, 1);
});
