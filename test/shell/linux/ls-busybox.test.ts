// ls inside a busybox (or alpine) container is busybox's applet, not GNU coreutils: a missing
// path is `ls: /nope: No such file or directory` and the exit status 1. busybox coreutils/ls.c,
// my_stat(): `bb_simple_perror_msg(fullname); G.exit_code = EXIT_FAILURE;`. It printed GNU's
// "ls: cannot access '/nope': ..." with exit 2 (a wrong fact about the image).
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('ls of a missing path in a busybox container: busybox wording, exit 1', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker run -d --name bb busybox sleep 999');
	const exec = run(shell, 'docker exec bb ls /nope');
	assert.deepEqual([exec.stderr, exec.exitCode], ['ls: /nope: No such file or directory\n', 1]);
	run(shell, 'docker exec -it bb sh');
	assert.equal(run(shell, 'ls /etc /nope >/dev/null; echo rc=$?').text, 'ls: /nope: No such file or directory\nrc=1\n');
	run(shell, 'exit');
	const host = run(shell, 'ls /nope');
	assert.deepEqual([host.stderr, host.exitCode], ["ls: cannot access '/nope': No such file or directory\n", 2], 'GNU ls on the Ubuntu host');
});
