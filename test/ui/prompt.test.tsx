import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

const promptLine = (frame: string) => frame.split('\n').filter(l => l.includes('root@host-1:~#')).pop() ?? '';

test('the four regions are on screen at 80x24', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	const frame = await ui.waitFor(f => f.includes('root@host-1:~#') && f.includes('? keys'), 'prompt and status bar');
	assert.match(frame, /cluster kubernetes/);
	assert.match(frame, /events/);
	assert.equal(frame.split('\n').length, 24);
	const wide = frame.split('\n').filter(line => [...line].length > 80);
	assert.deepEqual(wide, [], 'no line wider than the terminal');
});

test('typing, moving and editing like a shell', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('echo helo');
	await ui.waitFor(f => promptLine(f).includes('echo helo'));
	ui.press(keys.left, keys.left);
	ui.type('l');
	await ui.waitFor(f => promptLine(f).includes('echo hello'), 'the l inserted before the cursor');
	ui.press(keys.home);
	ui.type('X');
	await ui.waitFor(f => promptLine(f).includes('Xecho hello'), 'home moves to the start');
	ui.press(keys.backspace);
	ui.press(keys.delete);
	ui.type('E');
	await ui.waitFor(f => promptLine(f).includes('# Echo hello'), 'backspace removed X, delete removed e');
	ui.press(keys.ctrl('a'), keys.delete);
	ui.type('e');
	ui.press(keys.end);
	ui.type(' world');
	await ui.waitFor(f => promptLine(f).includes('# echo hello world'), 'end appends');
	ui.press(keys.ctrl('w'));
	await ui.waitFor(f => /# echo hello\s*$/.test(promptLine(f)), 'Ctrl-W deletes a word');
	ui.press(keys.backspace);
	ui.press(keys.enter);
	await ui.waitFor(f => f.split('\n').some(line => line.trim() === 'hello'), 'the command ran');
	ui.type('some words');
	await ui.waitFor(f => promptLine(f).includes('some words'));
	ui.press(keys.ctrl('u'));
	await ui.waitFor(f => !promptLine(f).includes('some words'), 'Ctrl-U clears the line');
});

test('history goes back and forth, and keeps the draft', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('echo one');
	ui.press(keys.enter);
	await ui.waitFor(f => f.includes('one\n') || f.split('\n').some(l => l.trim() === 'one'));
	ui.type('echo two');
	ui.press(keys.enter);
	await ui.waitFor(f => f.split('\n').some(l => l.trim() === 'two'));
	ui.type('draft');
	ui.press(keys.up);
	await ui.waitFor(f => promptLine(f).includes('echo two'), 'up shows the last command');
	ui.press(keys.up);
	await ui.waitFor(f => promptLine(f).includes('echo one'), 'up again: the one before');
	ui.press(keys.down, keys.down);
	await ui.waitFor(f => promptLine(f).includes('draft'), 'down past the newest: the draft is back');
});

test('a multi-line paste after `-f -` becomes that command\'s stdin', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('feed -f -');
	ui.press(keys.paste('\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\n'));
	await ui.waitFor(f => f.includes('> kind: Pod'), 'the pasted lines shown under the prompt');
	ui.press(keys.enter);
	await ui.waitForText('got 4 lines: apiVersion: v1');
});

test('Tab completes command names and kubectl resources', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('ech');
	ui.press(keys.tab);
	ui.type('x');
	await ui.waitFor(f => promptLine(f).includes('# echo x'), 'echo completed with a space');
});

