// The lesson pane at 80x24 is about 34 columns wide: the chapters' long commands must wrap, not be
// cut, and a wrapped line shows a visible continuation mark that is also bash's (issue 13 §7), so
// lines copied from the pane still run as one command.

/** What bash reads from the lines: a backslash before a newline joins them. */
const asBashReads = (lines: string[]) => lines.join('\n').replace(/\\\n/g, '');
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {codeBlockLines, wrapCodeLine} from '../../../source/ui/lesson/markdown-lines.ts';

test('a command wider than the lesson column wraps at a space, continuation indented, nothing lost', () => {
	const command = 'docker run -d -p 8080:8080 --name kubia-container kubia';
	const lines = wrapCodeLine(command, 34);
	assert.deepEqual(lines, ['docker run -d -p 8080:8080 \\', '    --name kubia-container kubia']);
	assert.equal(asBashReads(lines).split(/\s+/).join(' '), command);
	assert.ok(lines.every(l => l.length <= 34));
});

test('a diagram line that fits stays exactly as written', () => {
	const line = ' +------+------+   +------+------+';
	assert.deepEqual(wrapCodeLine(line, 34), [line]);
});

test('a long word with no space is cut with a visible mark, and joins up again as bash reads it', () => {
	const path = '/sys/fs/cgroup/system.slice/docker-0123456789abcdef.scope/memory.max';
	const lines = wrapCodeLine(path, 34);
	assert.equal(asBashReads(lines), path);
	assert.ok(lines.every(l => l.length <= 34));
	assert.ok(lines.slice(0, -1).every(l => l.endsWith('\\')), 'every cut is marked');
	assert.equal(lines[0], '/sys/fs/cgroup/system.slice/\\', 'cut after a slash where one is near');
	const command = 'echo 100M > /sys/fs/cgroup/system.slice/demo/memory.max';
	assert.equal(asBashReads(wrapCodeLine(command, 34)).split(/\s+/).join(' '), command);
	for (const line of wrapCodeLine(command, 34)) assert.doesNotMatch(line, /memo$|^ry/, 'never memo / ry.max');
});

test('a diagram as wide as the column keeps its lines whole, losing only the indent', () => {
	const diagram = ' +------+------+   +------+------+\n |app A |app B |   |app A |app B |';
	assert.deepEqual(codeBlockLines(diagram, 35), diagram.split('\n'));
	assert.deepEqual(codeBlockLines('short', 35), ['  short']);
});
