import assert from 'node:assert/strict';
import {test} from 'node:test';
import {displayWidth, markdownBlocks, renderMarkdownPlain, wrapText} from '../../source/lessons/markdown.ts';

test('headings, emphasis and code spans become plain text without markup', () => {
	const text = renderMarkdownPlain('# Title **bold**\n\nSome *em* and `code` here.');
	assert.equal(text, 'Title bold\n\nSome em and code here.');
});

test('emphasis is kept as styled spans for the UI', () => {
	const [paragraph] = markdownBlocks('Run `ls` **now**');
	assert.deepEqual(paragraph, {kind: 'paragraph', spans: [{text: 'Run ', style: 'plain'}, {text: 'ls', style: 'code'}, {text: ' ', style: 'plain'}, {text: 'now', style: 'strong'}]});
});

test('lists, ordered lists and nested lists are indented', () => {
	assert.equal(renderMarkdownPlain('- one\n- two\n  1. inner'), '- one\n- two\n  1. inner');
	assert.equal(renderMarkdownPlain('3. c\n4. d'), '3. c\n4. d');
});

test('code fences and text diagrams are kept verbatim, indented, never wrapped', () => {
	const diagram = '+----+    +----+\n| a  |--->| b  |\n+----+    +----+';
	const text = renderMarkdownPlain('```text\n' + diagram + '\n```', {width: 20});
	assert.equal(text, diagram.split('\n').map(l => '    ' + l).join('\n'));
});

test('tables are padded into columns, right-aligned where asked', () => {
	const text = renderMarkdownPlain('| name | size |\n|------|-----:|\n| a | 1 |\n| bbb | 100 |');
	assert.equal(text, 'name  size\n----  ----\na        1\nbbb    100');
});

test('paragraphs wrap at the width; soft line breaks are spaces', () => {
	assert.equal(renderMarkdownPlain('one two\nthree four five', {width: 20}), 'one two three four\nfive');
	assert.deepEqual(wrapText('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
});

test('Chinese text wraps between characters and counts two columns each', () => {
	assert.equal(displayWidth('容器'), 4);
	const lines = wrapText('一个容器是一个隔离的进程', 10);
	assert.ok(lines.every(l => displayWidth(l) <= 10), JSON.stringify(lines));
	assert.equal(lines.join(''), '一个容器是一个隔离的进程');
});

test('links show their target; block quotes are marked', () => {
	assert.equal(renderMarkdownPlain('[docs](https://kubernetes.io)'), 'docs (https://kubernetes.io)');
	assert.equal(renderMarkdownPlain('> careful'), '> careful');
});
