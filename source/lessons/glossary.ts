// The zh-CN glossary (lessons/glossary.zh-CN.yaml): one word per idea across chapters and UI.
// Lint flags prose that matches a term's `avoid` patterns; code spans and code blocks are not
// prose (a command keeps its English words), so they are left out before matching.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {z} from 'zod';
import type {Problem} from './parse-chapter.ts';

export const glossaryFileName = 'glossary.zh-CN.yaml';

const glossarySchema = z.object({
	terms: z.array(
		z
			.object({
				en: z.string().min(1),
				zh: z.string().min(1),
				note: z.string().optional(),
				avoid: z.array(z.object({pattern: z.string().min(1), say: z.string().min(1)}).strict()).optional(),
			})
			.strict(),
	),
});

export type GlossaryRule = {term: string; regex: RegExp; say: string};
export type Glossary = {rules: GlossaryRule[]};

/** The pack's glossary, or none when the pack has no glossary file. */
export function readGlossary(dir: string): {glossary?: Glossary; problems: Problem[]} {
	const path = join(dir, glossaryFileName);
	if (!existsSync(path)) return {problems: []};
	return parseGlossary(readFileSync(path, 'utf8'), glossaryFileName);
}

export function parseGlossary(source: string, file = glossaryFileName): {glossary?: Glossary; problems: Problem[]} {
	let data: unknown;
	try {
		data = parse(source);
	} catch (error) {
		return {problems: [{severity: 'error', file, message: (error as Error).message.split('\n')[0]!}]};
	}
	const parsed = glossarySchema.safeParse(data);
	if (!parsed.success) return {problems: parsed.error.issues.map(issue => ({severity: 'error', file, message: `${issue.path.join('.')}: ${issue.message}`}))};
	const problems: Problem[] = [];
	const rules: GlossaryRule[] = [];
	for (const term of parsed.data.terms) {
		for (const avoid of term.avoid ?? []) {
			try {
				rules.push({term: term.zh, regex: new RegExp(avoid.pattern, 'g'), say: avoid.say});
			} catch (error) {
				problems.push({severity: 'error', file, message: `term "${term.en}": ${(error as Error).message}`});
			}
		}
	}
	return {glossary: {rules}, problems};
}

/** Every place in a zh-CN markdown text whose prose breaks the glossary, with its line. */
export function glossaryProblems(glossary: Glossary, markdown: string, file: string): Problem[] {
	const problems: Problem[] = [];
	let fence: string | undefined;
	markdown.split(/\r?\n/).forEach((line, index) => {
		const marker = line.match(/^\s*(```+|~~~+)/)?.[1];
		if (marker) {
			if (fence === undefined) fence = marker[0];
			else if (marker[0] === fence) fence = undefined;
			return;
		}
		if (fence !== undefined) return;
		for (const found of glossaryBreaks(glossary, line)) problems.push({severity: 'warning', file, line: index + 1, message: found});
	});
	return problems;
}

/** What breaks the glossary in one line of prose: `"pod" (use Pod): write Pod...`. */
export function glossaryBreaks(glossary: Glossary, line: string): string[] {
	const prose = line.replace(/`[^`]*`/g, ' ');
	const out: string[] = [];
	for (const rule of glossary.rules) {
		for (const match of prose.matchAll(rule.regex)) out.push(`"${match[0]}" breaks the glossary (${rule.term}): ${rule.say}`);
	}
	return out;
}
