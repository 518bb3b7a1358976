// The lesson pane at 80x24 is about 34 columns wide: the chapters' long commands must wrap, not be cut.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {codeBlockLines, wrapCodeLine} from '../../../source/ui/lesson/markdown-lines.ts';

test('a command wider than the lesson column wraps at a space, continuation indented, nothing lost', () => {
	const command = 'docker run -d -p 8080:8080 --name kubia-container kubia';
	const lines = wrapCodeLine(command, 34);
	assert.deepEqual(lines, ['docker run -d -p 8080:8080 --name', '    kubia-container kubia']);
	assert.equal(lines.map(l => l.trim()).join(' '), command);
	assert.ok(lines.every(l => l.length <= 34));
});

test('a diagram line that fits stays exactly as written', () => {
	const line = ' +------+------+   +------+------+';
	assert.deepEqual(wrapCodeLine(line, 34), [line]);
});

test('a long word with no space is cut at the column', () => {
	const path = '/sys/fs/cgroup/system.slice/docker-0123456789abcdef.scope/memory.max';
	const lines = wrapCodeLine(path, 34);
	assert.equal(lines.map(l => l.trim()).join(''), path);
	assert.ok(lines.every(l => l.length <= 34));
});

test('a diagram as wide as the column keeps its lines whole, losing only the indent', () => {
	const diagram = ' +------+------+   +------+------+\n |app A |app B |   |app A |app B |';
	assert.deepEqual(codeBlockLines(diagram, 35), diagram.split('\n'));
	assert.deepEqual(codeBlockLines('short', 35), ['  short']);
});
