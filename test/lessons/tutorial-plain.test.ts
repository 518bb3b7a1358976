// `k8s-tutor start <chapter> --plain < commands.txt` and the progress commands, through fake process streams.
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import {test} from 'node:test';
import type {AppIO, AppOptions} from '../../source/app/app-options.ts';
import {runLessonsList, runLint, runProgressExport, runProgressImport, runReset} from '../../source/app/lesson-commands.ts';
import {runTutorial} from '../../source/app/tutorial.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {fixturePackDir} from './fixtures/fixture-pack.ts';

function fakeIO(input: string): {io: AppIO; out: () => string; err: () => string} {
	let out = '';
	let err = '';
	const stdout = new PassThrough();
	stdout.on('data', chunk => (out += chunk));
	const stderr = new PassThrough();
	stderr.on('data', chunk => (err += chunk));
	const io: AppIO = {
		stdin: Readable.from([input]),
		stdout,
		stderr,
		onSignal: () => () => {},
		exit: code => {
			throw new Error(`exit ${code}`);
		},
	};
	return {io, out: () => out, err: () => err};
}

function options(home: string, extra: Partial<AppOptions> = {}): AppOptions {
	return {lang: 'en', plain: true, color: false, interactiveInput: false, configDir: home, disk: memoryDisk(), version: 'test', lessonsDir: fixturePackDir, ...extra};
}

const solveFirst = ['next', 'hint', 'check', 'echo note > /root/note.txt', 'solution', 'y', 'echo other > /root/other.txt', 'answer b', 'answer a', ''].join('\n');

test('a script completes a chapter in plain mode: step texts, outputs, ✓ lines, quiz answers, a summary, exit 0', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const {io, out} = fakeIO(solveFirst);
	const code = await runTutorial(options(home), io, {chapter: '1'});
	const text = out();
	assert.equal(code, 0, text);
	assert.match(text, /Chapter 1 · First fixture chapter/);
	assert.match(text, /Step 1\/5: Intro\n\nRead this\./);
	assert.match(text, /Hint 1\/2: Use echo\./);
	assert.match(text, /Not yet:\n {2}- there is no file \/root\/note\.txt on host-1/);
	assert.match(text, /✓ Step 2\/5: Make a note/);
	assert.match(text, /Solution:\n {2}echo other > \/root\/other\.txt/);
	assert.match(text, /✗ Not quite\.\nB comes second\./);
	assert.match(text, /✓ Right\.\nA comes first\./);
	assert.match(text, /Chapter complete: \d+ xp \(1 hint, 1 solution shown\)\./);

	const list = fakeIO('');
	await runLessonsList(options(home), list.io);
	assert.match(list.out(), /✓ +1 +5\/5 .*First fixture chapter/);
	assert.match(list.out(), / +2 +0\/2 +0 xp +Second fixture chapter/);
});

test('plain mode: next on an unanswered quiz says how to answer; after a wrong answer the right one is named and next moves on', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const script = ['next', 'echo note > /root/note.txt', 'echo other > /root/other.txt', 'next', 'answer b', 'next', ''].join('\n');
	const {io, out} = fakeIO(script);
	const code = await runTutorial(options(home), io, {chapter: '1'});
	const text = out();
	assert.equal(code, 0, text);
	assert.match(text, /# next\nAnswer with: answer a\|b\n/);
	assert.match(text, /✗ Not quite\.\nB comes second\.\nThe right answer is a\) A\.\nA comes first\.\nAnswer again, or move on with next\./);
	assert.match(text, /Chapter complete: \d+ xp/);
});

test('a signal mid-chapter saves the step and the world before the process ends', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const stdin = new PassThrough();
	const {io, out} = fakeIO('');
	let handler: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined;
	let exitCode: number | undefined;
	const running = runTutorial(options(home), {...io, stdin, onSignal: h => ((handler = h), () => {}), exit: (code => (exitCode = code)) as AppIO['exit']}, {chapter: '1'});
	stdin.write('next\necho note > /root/note.txt\necho mine > /root/mine.txt\n');
	// Wait until the lines were handled (the third one runs on step 3), then the signal comes.
	for (let i = 0; i < 500 && !out().includes('echo mine > /root/mine.txt'); i++) await new Promise(resolve => setTimeout(resolve, 10));
	handler!('SIGTERM');
	assert.equal(exitCode, 130);
	stdin.end();
	await running;
	const again = fakeIO('grep mine /root/mine.txt\n');
	await runTutorial(options(home), again.io, {});
	assert.match(again.out(), /Step 3\/5: Make another[\s\S]*grep mine \/root\/mine.txt\nmine\n/);
});

