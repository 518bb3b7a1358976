// wget reads its options from one spec per program: GNU Wget on an Ubuntu host (its own help text,
// getopt_long's words then "Try `wget --help'", exit 2), busybox's applet in a busybox container
// (glibc getopt's words, then the BusyBox usage block, exit 1). Compared with GNU Wget 1.21.3 and
// busybox 1.36's networking/wget.c.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {wgetHelp} from '../../../source/shell/commands/linux/help-texts-net.ts';
import {busyboxWgetUsage} from '../../../source/shell/commands/linux/option-specs-busybox.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const tryHelp = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

function withNginx() {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	runAll(shell, ['docker run -d -p 8080:80 --name web nginx', 'docker pull busybox']);
	return shell;
}

test('GNU wget on the host: getopt_long words, exit 2; --help prints its help; -nv is the option -n', () => {
	const shell = sandboxShell();
	const answer = (line: string) => {
		const r = run(shell, line);
		return [r.exitCode, r.stdout, r.stderr];
	};
	assert.deepEqual(answer('wget --foo'), [2, '', `wget: unrecognized option '--foo'\n${tryHelp}`]);
	assert.deepEqual(answer('wget -Z x'), [2, '', `wget: invalid option -- 'Z'\n${tryHelp}`]);
	assert.deepEqual(answer('wget -O'), [2, '', `wget: option requires an argument -- 'O'\n${tryHelp}`]);
	assert.deepEqual(answer('wget --qu x'), [2, '', `wget: option '--qu' is ambiguous; possibilities: '--quiet' '--quota'\n${tryHelp}`]);
	assert.deepEqual(answer('wget --help'), [0, wgetHelp, '']);
	assert.deepEqual(answer('wget -h'), [0, wgetHelp, '']);
	assert.deepEqual(answer('wget'), [1, '', `wget: missing URL\n${tryHelp}`]);
});

test('GNU wget: -qO- and --output-document=- print the page; a real option not simulated says so', () => {
	const shell = withNginx();
	assert.match(run(shell, 'wget -qO- localhost:8080').stdout, /Welcome to nginx!/);
	assert.match(run(shell, 'wget --quiet --output-document=- localhost:8080').stdout, /Welcome to nginx!/);
	const nv = run(shell, 'wget -nv -q -O- localhost:8080');
	assert.match(nv.stdout, /Welcome to nginx!/);
	assert.equal(nv.stderr, '[simulator] wget -n: accepted, not simulated here\n');
});

test('busybox wget in a container: glibc getopt words and the BusyBox usage block, exit 1', () => {
	const shell = withNginx();
	const answer = (line: string) => {
		const r = run(shell, line);
		return [r.exitCode, r.stdout, r.stderr];
	};
	assert.deepEqual(answer('docker run --rm busybox wget --foo x'), [1, '', `wget: unrecognized option '--foo'\n${busyboxWgetUsage}`]);
	assert.deepEqual(answer('docker run --rm busybox wget -Z x'), [1, '', `wget: invalid option -- 'Z'\n${busyboxWgetUsage}`]);
	assert.deepEqual(answer('docker run --rm busybox wget'), [1, '', busyboxWgetUsage]);
	runAll(shell, ['docker run -d --name bb busybox sleep 999']);
	assert.deepEqual(answer('docker exec bb wget --help'), [0, '', busyboxWgetUsage]);
	assert.match(run(shell, 'docker run --rm busybox wget -qO- 172.17.0.2').stdout, /Welcome to nginx!/);
	assert.match(run(shell, 'docker run --rm busybox wget -q --output-document - 172.17.0.2').stdout, /Welcome to nginx!/);
});

test('docker run/exec: a --help after the image or container is the program\'s, not docker\'s', () => {
	const shell = withNginx();
	runAll(shell, ['docker run -d --name bb busybox sleep 999']);
	assert.deepEqual([run(shell, 'docker run --rm busybox wget --help').stderr], [busyboxWgetUsage]);
	assert.deepEqual([run(shell, 'docker exec bb wget --help').stderr], [busyboxWgetUsage]);
	assert.match(run(shell, 'docker run --help').stdout, /^Usage: {2}docker run \[OPTIONS\] IMAGE/);
	assert.match(run(shell, 'docker exec --help bb').stdout, /^Usage: {2}docker exec \[OPTIONS\] CONTAINER COMMAND/);
	assert.match(run(shell, 'docker run -e A=1 --help busybox').stdout, /^Usage: {2}docker run/);
});
