// Runs a chapter in plain mode through fake process streams, in a fresh progress folder.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import type {AppIO, AppOptions} from '../../../source/app/app-options.ts';
import {runTutorial} from '../../../source/app/tutorial.ts';
import {memoryDisk} from '../../../source/shell/memory-disk.ts';

export async function runPlainChapter(chapter: string, input: string): Promise<{code: number; out: string; home: string}> {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-ch6-9-'));
	let out = '';
	const stdout = new PassThrough();
	stdout.on('data', chunk => (out += chunk));
	const io: AppIO = {
		stdin: Readable.from([input]),
		stdout,
		stderr: stdout,
		onSignal: () => () => {},
		exit: code => {
			throw new Error(`exit ${code}`);
		},
	};
	const options: AppOptions = {lang: 'en', plain: true, color: false, interactiveInput: false, configDir: home, disk: memoryDisk(), version: 'test'};
	const code = await runTutorial(options, io, {chapter});
	return {code, out, home};
}
