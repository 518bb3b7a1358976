import assert from 'node:assert/strict';
import {test} from 'node:test';
import {layeredDisk} from '../../source/lessons/layered-disk.ts';
import {localizeChapter} from '../../source/lessons/localize.ts';
import {parseChapter} from '../../source/lessons/parse-chapter.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

test("a lesson's own files win over the learner's disk; the rest of the disk stays visible", () => {
	const disk = layeredDisk(memoryDisk({'Dockerfile': 'FROM node:22\n', 'kubia/app.js': 'lesson'}), memoryDisk({'Dockerfile': 'FROM mine\n', 'notes.txt': 'mine'}));
	assert.equal(disk.readFile('Dockerfile'), 'FROM node:22\n');
	assert.equal(disk.readFile('./notes.txt'), 'mine');
	assert.deepEqual(disk.listDirectory(''), ['Dockerfile', 'kubia', 'notes.txt']);
	assert.equal(disk.isDirectory('kubia'), true);
});

test('a missing translation falls back to English text by text; a present one is used', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check: {command: {used: ls}}\n    solution: [ls]\n  - id: q\n    choices: [a, b]\n    answer: a\n';
	const en = '# Title\n\n## a: Do\n\nDo it.\n\n### hints\n\n- first\n- second\n\n## q: Ask\n\nWhich?\n\n### choices\n\n- a: yes\n- b: no\n\n### explanations\n\n- a: right\n- b: wrong\n';
	const zh = '# 标题\n\n## a: 做\n\n去做。\n\n## q: 问\n\n哪个？\n\n### choices\n\n- a: 是\n';
	const {chapter} = parseChapter({folder: 'x', yaml, texts: {en, 'zh-CN': zh}});
	const localized = localizeChapter(chapter!, 'zh-CN');
	assert.equal(localized.title, '标题');
	assert.equal(localized.steps[0]!.text.body, '去做。');
	assert.deepEqual(localized.steps[0]!.text.hints, ['first', 'second']);
	assert.deepEqual(localized.steps[1]!.text.choices, {a: '是', b: 'no'});
	assert.deepEqual(localized.steps[1]!.text.explanations, {a: 'right', b: 'wrong'});
});