test('q on an empty prompt quits; q inside a command is a letter', async () => {
	let quit = 0;
	const ui = renderUi(dashboard(sandboxController(), {onQuit: () => quit++}).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('echo q');
	await ui.waitFor(f => promptLine(f).includes('echo q'));
	assert.equal(quit, 0);
	ui.press(keys.ctrl('u'));
	await ui.waitFor(f => !promptLine(f).includes('echo q'));
	ui.type('q');
	await ui.waitFor(() => quit === 1, 'quit called');
});

test('Ctrl-C on a line being typed cancels it, as in every shell; on an empty prompt it quits', async () => {
	let quit = 0;
	const ui = renderUi(dashboard(sandboxController(), {onQuit: () => quit++}).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('kubectl get');
	ui.press(keys.ctrl('c'));
	await ui.waitFor(f => f.includes('# kubectl get^C') && promptLine(f).trimEnd().endsWith('#'), 'the line shown with ^C, the prompt empty');
	assert.equal(quit, 0);
	ui.press(keys.ctrl('c'));
	await ui.waitFor(() => quit === 1, 'quit called on the empty prompt');
});

test('resizing re-lays out, and too small a terminal says what it needs', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.resize(50, 14);
	await ui.waitForText('needs a terminal of at least 64x18');
	ui.resize(120, 40);
	const frame = await ui.waitFor(f => f.includes('root@host-1:~#') && f.split('\n').length === 40, 'the full screen at 120x40');
	assert.ok(frame.split('\n').some(line => line.length > 100), 'lines use the new width');
});

test('? shows the keys, any key closes them', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('?');
	await ui.waitFor(f => f.includes('pause / resume') && f.includes('solution (asks y/n)'), 'the keys overlay');
	ui.press(keys.escape);
	await ui.waitFor(f => f.includes('root@host-1:~#') && !f.includes('pause / resume'), 'closed');
});

test('the output scrolls back with Alt-↑ and returns with Alt-↓', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	for (let i = 1; i <= 12; i++) {
		ui.type(`echo line-${i}`);
		ui.press(keys.enter);
		await ui.waitFor(f => f.split('\n').some(l => l.trim() === `line-${i}`));
	}
	ui.press(keys.altUp, keys.altUp, keys.altUp);
	await ui.waitFor(f => f.includes('lines up') && f.split('\n').some(l => l.trim() === 'line-6'), 'older lines shown');
	ui.press(keys.altDown, keys.altDown, keys.altDown);
	await ui.waitFor(f => !f.includes('lines up') && f.split('\n').some(l => l.trim() === 'line-12'));
});

test('edit FILE hands the terminal to the editor and comes back', async () => {
	const opened: string[] = [];
	const {element} = dashboard(sandboxController(), {openEditor: path => (opened.push(path), {ok: true})});
	const ui = renderUi(element);
	await ui.waitForText('root@host-1:~#');
	ui.type('edit pod.yaml');
	ui.press(keys.enter);
	await ui.waitForText('back from editing pod.yaml');
	assert.deepEqual(opened, ['pod.yaml']);
});

test('a heredoc typed line by line runs once its end word is typed', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('feed <<EOF');
	ui.press(keys.enter);
	await ui.waitFor(f => /^>\s*$/m.test(f), 'a continuation line');
	ui.type('line one');
	ui.press(keys.enter);
	ui.type('EOF');
	ui.press(keys.enter);
	await ui.waitForText('got 1 lines: line one');
});

test('a pasted here-document runs when its end word arrives, with no extra Enter', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.press(keys.paste('feed <<EOF\nline one\nline two\nEOF'));
	await ui.waitForText('got 2 lines: line one');
	ui.press(keys.paste('echo first\necho second\n'));
	await ui.waitFor(f => f.includes('first') && f.includes('second') && promptLine(f).trimEnd().endsWith('#'), 'pasted lines ran, the prompt is empty');
});

test('the continuation prompt says how to finish; Ctrl-D ends a here-document', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('root@host-1:~#');
	ui.type('feed <<EOF');
	ui.press(keys.enter);
	await ui.waitForText('a line with just EOF runs it');
	ui.type('only line');
	ui.press(keys.enter);
	ui.press(keys.ctrl('d'));
	await ui.waitForText('got 1 lines: only line');
	assert.match(ui.frame(), /here-document delimited by end-of-file \(wanted `EOF'\)/);
});
