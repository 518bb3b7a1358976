// One zh-CN glossary (lessons/glossary.zh-CN.yaml) for every chapter and for the UI: lint flags
// prose that breaks it, the built-in chapters and the UI's Chinese strings keep to it.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {glossaryProblems, parseGlossary, readGlossary} from '../../source/lessons/glossary.ts';
import {formatProblem} from '../../source/lessons/lint.ts';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {projectRoot} from '../helpers/built-cli.ts';

const dir = builtInLessonsDir();
const {glossary, problems: fileProblems} = readGlossary(dir);

test('the glossary file is valid and has rules', () => {
	assert.deepEqual(fileProblems, []);
	assert.ok(glossary && glossary.rules.length >= 5);
});

test('lint flags a lower-case pod, a Kubernetes namespace called 命名空间, a bare node and 扩展, with their lines', () => {
	const text = ['# 标题', '', '## a: 一步', '', '列出 kube-system 命名空间里的 pod。', '把它扩展到 3 个副本，node 会打印日志。', '', '```', 'pod 在代码块里不算', '```', '`kubectl get pods` 和 `node app.js` 是命令。', 'Linux 的网络命名空间没有问题，Pod 和 Node.js 也没有。'].join('\n');
	const found = glossaryProblems(glossary!, text, 'x/text/zh-CN.md');
	assert.deepEqual(found.map(p => p.line), [5, 5, 6, 6]);
	assert.ok(found.every(p => p.severity === 'warning'));
	assert.match(found[0]!.message, /名字空间|Pod/);
	assert.ok(found.some(p => /"扩展".*扩缩/.test(p.message)));
	assert.ok(found.some(p => /"node".*Node\.js/.test(p.message)));
});

test('a broken glossary file is reported, not thrown', () => {
	assert.equal(parseGlossary('terms: [{en: x}]').problems[0]!.severity, 'error');
	assert.match(parseGlossary("terms: [{en: x, zh: y, avoid: [{pattern: '(', say: z}]}]").problems[0]!.message, /term "x"/);
});

test('every built-in chapter keeps to the glossary in zh-CN', () => {
	const pack = loadLessonPack(dir);
	const problems = pack.chapters.flatMap(chapter => {
		const file = join(dir, chapter.folder, 'text', 'zh-CN.md');
		return existsSync(file) ? glossaryProblems(glossary!, readFileSync(file, 'utf8'), `${chapter.folder}/text/zh-CN.md`) : [];
	});
	assert.deepEqual(problems.map(formatProblem), []);
});

// The UI's Chinese: the string literals that hold Chinese text, with ${...} left out.
const uiTextFiles = ['source/i18n/zh-CN.ts'];

test("the UI's Chinese strings keep to the same glossary", () => {
	const broken: string[] = [];
	for (const file of uiTextFiles) {
		const path = join(projectRoot, file);
		readFileSync(path, 'utf8')
			.split('\n')
			.forEach((line, index) => {
				for (const literal of line.match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? []) {
					if (!/[\u4e00-\u9fff]/.test(literal)) continue;
					// Commands in code spans are not prose, as in the chapters' markdown (`kubectl get pods`).
					const prose = literal
						.slice(1, -1)
						.replace(/\\?`[^`]*?\\?`/g, ' ')
						.replace(/\$\{[^}]*\}/g, ' ');
					for (const rule of glossary!.rules) for (const match of prose.matchAll(rule.regex)) broken.push(`${file}:${index + 1}: "${match[0]}" (${rule.term})`);
				}
			});
	}
	assert.deepEqual(broken, []);
});
