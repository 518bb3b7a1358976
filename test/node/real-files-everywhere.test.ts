// Every way the shell reads the learner's real folder says why a file that exists is not read
// (too big, a FIFO, a device) instead of "No such file": cat, `<`, kubectl create configmap
// --from-file, docker run --env-file; a folder handed to --from-file is bounded; errno in words.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {readRegularFile} from '../../source/lessons/regular-file.ts';
import {realDisk} from '../../source/node/real-disk.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

function shellIn(dir: string) {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(dir)};
	return shell;
}

function folderWithTraps(): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-traps-'));
	writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(10 * 1024 * 1024, 'a'));
	writeFileSync(join(dir, 'small.txt'), 'hello\n');
	execFileSync('mkfifo', [join(dir, 'f.yaml')]);
	return dir;
}

test('cat and < on a real file that is too big or a FIFO say so, at once, and never "No such file"', () => {
	const shell = shellIn(folderWithTraps());
	assert.deepEqual([run(shell, 'cat small.txt').stdout], ['hello\n']);
	const big = run(shell, 'cat big.yaml');
	assert.deepEqual([big.exitCode, big.stderr], [1, 'cat: big.yaml: [simulator] larger than 4 MiB, the most k8s-tutor reads from one file\n']);
	const fifo = run(shell, 'cat f.yaml');
	assert.match(fifo.stderr, /^cat: f\.yaml: \[simulator\] not a regular file/);
	assert.match(run(shell, 'wc -l < big.yaml').stderr, /^bash: big\.yaml: \[simulator\] larger than 4 MiB/);
	assert.match(run(shell, 'grep x < f.yaml').stderr, /^bash: f\.yaml: \[simulator\] not a regular file/);
	assert.equal(run(shell, 'cat nosuch.txt').stderr, 'cat: nosuch.txt: No such file or directory\n');
});

test('kubectl create configmap --from-file and docker run --env-file read real files bounded, with the reason', () => {
	const dir = folderWithTraps();
	const shell = shellIn(dir);
	assert.match(run(shell, 'kubectl create configmap c --from-file=big.yaml').stderr, /^error: error reading big\.yaml: \[simulator\] larger than 4 MiB/);
	assert.match(run(shell, 'kubectl create configmap c --from-file=f.yaml').stderr, /^error: error reading f\.yaml: \[simulator\] not a regular file/);
	assert.match(run(shell, 'docker run --env-file big.yaml alpine true').stderr, /open big\.yaml: \[simulator\] larger than 4 MiB/);
	const many = join(dir, 'many');
	mkdirSync(many);
	for (let i = 0; i < 1001; i++) writeFileSync(join(many, `f${i}`), '');
	assert.match(run(shell, `kubectl create configmap c --from-file=${many}`).stderr, /\[simulator\] the folder holds more than 1000 files/);
	const heavy = join(dir, 'heavy');
	mkdirSync(heavy);
	for (let i = 0; i < 3; i++) writeFileSync(join(heavy, `f${i}`), Buffer.alloc(2 * 1024 * 1024, 'b'));
	assert.match(run(shell, `kubectl create configmap c --from-file=${heavy}`).stderr, /\[simulator\] the folder holds more than 4 MiB/);
});

test('an error while reading is told in strerror words, not an errno code', () => {
	const read = readRegularFile('/proc/self/mem', 1024);
	assert.equal(read.ok, false);
	if (!read.ok) assert.doesNotMatch(read.message, /^e[a-z]+$/, read.message);
});
