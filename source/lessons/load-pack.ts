// Reads a lesson pack from disk: every folder with a chapter.yaml is a chapter.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {locales, type Locale} from '../i18n/locale.ts';
import {parseChapter, type Chapter, type ChapterSources, type Problem} from './parse-chapter.ts';

export type LessonPack = {dir: string; chapters: Chapter[]; problems: Problem[]};

/** The biggest lesson file read into the simulated world (a manifest, a Dockerfile, app.js). */
const largestLessonFile = 256 * 1024;

export function loadLessonPack(dir: string): LessonPack {
	const problems: Problem[] = [];
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		return {dir, chapters: [], problems: [{severity: 'error', file: dir, message: 'no such lesson folder'}]};
	}
	const chapters: Chapter[] = [];
	const folders = readdirSync(dir)
		.filter(name => existsSync(join(dir, name, 'chapter.yaml')))
		.sort();
	for (const folder of folders) {
		const {chapter, problems: found} = parseChapter(readChapterSources(join(dir, folder), folder));
		problems.push(...found);
		if (chapter) chapters.push(chapter);
	}
	if (folders.length === 0) problems.push({severity: 'error', file: dir, message: 'no chapters here (a chapter is a folder with a chapter.yaml)'});
	problems.push(...packProblems(chapters));
	chapters.sort((a, b) => a.number - b.number || a.folder.localeCompare(b.folder));
	return {dir, chapters, problems};
}

export function readChapterSources(path: string, folder: string): ChapterSources {
	const texts: Partial<Record<Locale, string>> = {};
	for (const locale of locales) {
		const file = join(path, 'text', `${locale}.md`);
		if (existsSync(file)) texts[locale] = readFileSync(file, 'utf8');
	}
	return {folder, yaml: readFileSync(join(path, 'chapter.yaml'), 'utf8'), texts, files: readFilesTree(join(path, 'files'))};
}

function readFilesTree(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	if (!existsSync(root)) return out;
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			const stat = statSync(full);
			if (stat.isDirectory()) walk(full);
			else if (stat.size <= largestLessonFile) out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
		}
	};
	walk(root);
	return out;
}

/** Problems across chapters: duplicate ids and numbers, unknown or circular prerequisites. */
function packProblems(chapters: Chapter[]): Problem[] {
	const problems: Problem[] = [];
	const byId = new Map<string, Chapter>();
	for (const chapter of chapters) {
		const file = `${chapter.folder}/chapter.yaml`;
		const other = byId.get(chapter.meta.id);
		if (other) problems.push({severity: 'error', file, message: `chapter id "${chapter.meta.id}" is also used by ${other.folder}`});
		byId.set(chapter.meta.id, chapter);
	}
	for (const chapter of chapters) {
		for (const prerequisite of chapter.meta.prerequisites) {
			if (!byId.has(prerequisite)) problems.push({severity: 'error', file: `${chapter.folder}/chapter.yaml`, message: `prerequisite "${prerequisite}" is no chapter of this pack`});
		}
	}
	const visiting = new Set<string>();
	const done = new Set<string>();
	const visit = (id: string, trail: string[]): void => {
		if (done.has(id)) return;
		if (visiting.has(id)) {
			problems.push({severity: 'error', file: `${byId.get(id)!.folder}/chapter.yaml`, message: `prerequisites go round in a circle: ${[...trail, id].join(' -> ')}`});
			return;
		}
		visiting.add(id);
		for (const next of byId.get(id)?.meta.prerequisites ?? []) if (byId.has(next)) visit(next, [...trail, id]);
		visiting.delete(id);
		done.add(id);
	};
	for (const id of byId.keys()) visit(id, []);
	return problems;
}

/** The lessons shipped with the tutor: `lessons/` beside `source/` (development) or `dist/` (the bundle). */
export function builtInLessonsDir(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 5; i++) {
		const candidate = join(dir, 'lessons');
		if (existsSync(join(candidate, 'README.md')) || (existsSync(candidate) && readdirSync(candidate).some(n => existsSync(join(candidate, n, 'chapter.yaml'))))) return candidate;
		dir = dirname(dir);
	}
	return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');
}