test('an unfinished script exits 1 and says where it stopped; the next run resumes there', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const first = fakeIO('next\necho note > /root/note.txt\n');
	assert.equal(await runTutorial(options(home), first.io, {chapter: 'first'}), 1);
	assert.match(first.out(), /Chapter not finished: stopped at step 3\/5 \(Make another\)/);
	const second = fakeIO('echo other > /root/other.txt\nanswer a\n');
	assert.equal(await runTutorial(options(home), second.io, {}), 0, second.out());
	assert.match(second.out(), /Step 3\/5: Make another/);
});

test('a locked chapter still starts, with a note; an unknown chapter is an error listing the chapters', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const locked = fakeIO('echo x > /tmp/second.txt\n');
	assert.equal(await runTutorial(options(home), locked.io, {chapter: 'second'}), 0, locked.out());
	assert.match(locked.out(), /builds on chapter 1 \(First fixture chapter\)/);
	const lockedChinese = fakeIO('echo x > /tmp/second.txt\n');
	assert.equal(await runTutorial({...options(home), lang: 'zh-CN'}, lockedChinese.io, {chapter: 'second'}), 0, lockedChinese.out());
	assert.match(lockedChinese.out(), /第 2 章建立在第 1 章（.+）之上/);
	const unknown = fakeIO('');
	assert.equal(await runTutorial(options(home), unknown.io, {chapter: '42'}), 1);
	assert.match(unknown.err(), /no chapter "42"\. Chapters: 1 \(first\), 2 \(second\)/);
});

test('reset refuses without a terminal and without --yes; with --yes it forgets one chapter', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	await runTutorial(options(home), fakeIO(solveFirst).io, {chapter: '1'});
	const refused = fakeIO('');
	assert.equal(await runReset(options(home), refused.io, {chapter: '1', yes: false}), 1);
	assert.match(refused.err(), /add --yes/);
	const asked = fakeIO('n\n');
	assert.equal(await runReset(options(home, {interactiveInput: true}), asked.io, {chapter: '1', yes: false}), 1);
	assert.match(asked.out(), /Forget your progress in chapter 1 \(first\)\? .*\[y\/N\] Nothing was reset/);
	const done = fakeIO('');
	assert.equal(await runReset(options(home), done.io, {chapter: '1', yes: true}), 0);
	const list = fakeIO('');
	await runLessonsList(options(home), list.io);
	assert.match(list.out(), / +1 +0\/5 .*First fixture chapter/);
});

test('progress export and import through the commands; a bad file is a clear error', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	await runTutorial(options(home), fakeIO(solveFirst).io, {chapter: '1'});
	const file = join(home, 'export.json');
	const exported = fakeIO('');
	assert.equal(await runProgressExport(options(home), exported.io, file), 0);
	const elsewhere = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	assert.equal(await runProgressImport(options(elsewhere), fakeIO('').io, file), 0);
	const list = fakeIO('');
	await runLessonsList(options(elsewhere), list.io);
	assert.match(list.out(), /✓ +1 +5\/5 .*First fixture chapter/);
	writeFileSync(join(home, 'bad.json'), '[1,2]');
	const bad = fakeIO('');
	assert.equal(await runProgressImport(options(elsewhere), bad.io, join(home, 'bad.json')), 1);
	assert.match(bad.err(), /not a k8s-tutor progress export/);
});

test('lint prints problems with file and line and exits 1 on errors', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-lint-'));
	const {mkdirSync} = await import('node:fs');
	mkdirSync(join(dir, '01-x', 'text'), {recursive: true});
	writeFileSync(join(dir, '01-x', 'chapter.yaml'), 'id: x\nsteps:\n  - id: a\n    kind: task\n');
	writeFileSync(join(dir, '01-x', 'text', 'en.md'), '# X\n\n## a: A\n\nText\n');
	const io = fakeIO('');
	assert.equal(await runLint(options(dir), io.io, dir), 1);
	assert.match(io.err(), /01-x\/chapter\.yaml:3: error: .*needs a check/);
	const clean = fakeIO('');
	assert.equal(await runLint(options(dir), clean.io, fixturePackDir), 0, clean.err());
});

