import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runCli} from '../helpers/built-cli.ts';

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
