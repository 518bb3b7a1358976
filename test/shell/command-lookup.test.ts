// type, command -v and which answer as bash and Ubuntu's which do: keywords, builtins, the
// learner's functions and program files where Ubuntu 24.04 keeps them (in a container, where its
// image has them). They were "command not found".
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('type, command -v and which on the host', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const type = run(shell, 'type ls cd if nosuch');
	assert.equal(type.stdout, 'ls is /usr/bin/ls\ncd is a shell builtin\nif is a shell keyword\n');
	assert.deepEqual([type.stderr, type.exitCode], ['bash: type: nosuch: not found\n', 1]);
	assert.equal(run(shell, 'type -t echo kubectl').stdout, 'builtin\nfile\n');
	assert.equal(run(shell, 'command -v docker cd nosuch; echo rc=$?').stdout, '/usr/bin/docker\ncd\nrc=1\n');
	assert.equal(run(shell, 'which kubectl ip multipass cd; echo rc=$?').stdout, '/usr/bin/kubectl\n/usr/sbin/ip\n/snap/bin/multipass\nrc=1\n', 'cd has no program file');
	assert.match(run(shell, 'which challenge').stderr, /^\[simulator\] challenge is a command of this tutor/);
	assert.equal(run(shell, 'ls() { echo mine; }; ls; type ls; command echo real').stdout, 'mine\nls is a function\nreal\n');
});

test('which in a container finds what its image has', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker run -d --name bb busybox sleep 999');
	run(shell, 'docker exec -it bb sh');
	const found = run(shell, 'which ls sh bash');
	assert.deepEqual([found.stdout, found.exitCode], ['/bin/ls\n/bin/sh\n', 1]);
});
