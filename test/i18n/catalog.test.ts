// One place per language: every locale's words come from source/i18n/, a message a locale lacks
// is said in English, lint lists what is missing, and no other module compares locales.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {messages, missingMessages, withFallback} from '../../source/i18n/catalog.ts';
import {en} from '../../source/i18n/en.ts';
import {localeFromAcceptLanguage, localeFromEnv, parseLocale} from '../../source/i18n/locale.ts';
import {zhCN} from '../../source/i18n/zh-CN.ts';
import {missingMessageProblems} from '../../source/lessons/lint.ts';
import {projectRoot} from '../helpers/built-cli.ts';

test('a message a translation lacks is said in English; the ones it has are its own', () => {
	const partial = withFallback({ui: {task: 'tâche', pane: {noPods: 'aucun pod'}}, host: {joined: name => `${name} est là`}});
	assert.equal(partial.ui.task, 'tâche');
	assert.equal(partial.ui.step, en.ui.step);
	assert.equal(partial.ui.pane.noPods, 'aucun pod');
	assert.equal(partial.ui.pane.noCluster, en.ui.pane.noCluster);
	assert.equal(partial.host.joined('ana'), 'ana est là');
	assert.equal(partial.host.disconnected('ana'), en.host.disconnected('ana'));
	assert.deepEqual(partial.lesson, en.lesson);
});

test('zh-CN translates every message and is served as its own', () => {
	assert.deepEqual(missingMessages('zh-CN'), []);
	assert.equal(messages('zh-CN').ui.task, zhCN.ui.task);
	assert.equal(messages('zh-CN').check.notYet, '还没完成：');
	assert.equal(messages('en'), en);
});

test('lint names each message a locale does not translate, by its path', () => {
	const missing = missingMessages('zh-CN', {ui: {task: '任务', pane: {}}});
	assert.ok(missing.includes('ui.step'));
	assert.ok(missing.includes('ui.pane.noCluster'));
	assert.ok(missing.includes('lesson.quizRight'));
	assert.ok(!missing.includes('ui.task'));
	const problems = missingMessageProblems(locale => (locale === 'zh-CN' ? ['ui.step'] : []));
	assert.deepEqual(problems, [{severity: 'warning', file: 'source/i18n/zh-CN.ts', message: 'no zh-CN translation of the message ui.step yet (it is said in English)'}]);
});

test('one parser reads a locale from a tag, the environment and Accept-Language', () => {
	assert.equal(parseLocale('zh-CN'), 'zh-CN');
	assert.equal(parseLocale('zh_CN.UTF-8'), 'zh-CN');
	assert.equal(parseLocale('zh-Hans-CN'), 'zh-CN');
	assert.equal(parseLocale('EN_gb'), 'en');
	assert.equal(parseLocale('fr_FR.UTF-8'), undefined);
	assert.equal(parseLocale('C'), undefined);
	assert.equal(parseLocale(''), undefined);
	assert.equal(localeFromEnv({LANG: 'zh_TW.UTF-8'}), 'zh-CN');
	assert.equal(localeFromEnv({LC_ALL: 'C', LANG: 'zh_CN.UTF-8'}), 'en');
	assert.equal(localeFromEnv({LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8'}), 'zh-CN');
	assert.equal(localeFromEnv({}), 'en');
	assert.equal(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8'), 'zh-CN');
	assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
	// The first language the tutor speaks, not only the first one listed (a bug before: this was English).
	assert.equal(localeFromAcceptLanguage('fr-FR, zh-CN;q=0.8'), 'zh-CN');
	assert.equal(localeFromAcceptLanguage(undefined), 'en');
});

test('no module outside source/i18n compares locales or picks words by a locale literal', () => {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(join(projectRoot, dir), {withFileTypes: true})) {
			const path = `${dir}/${entry.name}`;
			if (entry.isDirectory()) {
				if (path !== 'source/i18n') walk(path);
			} else if (/\.tsx?$/.test(entry.name)) {
				readFileSync(join(projectRoot, path), 'utf8')
					.split('\n')
					.forEach((line, i) => {
						if (/['"]zh(-CN)?['"]|\/\^zh\//.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
					});
			}
		}
	};
	walk('source');
	assert.deepEqual(found, []);
});
