// One chapter from its files' text: chapter.yaml validated by the schema, each text/<locale>.md
// parsed, every problem reported with its file and line. No file system here (see load-pack.ts).
import {LineCounter, parseDocument, type Document} from 'yaml';
import type {z} from 'zod';
import {locales, type Locale} from '../i18n/locale.ts';
import {chapterSchema, type ChapterMeta} from './chapter-schema.ts';
import {parseChapterText, type ChapterText} from './chapter-text.ts';
import type {Check} from './checks/check-schema.ts';

export type Problem = {severity: 'error' | 'warning'; file: string; line?: number; message: string};

export type Chapter = {
	folder: string; // "00-sample"
	meta: ChapterMeta;
	number: number;
	texts: Partial<Record<Locale, ChapterText>>;
	files: Record<string, string>; // the lesson's own files (files/...), relative paths
	yamlLines: {steps: Map<string, number | undefined>}; // chapter.yaml line of each step, for lint messages
};

export type ChapterSources = {
	folder: string;
	yaml: string;
	texts: Partial<Record<Locale, string>>;
	files?: Record<string, string>;
};

export const defaultLocale: Locale = 'en';

export function parseChapter(sources: ChapterSources): {chapter?: Chapter; problems: Problem[]} {
	const problems: Problem[] = [];
	const yamlFile = `${sources.folder}/chapter.yaml`;
	const lineCounter = new LineCounter();
	const doc = parseDocument(sources.yaml, {lineCounter, prettyErrors: false});
	for (const error of doc.errors) {
		problems.push({severity: 'error', file: yamlFile, line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0]!});
	}
	if (doc.errors.length > 0) return {problems};
	const parsed = chapterSchema.safeParse(doc.toJS());
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			problems.push({severity: 'error', file: yamlFile, line: lineOf(doc, lineCounter, issue.path), message: describeIssue(issue)});
		}
		return {problems};
	}
	const meta = parsed.data;
	const folderNumber = Number(sources.folder.match(/^(\d+)/)?.[1] ?? NaN);
	if (meta.number !== undefined && Number.isFinite(folderNumber) && meta.number !== folderNumber) {
		problems.push({severity: 'warning', file: yamlFile, line: lineOf(doc, lineCounter, ['number']), message: `number ${meta.number} differs from the folder's ${folderNumber}`});
	}
	const steps = new Map(meta.steps.map((step, i) => [step.id, lineOf(doc, lineCounter, ['steps', i])]));
	const texts: Partial<Record<Locale, ChapterText>> = {};
	for (const locale of locales) {
		const source = sources.texts[locale];
		const textFile = `${sources.folder}/text/${locale}.md`;
		if (source === undefined) {
			problems.push({
				severity: locale === defaultLocale ? 'error' : 'warning',
				file: textFile,
				message: locale === defaultLocale ? 'missing: every chapter has its English text' : `no ${locale} translation yet`,
			});
			continue;
		}
		const {text, problems: textProblems} = parseChapterText(source);
		for (const p of textProblems) problems.push({severity: 'error', file: textFile, line: p.line, message: p.message});
		texts[locale] = text;
		problems.push(...textCoverage(meta, text, locale, textFile, steps));
	}
	const chapter: Chapter = {
		folder: sources.folder,
		meta,
		number: meta.number ?? (Number.isFinite(folderNumber) ? folderNumber : 0),
		texts,
		files: sources.files ?? {},
		yamlLines: {steps},
	};
	return {chapter, problems};
}

/** Every step has its section, title, hints and quiz texts in this locale, and no section is left over. */
function textCoverage(meta: ChapterMeta, text: ChapterText, locale: Locale, file: string, yamlLines: Map<string, number | undefined>): Problem[] {
	const problems: Problem[] = [];
	const translation = locale !== defaultLocale;
	const missing = (message: string, line?: number): Problem => ({severity: translation ? 'warning' : 'error', file, line, message: translation ? `missing translation: ${message}` : message});
	for (const step of meta.steps) {
		const section = text.steps.get(step.id);
		if (!section) {
			problems.push(missing(`no "## ${step.id}: ..." section (chapter.yaml line ${yamlLines.get(step.id)})`));
			continue;
		}
		if (!section.title) problems.push(missing(`step "${step.id}" has no title ("## ${step.id}: Title")`, section.line));
		if (!section.body && step.kind !== 'summary') problems.push(missing(`step "${step.id}" has no text`, section.line));
		if (step.kind === 'task' && section.hints.length === 0) problems.push(missing(`task "${step.id}" has no ### hints`, section.line));
		if (step.kind === 'quiz') {
			for (const key of step.choices ?? []) {
				if (!section.choices[key]) problems.push(missing(`quiz "${step.id}" has no text for choice ${key} (### choices)`, section.line));
				if (!section.explanations[key]) problems.push(missing(`quiz "${step.id}" has no explanation for choice ${key} (### explanations)`, section.line));
			}
			for (const key of Object.keys(section.choices)) {
				if (!step.choices?.includes(key)) problems.push({severity: 'error', file, line: section.line, message: `quiz "${step.id}": choice ${key} is not in chapter.yaml's choices`});
			}
		}
	}
	for (const step of meta.steps) {
		const section = text.steps.get(step.id);
		const labels = new Set(checkLabels(step.check));
		for (const label of Object.keys(section?.unmet ?? {})) {
			if (!labels.has(label)) problems.push({severity: 'error', file, line: section!.line, message: `step "${step.id}": ### unmet names "${label}", but no check of this step has label: ${label}`});
		}
	}
	const ids = new Set(meta.steps.map(s => s.id));
	for (const section of text.steps.values()) {
		if (!ids.has(section.id)) problems.push({severity: 'error', file, line: section.line, message: `section "${section.id}" names no step of chapter.yaml`});
	}
	return problems;
}

function checkLabels(check: Check | undefined): string[] {
	if (!check) return [];
	const own = check.label ? [check.label] : [];
	if (check.kind === 'all' || check.kind === 'any') return [...own, ...check.checks.flatMap(checkLabels)];
	if (check.kind === 'not') return [...own, ...checkLabels(check.check)];
	return own;
}

function lineOf(doc: Document, lineCounter: LineCounter, path: PropertyKey[]): number | undefined {
	for (let n = path.length; n >= 0; n--) {
		const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
		const range = (node as {range?: [number, number, number]} | undefined)?.range;
		if (range) return lineCounter.linePos(range[0]).line;
	}
	return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
	const where = issue.path.length ? issue.path.join('.') + ': ' : '';
	if (issue.code === 'unrecognized_keys') return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}`;
	if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}required`;
	return where + issue.message;
}
