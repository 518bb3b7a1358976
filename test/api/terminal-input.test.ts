// The container side of `kubectl exec -it`: echo, editing keys, Enter, Ctrl-C, Ctrl-D, arrow keys.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {emptyInput, feedInput, onTerminal} from '../../source/api/terminal-input.ts';

test('typed keys echo, Backspace erases on screen and in the line, Enter ends the line', () => {
	const fed = feedInput(emptyInput(), 'lsx\u007f -l\r', true);
	assert.equal(fed.echo, 'lsx\b \b -l\r\n');
	assert.deepEqual(fed.events, [{line: 'ls -l'}]);
	assert.equal(fed.pending, '');
});

test('a line can arrive one key at a time', () => {
	let state = emptyInput();
	for (const key of 'echo hi') state = feedInput({...state, events: []}, key, true);
	state = feedInput({...state, events: []}, '\r', true);
	assert.deepEqual(state.events, [{line: 'echo hi'}]);
});

test('Ctrl-C drops the line, Ctrl-D ends input only on an empty line, arrow keys are swallowed', () => {
	const interrupted = feedInput(emptyInput(), 'sleep 10\u0003', true);
	assert.deepEqual([interrupted.echo.endsWith('^C\r\n'), interrupted.events, interrupted.pending], [true, [{interrupt: true}], '']);
	assert.deepEqual(feedInput(emptyInput(), 'ab\u0004', true).events, []);
	assert.deepEqual(feedInput(emptyInput(), '\u0004', true).events, [{eof: true}]);
	const arrows = feedInput(emptyInput(), 'a\u001b[A\u001b[1;5Cb\u001bOB\r', true);
	assert.deepEqual(arrows.events, [{line: 'ab'}]);
	assert.equal(arrows.echo, 'ab\r\n');
});

test('without a terminal input is only split into lines: no echo', () => {
	const fed = feedInput(emptyInput(), 'hostname\necho two\r\npart', false);
	assert.deepEqual([fed.echo, fed.events, fed.pending], ['', [{line: 'hostname'}, {line: 'echo two'}], 'part']);
	assert.equal(onTerminal('a\nb\r\n'), 'a\r\nb\r\n');
});
