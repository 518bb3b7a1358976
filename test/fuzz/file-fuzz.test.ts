// Hostile files through the real readers: manifests through kubectl apply/create/delete and
// --dry-run, progress exports through `progress import` and then a resumed chapter. Every one
// answers in words (kubectl's, or k8s-tutor's one line); none throws or says `internal error`.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {openChapter} from '../../source/app/tutorial.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {openProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {exportProgress, importProgress} from '../../source/lessons/progress/progress-transfer.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {run, sandboxShell} from '../helpers/shell.ts';
import {hostileExports, hostileManifests} from './file-fuzz.ts';

test('hostile manifests through kubectl apply, create, delete and --dry-run: kubectl words, no throw, no internal error', {timeout: 600_000}, () => {
	const manifests = hostileManifests(14, 90);
	const problems: string[] = [];
	for (const [index, {name, text}] of manifests.entries()) {
		const verbs = name === 'many.yaml' ? ['apply -f many.yaml --dry-run=client'] : index % 3 === 0 ? [`apply -f ${name}`, `create -f ${name} --dry-run=server`, `delete -f ${name}`] : [`apply -f ${name} --dry-run=client`];
		const shell = sandboxShell({files: {[name]: text}});
		for (const verb of verbs) {
			try {
				const result = run(shell, `kubectl ${verb}`);
				if (result.text.includes('internal error')) problems.push(`${verb}: ${result.text.slice(0, 200)}`);
				if (result.exitCode !== 0 && !/^(error|Error from server|The \w+ "[^"]*" is invalid|Warning|\w+\/)/m.test(result.stderr)) problems.push(`${verb}: not kubectl's words: ${result.stderr.slice(0, 200)}`);
			} catch (error) {
				problems.push(`${verb}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
			}
		}
	}
	assert.deepEqual(problems, []);
});

test('hostile progress exports: import says why or imports, and a chapter then opens and runs', {timeout: 600_000}, () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-import-fuzz-'));
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 2)!;
	const source = openProgressStore({configDir: join(dir, 'source')});
	source.updateChapter(chapter.meta.id, () => ({steps: {[chapter.meta.steps[0]!.id]: {done: true, attempts: 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 5, xp: 10}}, currentStep: chapter.meta.steps[1]!.id, snapshot: {stepId: chapter.meta.steps[1]!.id, savedAt: '2026-01-01T00:00:00.000Z'}}));
	source.saveSnapshot(chapter.meta.id, {version: 1, world: {hosts: []}});
	source.setLastChapter(chapter.meta.id);
	const validFile = join(dir, 'valid.json');
	assert.equal(exportProgress(source, validFile).ok, true);
	const valid = JSON.parse(readFileSync(validFile, 'utf8'));
	const problems: string[] = [];
	for (const [index, text] of hostileExports(14, 40, valid).entries()) {
		const file = join(dir, `export-${index}.json`);
		writeFileSync(file, text);
		const store = openProgressStore({configDir: join(dir, `store-${index}`)});
		try {
			const result = importProgress(store, file);
			if (!result.ok && (result.error.includes('\n') || !result.error.includes(file))) problems.push(`${index}: not one line naming the file: ${result.error.slice(0, 200)}`);
			const opened = openChapter(chapter, {lang: 'en', plain: true, color: false, interactiveInput: false, disk: memoryDisk(), version: 'test'}, store);
			const ran = opened.controller.submit('echo still here');
			if (ran.stdout !== 'still here\n') problems.push(`${index}: the chapter did not run a command: ${ran.stdout}${ran.stderr}`);
		} catch (error) {
			problems.push(`${index}: threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')} for ${text.slice(0, 120)}`);
		}
	}
	assert.deepEqual(problems, []);
});
