// Issue 13 §4: the lesson's working files are where ls sees them, and the sandbox never names a
// real folder of the learner's machine; a real file is read only where the learner asks for it.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {chapterStartShell} from '../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {realDisk} from '../../source/node/real-disk.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

const chapter = (n: number) => loadLessonPack(builtInLessonsDir()).chapters.find(c => c.number === n)!;

test('ls shows the lesson\'s working files in chapters 4 and 5, and globs and docker build find them there', () => {
	const four = {state: chapterStartShell(chapter(4)), runtime: lessonRuntime(chapter(4))};
	assert.equal(run(four, 'ls').stdout, 'Dockerfile  app.js\n');
	assert.match(run(four, 'cat Dockerfile').stdout, /^FROM node:7/);
	const five = {state: chapterStartShell(chapter(5)), runtime: lessonRuntime(chapter(5))};
	assert.equal(run(five, 'ls').stdout, 'Dockerfile  app.js  hello\n');
	assert.equal(run(five, 'ls hello').stdout, 'Dockerfile  hello.js\n');
	assert.equal(run(five, 'echo */*.js').stdout, 'hello/hello.js\n');
	const built = run(five, 'docker build -t hello ./hello');
	assert.equal(built.exitCode, 0, built.stderr);
	assert.match(built.stdout, /Successfully tagged hello:latest/);
});

test('docker build names the Dockerfile by its path in the simulated host, never the real folder', () => {
	const folder = mkdtempSync(join(tmpdir(), 'k8s-tutor-real-'));
	try {
		const shell = sandboxShell();
		shell.runtime = {...shell.runtime, disk: realDisk(folder)};
		const result = run(shell, 'docker build -t x .');
		assert.equal(result.exitCode, 1);
		assert.match(result.stderr, /lstat \/root\/Dockerfile: no such file or directory/);
		assert.ok(!result.text.includes(folder), result.text);
		assert.ok(!run(shell, 'docker build -t x ./sub').text.includes(folder));
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
});

test('a real file is read where the learner asks for it, from the folder the tutor started in, and named as typed', () => {
	const folder = mkdtempSync(join(tmpdir(), 'k8s-tutor-real-'));
	try {
		writeFileSync(join(folder, 'my.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
		const shell = sandboxShell();
		shell.runtime = {...shell.runtime, disk: realDisk(folder)};
		assert.equal(run(shell, 'kubectl apply -f ./my.yaml').stdout, 'pod/mine created\n');
		assert.match(run(shell, 'cat my.yaml').stdout, /name: mine/);
		run(shell, 'cd /tmp');
		const elsewhere = run(shell, 'kubectl apply -f ./my.yaml');
		assert.equal(elsewhere.stderr, 'error: the path "./my.yaml" does not exist\n', 'away from the start folder only the simulated files exist');
		assert.equal(run(shell, 'cat my.yaml').stderr, 'cat: my.yaml: No such file or directory\n');
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
});
