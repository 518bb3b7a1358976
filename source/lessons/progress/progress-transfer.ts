// `k8s-tutor progress export FILE` / `import FILE`: progress moved between machines as JSON.
import {readFileSync, writeFileSync} from 'node:fs';
import {parseProgress, type ProgressData} from './progress-schema.ts';
import type {ProgressStore} from './progress-store.ts';

export const exportFormat = 'k8s-tutor-progress';

export function exportProgress(store: ProgressStore, file: string): {ok: true; chapters: number} | {ok: false; error: string} {
	const data = store.read();
	try {
		writeFileSync(file, JSON.stringify({format: exportFormat, ...data}, null, 2) + '\n');
	} catch (error) {
		return {ok: false, error: `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`};
	}
	return {ok: true, chapters: Object.keys(data.chapters).length};
}

/** Reads and validates an export; nothing is changed when it is bad. */
export function readExport(file: string): {ok: true; data: ProgressData} | {ok: false; error: string} {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		return {ok: false, error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`};
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `${file} is not valid JSON (${(error as Error).message})`};
	}
	const record = raw as Record<string, unknown> | null;
	if (!record || typeof record !== 'object' || record.format !== exportFormat) {
		return {ok: false, error: `${file} is not a k8s-tutor progress export (written by \`k8s-tutor progress export\`)`};
	}
	const {format: _format, ...rest} = record;
	const parsed = parseProgress(rest);
	if (!parsed.ok) return {ok: false, error: `${file} cannot be imported: ${parsed.reason}`};
	return {ok: true, data: parsed.data};
}

/** Imported chapters replace the same chapters here; other chapters stay as they are. */
export function importProgress(store: ProgressStore, file: string): {ok: true; chapters: string[]} | {ok: false; error: string} {
	const read = readExport(file);
	if (!read.ok) return read;
	const current = store.read();
	store.replaceAll({...current, chapters: {...current.chapters, ...read.data.chapters}, lastChapter: read.data.lastChapter ?? current.lastChapter});
	return {ok: true, chapters: Object.keys(read.data.chapters)};
}