test('progress exported mid-chapter resumes on another machine in the same world', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	await runTutorial(options(home), fakeIO('next\necho note > /root/note.txt\necho mine > /root/mine.txt\n').io, {chapter: '1'});
	const file = join(home, 'export.json');
	assert.equal(await runProgressExport(options(home), fakeIO('').io, file), 0);
	const elsewhere = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	assert.equal(await runProgressImport(options(elsewhere), fakeIO('').io, file), 0);
	const resumed = fakeIO('grep mine /root/mine.txt\n');
	await runTutorial(options(elsewhere), resumed.io, {});
	assert.match(resumed.out(), /Step 3\/5: Make another[\s\S]*grep mine \/root\/mine.txt\nmine\n/);
});

test('start --fresh begins the chapter again at its first step in a fresh world; other chapters keep their progress', async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	assert.equal(await runTutorial(options(home), fakeIO('echo x > /tmp/second.txt\n').io, {chapter: 'second'}), 0);
	await runTutorial(options(home), fakeIO('next\necho note > /root/note.txt\necho mine > /root/mine.txt\n').io, {chapter: '1'});
	const fresh = fakeIO('cat /root/mine.txt\n');
	assert.equal(await runTutorial(options(home), fresh.io, {chapter: '1', fresh: true}), 1);
	assert.match(fresh.out(), /Step 1\/5: Intro/);
	assert.doesNotMatch(fresh.out(), /Step 3\/5/);
	assert.match(fresh.out(), /cat: \/root\/mine\.txt: No such file or directory/);
	const list = fakeIO('');
	await runLessonsList(options(home), list.io);
	assert.match(list.out(), /✓ +2 +2\/2 .*Second fixture chapter/);
});

/** A copy of the fixture pack whose first chapter has the built-in chapter 1's id. */
function packReusingBuiltInId(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'k8s-tutor-pack-')), 'pack');
	cpSync(fixturePackDir, dir, {recursive: true});
	for (const file of ['01-first/chapter.yaml', '02-second/chapter.yaml']) {
		const path = join(dir, file);
		writeFileSync(path, readFileSync(path, 'utf8').replace(/^id: first$/m, 'id: containers-vs-vms').replace('[first]', '[containers-vs-vms]'));
	}
	return dir;
}

test("an instructor's pack reusing a built-in chapter id keeps its own progress: lessons, start, reset, export and import", async () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	const packA = packReusingBuiltInId();
	const packB = packReusingBuiltInId();
	assert.equal(await runTutorial(options(home, {lessonsDir: packA}), fakeIO(solveFirst).io, {chapter: '1'}), 0);
	const listOf = async (lessonsDir: string | undefined, where = home) => {
		const list = fakeIO('');
		await runLessonsList(options(where, {lessonsDir}), list.io);
		return list.out();
	};
	assert.match(await listOf(packA), /✓ +1 +5\/5 .*First fixture chapter/);
	assert.match(await listOf(packB), / +1 +0\/5 .*First fixture chapter/);
	const builtIn = await listOf(undefined);
	assert.match(builtIn, /^ {3}1 +0\/\d+ +0 xp {2}Containers vs virtual machines$/m, "the built-in chapter is not done by the pack's");
	assert.match(builtIn, /^- {2}2 .*Linux namespaces\n +locked/m);
	// The pack's own prerequisites see the pack's progress.
	const second = fakeIO('');
	await runTutorial(options(home, {lessonsDir: packA}), second.io, {chapter: '2'});
	assert.doesNotMatch(second.out(), /builds on chapter 1/);

	const file = join(home, 'export.json');
	assert.equal(await runProgressExport(options(home, {lessonsDir: packA}), fakeIO('').io, file), 0);
	const exported = JSON.parse(readFileSync(file, 'utf8')) as {chapters: Record<string, unknown>};
	assert.ok(exported.chapters['containers-vs-vms'], 'the export names chapters by their ids, not by the folder');
	const elsewhere = mkdtempSync(join(tmpdir(), 'k8s-tutor-plain-'));
	assert.equal(await runProgressImport(options(elsewhere, {lessonsDir: packB}), fakeIO('').io, file), 0);
	assert.match(await listOf(packB, elsewhere), /✓ +1 +5\/5 .*First fixture chapter/);
	assert.match(await listOf(undefined, elsewhere), /^ {3}1 +0\/\d+ +0 xp {2}Containers vs virtual machines$/m);

	assert.equal(await runReset(options(home, {lessonsDir: packB}), fakeIO('').io, {yes: true}), 0);
	assert.match(await listOf(packA), /✓ +1 +5\/5 .*First fixture chapter/, "resetting one pack leaves another's progress");
	assert.equal(await runReset(options(home, {lessonsDir: packA}), fakeIO('').io, {chapter: '1', yes: true}), 0);
	assert.match(await listOf(packA), / +1 +0\/5 .*First fixture chapter/);
});
