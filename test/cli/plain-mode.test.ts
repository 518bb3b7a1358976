import assert from 'node:assert/strict';
import {test} from 'node:test';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {builtCli, node22, runCli} from '../helpers/built-cli.ts';

test('sandbox reads commands from stdin, prints each with its output, exits with the last code', () => {
	const run = runCli(['sandbox'], {input: 'echo hello | wc -c\nhostname\nfalse\n'});
	assert.equal(run.status, 1);
	assert.match(run.stdout, /root@host-1:~# echo hello \| wc -c\n6\n/);
	assert.doesNotMatch(run.stdout, /\x1b\[/, 'no escape sequences in plain mode');
});

test('plain mode keeps going after errors and never prints a stack trace', () => {
	const run = runCli(['sandbox', '--plain'], {input: 'nosuchcommand --x\necho "unterminated\necho still here\n'});
	assert.equal(run.status, 0);
	assert.match(run.stdout, /nosuchcommand: command not found/);
	assert.match(run.stdout, /unexpected EOF/);
	assert.match(run.stdout, /still here/);
	assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
});

test('a here-document spans lines in a script', () => {
	const run = runCli(['sandbox'], {input: 'grep b <<EOF\na\nb\nEOF\necho done\n'});
	assert.equal(run.status, 0);
	assert.match(run.stdout, /\nb\n/);
	assert.match(run.stdout, /done\n/);
});

test('exit at the top ends the session with its code', () => {
	const run = runCli(['sandbox'], {input: 'exit 4\necho never\n'});
	assert.equal(run.status, 4);
	assert.doesNotMatch(run.stdout, /never/);
});

test('output piped into a reader that stops early ends quietly (no EPIPE crash)', () => {
	const folder = mkdtempSync(join(tmpdir(), 'k8s-tutor-test-'));
	const script = join(folder, 'script.txt');
	writeFileSync(script, Array.from({length: 3000}, (_, i) => `echo line ${i}`).join('\n') + '\n');
	const run = spawnSync('bash', ['-c', `"${node22}" "${builtCli}" sandbox < "${script}" | head -n 2`], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', K8S_TUTOR_HOME: folder}});
	assert.equal(run.status, 0);
	assert.equal(run.stdout.split('\n').length, 3);
	assert.doesNotMatch(run.stderr, /EPIPE|Error/);
});

test('a mistyped command gets a "did you mean" in the sandbox and in a lesson', () => {
	const sandbox = runCli(['sandbox'], {input: 'dokcer ps\n'});
	assert.match(sandbox.stdout, /dokcer: command not found\n\[simulator\] did you mean 'docker'\?/);
	const lesson = runCli(['start', '0', '--plain'], {input: 'kubectll get pods\n'});
	assert.match(lesson.stdout, /kubectll: command not found\n\[simulator\] did you mean 'kubectl'\?/);
});
