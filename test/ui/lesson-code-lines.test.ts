// Issue 13 §7: at 80x24 the lesson column is 36 cells. A table, a long solution command and a long
// code line are never cut off or broken without a mark: tables wrap their last column, commands
// wrap with bash's continuation mark, so what the learner copies still runs.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LessonView} from '../../source/app/lesson-view.ts';
import {lessonLines} from '../../source/ui/lesson/lesson-lines.ts';
import {tableLines} from '../../source/ui/lesson/markdown-lines.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {makeTheme} from '../../source/ui/theme.tsx';
import {messages} from '../../source/i18n/catalog.ts';

const view = (over: Partial<LessonView>): LessonView => ({
	chapterId: 'x', chapterNumber: 3, chapterTitle: 'x', stepId: 's', stepIndex: 0, stepCount: 1, stepTitle: 'A task',
	text: 'Do it.', kind: 'task', hintsShown: [], hintsLeft: 0, unmet: [], passed: false, xp: 0, paneDepth: 'host', chapterDone: false, ...over,
});
const texts = (lines: ReturnType<typeof lessonLines>) => lines.map(l => l.segments.map(s => s.text).join(''));

test('a table wider than the column wraps its last column under itself; nothing is cut', () => {
	const lines = tableLines(['key', 'what it does'], [['Alt-r', "reset the step's world (asks first)"], ['?', 'every key (on an empty prompt)']], 34);
	assert.deepEqual(lines, ['key    what it does', "Alt-r  reset the step's world", '       (asks first)', '?      every key (on an empty', '       prompt)']);
});

test('chapter 0 key table at 80x24: every row whole in the lesson column', () => {
	const md = "| key | what it does |\n|-----|----|\n| Alt-s | the solution (asks first) |\n| Alt-r | reset the step's world (asks first) |";
	const lines = texts(lessonLines(view({text: md}), 34, makeTheme(false), messages('en').ui));
	for (const line of lines) assert.ok(textWidth(line) <= 34, line);
	assert.ok(lines.join(' ').replace(/\s+/g, ' ').includes("reset the step's world (asks first)"));
});

test('a solution command longer than the column wraps with a continuation mark, and reads back whole', () => {
	const command = 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max';
	const lines = texts(lessonLines(view({solutionShown: [command]}), 34, makeTheme(false), messages('en').ui));
	const at = lines.findIndex(l => l.startsWith('  $ '));
	const shown = lines.slice(at).filter(l => l.trim() !== '');
	assert.ok(shown.length > 1, 'wrapped');
	for (const line of shown) assert.ok(textWidth(line) <= 34, line);
	assert.ok(shown.slice(0, -1).every(l => l.endsWith('\\')), 'each cut is marked');
	assert.equal(shown.join('\n').replace(/\\\n/g, '').slice(4).split(/\s+/).join(' '), command);
});

test('a comma after inline code never starts a line: the word before it goes along (kubectl drain / , kubectl uncordon)', () => {
	const md = 'Two commands keep a node: `kubectl drain`, `kubectl uncordon` and more words here.';
	for (let width = 16; width <= 60; width++) {
		const lines = texts(lessonLines(view({text: md}), width, makeTheme(false), messages('en').ui)).slice(2);
		for (const line of lines) {
			assert.doesNotMatch(line, /^[,.;:]/, `width ${width}: ${JSON.stringify(lines)}`);
			assert.ok(textWidth(line) <= width, `width ${width}: ${line}`);
		}
		assert.equal(lines.join(' ').replace(/\s+/g, ' ').trim(), md.replace(/`/g, ''), `width ${width}: nothing lost`);
	}
});

test('an opening bracket before inline code never ends a line alone: it goes along with the code ("(" / "--to-revision=N")', () => {
	const md = 'Nothing had to be rebuilt or re-pulled. (`--to-revision=N` picks an older revision.) A hash of the pod template (`kubia-xxdvqp84tb`), and more.';
	for (let width = 20; width <= 60; width++) {
		const lines = texts(lessonLines(view({text: md}), width, makeTheme(false), messages('en').ui)).slice(2);
		for (const line of lines) {
			assert.doesNotMatch(line, /\($/, `width ${width}: ${JSON.stringify(lines)}`);
			assert.ok(textWidth(line) <= width, `width ${width}: ${line}`);
		}
		assert.equal(lines.join(' ').replace(/\s+/g, ' ').trim(), md.replace(/`/g, ''), `width ${width}: nothing lost`);
	}
});

test('a code line with a trailing # comment that does not fit: the comment goes above, on # lines, never after a continuation mark (playtest, chapter 1)', () => {
	const md = "```\ndocker inspect -f '{{.State.Pid}}' NAME    # the host PID of a container's main process\nkill PID                                   # send that process SIGTERM\n```";
	const lines = texts(lessonLines(view({text: md}), 34, makeTheme(false), messages('en').ui)).slice(2).map(l => l.trim()).filter(Boolean);
	assert.deepEqual(lines, ["# the host PID of a container's", '# main process', 'docker inspect -f \\', "'{{.State.Pid}}' NAME", '# send that process SIGTERM', 'kill PID']);
});
