// text/<locale>.md: all of a chapter's prose in one markdown file per language.
//
//   # Chapter title
//   Optional description (shown in the chapter menu).
//   ## step-id: Step title
//   The step's text (markdown).
//   ### hints            a list, one item per hint, in escalating order
//   ### choices          quiz only: "- a: text"
//   ### explanations     quiz only: "- a: why" (one per choice, the right one too)
//   ### unmet            optional: "- label: text" for a check given `label:` in chapter.yaml
//   ### success          optional: the celebration line when the step is passed
import {marked, type Tokens} from 'marked';

export type StepText = {
	id: string;
	title: string;
	body: string;
	hints: string[];
	choices: Record<string, string>;
	explanations: Record<string, string>;
	unmet: Record<string, string>;
	success?: string;
	line: number; // 1-based line of the step's heading
};

export type ChapterText = {
	title: string;
	description: string;
	steps: Map<string, StepText>;
};

export type TextProblem = {line: number; message: string};

const subsections = ['hints', 'choices', 'explanations', 'unmet', 'success'] as const;
type Subsection = (typeof subsections)[number];

export function parseChapterText(source: string): {text: ChapterText; problems: TextProblem[]} {
	const problems: TextProblem[] = [];
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	const text: ChapterText = {title: '', description: '', steps: new Map()};
	let step: StepText | undefined;
	let sub: Subsection | undefined;
	let subLine = 0;
	let buffer: string[] = [];
	let fence: string | undefined;

	const flush = () => {
		const body = buffer.join('\n').trim();
		buffer = [];
		if (!step) {
			text.description = body;
			return;
		}
		if (!sub) {
			step.body = body;
			return;
		}
		if (sub === 'success') {
			step.success = body;
			return;
		}
		const items = listItems(body);
		if (items === undefined) {
			if (body) problems.push({line: subLine, message: `### ${sub} of step "${step.id}" must be a list ("- ..." per item)`});
			return;
		}
		if (sub === 'hints') {
			step.hints = items;
			return;
		}
		for (const item of items) {
			const m = item.match(/^([A-Za-z0-9_-]+)\s*[:)：]\s*([\s\S]*)$/);
			if (!m) {
				problems.push({line: subLine, message: `each item of ### ${sub} starts with its key, e.g. "- a: ..." (step "${step.id}")`});
				continue;
			}
			const key = sub === 'unmet' ? m[1]! : m[1]!.toLowerCase();
			step[sub][key] = m[2]!.trim();
		}
	};

	lines.forEach((line, index) => {
		const lineNo = index + 1;
		const fenceMatch = line.match(/^\s*(```+|~~~+)/);
		if (fenceMatch) {
			if (fence === undefined) fence = fenceMatch[1]![0]!;
			else if (fenceMatch[1]![0] === fence) fence = undefined;
			buffer.push(line);
			return;
		}
		if (fence !== undefined) {
			buffer.push(line);
			return;
		}
		let m: RegExpMatchArray | null;
		if ((m = line.match(/^#\s+(.+?)\s*#*\s*$/)) && !step && !text.title) {
			text.title = m[1]!;
			return;
		}
		if ((m = line.match(/^##\s+(.+?)\s*$/))) {
			flush();
			sub = undefined;
			const heading = m[1]!;
			const split = heading.match(/^([a-z0-9][a-z0-9-]*)\s*(?:[:：]\s*(.*))?$/);
			if (!split) {
				problems.push({line: lineNo, message: `"## ${heading}": a step heading is "## step-id: Title"`});
				step = undefined;
				buffer = [];
				return;
			}
			const id = split[1]!;
			if (text.steps.has(id)) problems.push({line: lineNo, message: `step "${id}" has two sections`});
			step = {id, title: (split[2] ?? '').trim(), body: '', hints: [], choices: {}, explanations: {}, unmet: {}, line: lineNo};
			text.steps.set(id, step);
			return;
		}
		if ((m = line.match(/^###\s+(.+?)\s*$/)) && step) {
			const name = m[1]!.toLowerCase() as Subsection;
			if (subsections.includes(name)) {
				flush();
				sub = name;
				subLine = lineNo;
				return;
			}
		}
		buffer.push(line);
	});
	flush();
	if (!text.title) problems.push({line: 1, message: 'the file starts with the chapter title: "# Title"'});
	return {text, problems};
}

/** The markdown of each item of the first list in `body`, or undefined when there is no list. */
function listItems(body: string): string[] | undefined {
	if (!body) return [];
	const tokens = marked.lexer(body).filter(t => t.type !== 'space');
	if (tokens.length !== 1 || tokens[0]!.type !== 'list') return undefined;
	return (tokens[0] as Tokens.List).items.map(item => item.text.trim());
}
