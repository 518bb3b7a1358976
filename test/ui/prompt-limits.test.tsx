// A huge paste is cut to what the prompt holds, with a line saying so, and the prompt keeps
// answering keys; a paste of many ordinary lines stays whole.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {initialPrompt, promptLimit, promptLineLimit, promptReducer} from '../../source/ui/prompt/prompt-state.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

test('a 1 MB single line is cut to the line limit and marked; the next key clears the mark', () => {
	const cut = promptReducer(initialPrompt(), {type: 'inserted', text: 'x'.repeat(1024 * 1024)});
	assert.equal(cut.value.length, promptLineLimit);
	assert.equal(cut.cursor, promptLineLimit);
	assert.equal(cut.cut, true);
	assert.equal(promptReducer(cut, {type: 'moved-left'}).cut, undefined);
	const typedInto = promptReducer(promptReducer(initialPrompt(), {type: 'inserted', text: 'echo '}), {type: 'inserted', text: 'y'.repeat(promptLineLimit)});
	assert.equal(typedInto.value, 'echo ' + 'y'.repeat(promptLineLimit - 5));
});

test('a paste of 5,000 ordinary lines stays whole; more than the prompt holds is cut', () => {
	const lines = Array.from({length: 5000}, (_, i) => `echo line ${i} ${'-'.repeat(40)}`).join('\n');
	const whole = promptReducer(initialPrompt(), {type: 'inserted', text: lines});
	assert.equal(whole.value, lines);
	assert.equal(whole.cut, undefined);
	const huge = promptReducer(initialPrompt(), {type: 'inserted', text: (lines + '\n').repeat(4)});
	assert.equal(huge.value.length, promptLimit);
	assert.equal(huge.cut, true);
});

test('pasting 1 MB on one line: a message under the prompt, and the prompt still answers', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('echo ');
	ui.press(keys.paste('z'.repeat(1024 * 1024)));
	await ui.waitFor(f => f.includes('Pasted text cut: a line holds at most 16,384 characters'), 'the cut message');
	ui.press(keys.ctrl('u'));
	ui.type('echo still here');
	ui.press(keys.enter);
	await ui.waitFor(f => f.split('\n').some(line => line.trim() === 'still here'), 'the next command ran');
});
