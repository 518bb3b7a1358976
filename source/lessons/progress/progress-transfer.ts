// `k8s-tutor progress export FILE` / `import FILE`: progress moved between machines as JSON.
import {writeFileSync} from 'node:fs';
import {readRegularFile} from '../regular-file.ts';
import {parseProgress, type ProgressData} from './progress-schema.ts';
import type {ProgressStore} from './progress-store.ts';

export const exportFormat = 'k8s-tutor-progress';

/** Exports carry every chapter's world; far beyond what one holds, the file is not an export. */
const exportLimit = 64 * 1024 * 1024;

export function exportProgress(store: ProgressStore, file: string): {ok: true; chapters: number} | {ok: false; error: string} {
	const data = store.read();
	// The saved worlds go along, so the other machine resumes in the same world.
	const worlds: Record<string, unknown> = {};
	for (const id of Object.keys(data.chapters)) {
		const world = store.loadSnapshot(id);
		if (world !== undefined) worlds[id] = world;
	}
	try {
		writeFileSync(file, JSON.stringify({format: exportFormat, ...data, worlds}) + '\n');
	} catch (error) {
		return {ok: false, error: `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`};
	}
	return {ok: true, chapters: Object.keys(data.chapters).length};
}

/** Reads and validates an export; nothing is changed when it is bad. */
export function readExport(file: string): {ok: true; data: ProgressData; worlds: Record<string, unknown>} | {ok: false; error: string} {
	const read = readRegularFile(file, exportLimit);
	if (!read.ok) return {ok: false, error: `cannot read ${file}: ${read.problem === 'missing' ? 'no such file' : read.message}`};
	const text = read.content;
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
	const {format: _format, worlds, ...rest} = record;
	const parsed = parseProgress(rest);
	if (!parsed.ok) return {ok: false, error: `${file} cannot be imported: ${parsed.reason}`};
	const savedWorlds = worlds && typeof worlds === 'object' && !Array.isArray(worlds) ? (worlds as Record<string, unknown>) : {};
	return {ok: true, data: parsed.data, worlds: savedWorlds};
}

/** Imported chapters replace the same chapters here; other chapters stay as they are. */
export function importProgress(store: ProgressStore, file: string): {ok: true; chapters: string[]} | {ok: false; error: string} {
	const read = readExport(file);
	if (!read.ok) return read;
	const current = store.read();
	for (const id of Object.keys(read.data.chapters)) {
		if (read.worlds[id] !== undefined) store.saveSnapshot(id, read.worlds[id]);
		else store.dropSnapshot(id);
	}
	store.replaceAll({...current, chapters: {...current.chapters, ...read.data.chapters}, lastChapter: read.data.lastChapter ?? current.lastChapter});
	return {ok: true, chapters: Object.keys(read.data.chapters)};
}
