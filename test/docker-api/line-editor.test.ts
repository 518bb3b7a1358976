// The line discipline a raw-mode docker client relies on: echo, backspace, Ctrl-C, Ctrl-U, Ctrl-D.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {edit} from '../../source/docker-api/line-editor.ts';

test('typed keys are echoed, erased with backspace, and handed over at Enter', () => {
	const typed = edit({line: ''}, 'lx\x7fs -l\r');
	assert.deepEqual([typed.echo, typed.lines, typed.state.line], ['lx\b \bs -l\r\n', ['ls -l'], '']);
	assert.deepEqual(edit({line: 'ab'}, '\x15').echo, '\b \b\b \b');
	const interrupted = edit({line: 'sleep 9'}, '\x03');
	assert.deepEqual([interrupted.interrupted, interrupted.echo, interrupted.state.line], [true, '^C\r\n', '']);
	assert.equal(edit({line: ''}, '\x04').eof, true);
	assert.equal(edit({line: 'x'}, '\x04').eof, false);
	assert.deepEqual(edit({line: ''}, '\x1b[A\x1b[Bok\r').lines, ['ok']);
});
