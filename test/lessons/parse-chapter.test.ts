import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseChapter} from '../../source/lessons/parse-chapter.ts';

const goodText = `# T

## a: A

Text.

### hints

- one
`;

test('a schema error names the file and the line of the bad field', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check:\n      file: {path: /x, colour: red}\n    solution: [echo]\n';
	const {problems} = parseChapter({folder: '07-x', yaml, texts: {en: goodText}});
	const error = problems.find(p => p.severity === 'error')!;
	assert.equal(error.file, '07-x/chapter.yaml');
	assert.equal(error.line, 5);
	assert.match(error.message, /colour/);
});

test('an unknown check kind is reported with the known ones', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check:\n      podd: {name: kubia}\n    solution: [echo]\n';
	const {problems} = parseChapter({folder: 'x', yaml, texts: {en: goodText}});
	assert.ok(problems.some(p => /unknown check "podd"/.test(p.message) && p.line === 5), JSON.stringify(problems));
});

test('a task without a solution, a quiz whose answer is no choice, and a duplicate step id are errors', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check: {command: {used: ls}}\n  - id: q\n    choices: [a, b]\n    answer: c\n  - id: a\n';
	const {problems} = parseChapter({folder: 'x', yaml, texts: {en: goodText}});
	const messages = problems.map(p => `${p.line}: ${p.message}`).join('\n');
	assert.match(messages, /3: .*needs a solution/);
	assert.match(messages, /7: .*answer "c" is not one of the choices/);
	assert.match(messages, /8: .*used twice/);
});

test('YAML syntax errors carry their line', () => {
	const {problems} = parseChapter({folder: 'x', yaml: 'id: x\nsteps:\n  - id: [unclosed\n', texts: {en: goodText}});
	assert.equal(problems[0]!.severity, 'error');
	assert.ok(problems[0]!.line! >= 3);
});

test('text sections: title, hints, quiz choices and explanations by key, unmet by label', () => {
	const yaml = 'id: x\nsteps:\n  - id: q\n    choices: [a, b]\n    answer: a\n';
	const text = '# Chapter\n\nAbout it.\n\n## q: The question\n\nWhich?\n\n```\n## not a heading inside a fence\n```\n\n### choices\n\n- a: first\n- b: second\n\n### explanations\n\n- a: yes\n- b: no\n';
	const {chapter, problems} = parseChapter({folder: 'x', yaml, texts: {en: text, 'zh-CN': text}});
	assert.deepEqual(problems, []);
	const step = chapter!.texts.en!.steps.get('q')!;
	assert.equal(step.title, 'The question');
	assert.match(step.body, /not a heading inside a fence/);
	assert.deepEqual(step.choices, {a: 'first', b: 'second'});
	assert.deepEqual(step.explanations, {a: 'yes', b: 'no'});
	assert.equal(chapter!.texts.en!.description, 'About it.');
});

test('missing translations are warnings naming the step; missing English is an error', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check: {command: {used: ls}}\n    solution: [ls]\n  - id: b\n';
	const en = '# T\n\n## a: A\n\nDo.\n\n### hints\n\n- h\n\n## b: B\n\nRead.\n';
	const zh = '# 标题\n\n## a: 甲\n\n做。\n\n### hints\n\n- 提示\n';
	const {problems} = parseChapter({folder: 'x', yaml, texts: {en, 'zh-CN': zh}});
	const warning = problems.find(p => p.file === 'x/text/zh-CN.md')!;
	assert.equal(warning.severity, 'warning');
	assert.match(warning.message, /missing translation: no "## b: \.\.\." section \(chapter\.yaml line 6\)/);
	const noEnglish = parseChapter({folder: 'x', yaml, texts: {}}).problems;
	assert.ok(noEnglish.some(p => p.severity === 'error' && p.file === 'x/text/en.md'));
});

test('a section naming no step is an error with its line', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n';
	const {problems} = parseChapter({folder: 'x', yaml, texts: {en: '# T\n\n## a: A\n\nx\n\n## stray: S\n\ny\n'}});
	assert.ok(problems.some(p => p.line === 7 && /names no step/.test(p.message)), JSON.stringify(problems));
});

test('an ### unmet text for a label no check has is an error', () => {
	const yaml = 'id: x\nsteps:\n  - id: a\n    check: {file: {path: /x}, label: real}\n    solution: [echo > /x]\n';
	const text = '# T\n\n## a: A\n\nDo.\n\n### hints\n\n- h\n\n### unmet\n\n- real: fine\n- typo: not a label\n';
	const {problems} = parseChapter({folder: 'x', yaml, texts: {en: text}});
	assert.deepEqual(problems.filter(p => p.severity === 'error').map(p => p.message), ['step "a": ### unmet names "typo", but no check of this step has label: typo']);
});

test('world options are checked against the scenario’s schema where they are written', () => {
	const step = 'steps:\n  - id: a\n    check:\n      file: {path: /x}\n    solution: [echo]\n';
	const typo = parseChapter({folder: 'x', yaml: `id: x\nworld:\n  scenario: sandbox\n  options:\n    cluster: {workrs: 2}\n${step}`, texts: {en: goodText}}).problems;
	assert.ok(typo.some(p => p.severity === 'error' && /workrs/.test(p.message) && p.line === 5), JSON.stringify(typo));
	const wrongType = parseChapter({folder: 'x', yaml: `id: x\nworld:\n  scenario: sandbox\n  options: {seed: "7"}\n${step}`, texts: {en: goodText}}).problems;
	assert.ok(wrongType.some(p => p.severity === 'error' && /seed|number/.test(p.message)), JSON.stringify(wrongType));
	const unknown = parseChapter({folder: 'x', yaml: `id: x\nworld: {scenario: sandbx}\n${step}`, texts: {en: goodText}}).problems;
	assert.ok(unknown.some(p => /unknown world scenario "sandbx"; known: final-challenge, sandbox/.test(p.message)), JSON.stringify(unknown));
	const good = parseChapter({folder: 'x', yaml: `id: x\nworld:\n  scenario: sandbox\n  options: {seed: 3, cluster: {workers: 2}}\n${step}`, texts: {en: goodText}}).problems;
	assert.deepEqual(good.filter(p => p.severity === 'error'), []);
});
