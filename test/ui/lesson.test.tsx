import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';

afterEach(cleanupUi);

test('the lesson pane and status bar show the chapter, the task, xp', async () => {
	const lesson = fakeLesson(baseLessonView());
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	const frame = await ui.waitForText('Push the image');
	assert.match(frame, /4 · Images and registries/);
	assert.match(frame, /Not yet:/);
	assert.match(frame, /4 Images and registries · task 2\/5 · 340 xp · ▶ 1x/);
	assert.match(frame, /hint Alt-h · solution Alt-s/);
	assert.match(frame, /─ docker/, 'the pane at the depth the lesson asks for');
});

test('Alt-h shows a hint; h typed on the prompt is just a letter', async () => {
	const lesson = fakeLesson(baseLessonView());
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	await ui.waitForText('Push the image');
	ui.type('h');
	await ui.waitFor(f => /~# h\s*$/m.test(f), 'h on the prompt');
	assert.deepEqual(lesson.actions, []);
	ui.press(keys.backspace, keys.alt('h'));
	await ui.waitForText('Hint 1: hint number 1');
});

test('the solution asks first: y shows it', async () => {
	const lesson = fakeLesson(baseLessonView());
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	await ui.waitForText('Push the image');
	ui.press(keys.alt('s'));
	await ui.waitForText('Show the solution? y / n');
	ui.type('y');
	await ui.waitForText('$ docker push luksa/kubia');
	assert.deepEqual(lesson.actions, ['solution', 'confirm']);
});

test('in the lesson pane (Tab on an empty prompt), keys act alone: quiz answers by letter', async () => {
	const lesson = fakeLesson(
		baseLessonView({
			kind: 'quiz',
			stepTitle: 'Layers',
			text: 'Think about layers.',
			unmet: [],
			quiz: {question: 'Why is the second push fast?', choices: [{key: 'a', text: 'compression'}, {key: 'b', text: 'the layers already exist'}]},
		}),
	);
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	await ui.waitForText('Why is the second push fast?');
	ui.press(keys.tab);
	await ui.waitForText('keys: lesson');
	ui.type('b');
	await ui.waitForText('✓b) the layers already exist');
	ui.type('n');
	await ui.waitFor(() => lesson.actions.includes('next'), 'next sent');
	assert.deepEqual(lesson.actions, ['answer:b', 'next']);
	ui.type('e');
	await ui.waitFor(f => /~# e\s*$/m.test(f), 'any other letter goes back to the prompt');
});

test('PgDn scrolls a long lesson', async () => {
	const text = Array.from({length: 40}, (_, i) => `Paragraph line ${i + 1}.`).join('\n\n');
	const lesson = fakeLesson(baseLessonView({text}));
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	await ui.waitForText('Paragraph line 1.');
	ui.press(keys.pageDown);
	const frame = await ui.waitFor(f => !f.includes('Paragraph line 1.') && f.includes('↑ PgUp'), 'scrolled');
	assert.match(frame, /Paragraph line \d+\./);
});

test('on a read step, n on an empty prompt is next; other letters type', async () => {
	const lesson = fakeLesson(baseLessonView({kind: 'read', stepTitle: 'Images', unmet: []}));
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element);
	await ui.waitForText('next n');
	ui.type('l');
	await ui.waitFor(f => /~# l\s*$/m.test(f), 'l typed');
	ui.type('n');
	await ui.waitFor(f => /~# ln\s*$/m.test(f), 'n inside a word is a letter');
	assert.deepEqual(lesson.actions, []);
	ui.press(keys.ctrl('u'));
	await ui.waitFor(f => /~#\s*$/m.test(f));
	ui.type('n');
	await ui.waitFor(() => lesson.actions.includes('next'), 'next sent');
});

test('Alt-m opens the chapter menu; Enter opens the chosen chapter', async () => {
	const lesson = fakeLesson(baseLessonView({chapterDone: true, passed: true, kind: 'summary', unmet: []}));
	const opened: string[] = [];
	const entry = (id: string, number: number, title: string, done: boolean) => ({id, number, title, description: `About ${title}.`, stepCount: 5, stepsDone: done ? 5 : 0, done, started: done, locked: false, missingPrerequisites: [], xp: done ? 100 : 0});
	const menu = {chapters: [entry('docker', 4, 'Images and registries', true), entry('layers', 5, 'Layers', false)], totalXp: 100};
	const {element} = dashboard(sandboxController(createSandboxWorld(), lesson), {chapters: {menu: () => menu, current: 'docker', open: id => void opened.push(id)}});
	const ui = renderUi(element);
	await ui.waitForText('chapters Alt-m');
	ui.press(keys.alt('m'));
	const frame = await ui.waitForText('─ chapters');
	assert.match(frame, /▸ ✓  4  Images and registries/);
	ui.press(keys.down);
	await ui.waitForText('About Layers.');
	ui.press(keys.enter);
	await ui.waitFor(() => opened.length === 1, 'the chapter opened');
	assert.deepEqual(opened, ['layers']);
});

test('the dashboard speaks Chinese with --lang zh-CN, wide characters in their columns', async () => {
	const lesson = fakeLesson(baseLessonView({chapterTitle: '镜像与仓库', stepTitle: '推送镜像', text: '把 **kubia** 推送到仓库：容器镜像由多个层组成，每一层都是一个文件系统的变更集合。'}));
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson), {locale: 'zh-CN'}).element);
	const frame = await ui.waitForText('还没完成：');
	assert.match(frame, /4 镜像与仓库 · 任务 2\/5 · 340 xp · ▶ 1x · \? 按键/);
	assert.match(frame, /提示 Alt-h · 答案 Alt-s/);
	const divider = frame.split('\n').filter(l => l.includes('│')).map(l => {
		let width = 0;
		for (const char of l.slice(0, l.indexOf('│'))) width += /[\u3000-\u9fff\uff00-\uff60]/.test(char) ? 2 : 1;
		return width;
	});
	assert.ok(divider.length > 5 && divider.every(w => w === divider[0]), `the divider stays in one column: ${divider.join(',')}`);
	ui.type('?');
	await ui.waitForText('暂停 / 继续模拟时钟');
});

test('a passed step celebrates in the status bar for a moment, and stays in full in the scrollback', async () => {
	const lesson = fakeLesson(baseLessonView());
	const {element, clock} = dashboard(sandboxController(createSandboxWorld(), lesson));
	const ui = renderUi(element, {columns: 120, rows: 30});
	await ui.waitForText('Push the image');
	ui.type('echo pass');
	ui.press(keys.enter);
	const statusLine = (f: string) => f.split('\n').at(-1) ?? '';
	await ui.waitFor(f => statusLine(f).includes('✓ Pushed: the registry has luksa/kubia'), 'the message in the status bar');
	clock.advance(4500);
	const frame = await ui.waitFor(f => !statusLine(f).includes('Pushed: the registry'), 'the message gone from the status bar');
	assert.match(frame, /^pass\n✓ Pushed: the registry has luksa\/kubia$/m, 'under the command that passed it, once');
});
