// Where the simulated shell reads the learner's real machine: only regular files, inside the
// folder the tutor started in unless the path is absolute, bounded on the bytes read, never blocking.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {openProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {importProgress} from '../../source/lessons/progress/progress-transfer.ts';
import {layeredDisk} from '../../source/lessons/layered-disk.ts';
import {realDisk} from '../../source/node/real-disk.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {readRegularFile} from '../../source/lessons/regular-file.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

function folder(): string {
	return mkdtempSync(join(tmpdir(), 'k8s-tutor-real-'));
}

function shellIn(dir: string) {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(dir)};
	return shell;
}

test('kubectl apply -f a device, a FIFO or /dev/tty answers at once in kubectl words, without reading it', () => {
	const dir = folder();
	execFileSync('mkfifo', [join(dir, 'f.yaml')]);
	const shell = shellIn(dir);
	for (const [line, path] of [['kubectl apply -f /dev/zero', '/dev/zero'], ['kubectl apply -f f.yaml', 'f.yaml'], ['kubectl apply -f /dev/tty', '/dev/tty'], ['kubectl create -f /dev/urandom --dry-run=client', '/dev/urandom']] as const) {
		const result = run(shell, line);
		assert.equal(result.exitCode, 1, line);
		assert.match(result.stderr, new RegExp(`^error: error reading \\[${path.replace(/\//g, '\\/')}\\]: \\[simulator\\] not a regular file`), line);
	}
});

test('a 10 MB manifest that exists is too large, not "does not exist"; a missing one does not exist', () => {
	const dir = folder();
	writeFileSync(join(dir, 'big.yaml'), pod + '# ' + 'x'.repeat(10 * 1024 * 1024) + '\n');
	const shell = shellIn(dir);
	const big = run(shell, 'kubectl apply -f big.yaml');
	assert.equal(big.exitCode, 1);
	assert.match(big.stderr, /^error: error reading \[big\.yaml\]: \[simulator\] larger than 4 MiB/);
	assert.equal(run(shell, 'kubectl apply -f nope.yaml').stderr, 'error: the path "nope.yaml" does not exist\n');
});

test('a relative path stays in the folder the tutor started in (symlinks resolved); an absolute path may go elsewhere', () => {
	const outside = folder();
	writeFileSync(join(outside, 'pod.yaml'), pod);
	const dir = folder();
	symlinkSync(join(outside, 'pod.yaml'), join(dir, 'link.yaml'));
	const shell = shellIn(dir);
	const linked = run(shell, 'kubectl apply -f link.yaml');
	assert.equal(linked.exitCode, 1);
	assert.match(linked.stderr, /^error: error reading \[link\.yaml\]: \[simulator\] outside the folder k8s-tutor started in/);
	assert.match(run(shell, `kubectl apply -f ../${outside.split('/').pop()}/pod.yaml`).stderr, /outside the folder/);
	assert.equal(run(shell, `kubectl apply -f ${join(outside, 'pod.yaml')}`).stdout, 'pod/web created\n');
});

test('the size limit counts the bytes read, not the size a file reports', () => {
	const read = readRegularFile('/proc/self/status', 16);
	assert.equal(read.ok, false);
	assert.equal(!read.ok && read.problem, 'too-large');
});

test('a build context holding a symlink to a large folder stops with a message naming the limit and .dockerignore', () => {
	const big = folder();
	for (let i = 0; i < 2100; i++) writeFileSync(join(big, `f${i}.txt`), 'x');
	const dir = folder();
	writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\nCOPY . /app\n');
	symlinkSync(big, join(dir, 'data'));
	mkdirSync(join(dir, 'sub'));
	symlinkSync(big, join(dir, 'sub', 'data'));
	// Started in dir: the linked folder lies outside it and is not followed at all.
	assert.equal(run(shellIn(dir), 'docker build -t app .').exitCode, 0);
	// Started in the big folder itself: everything counts.
	const shell = shellIn(big);
	writeFileSync(join(big, 'Dockerfile'), 'FROM alpine\nCOPY . /app\n');
	const result = run(shell, 'docker build -t app .');
	assert.equal(result.exitCode, 1);
	assert.match(result.stderr, /\[simulator\] the build context is larger than k8s-tutor reads: more than 2000 files .*\.dockerignore/);
	writeFileSync(join(big, '.dockerignore'), 'f1*\n');
	assert.equal(run(shell, 'docker build -t app .').exitCode, 0);
});

test('a build context deeper than the limit stops with a message', () => {
	const dir = folder();
	writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\nCOPY . /app\n');
	let deep = dir;
	for (let i = 0; i < 20; i++) mkdirSync((deep = join(deep, 'd')));
	writeFileSync(join(deep, 'x'), 'x');
	const result = run(shellIn(dir), 'docker build .');
	assert.match(result.stderr, /more than 16 folders deep/);
});

test('docker build -f a FIFO answers at once', () => {
	const dir = folder();
	execFileSync('mkfifo', [join(dir, 'Dockerfile')]);
	const result = run(shellIn(dir), 'docker build .');
	assert.equal(result.exitCode, 1);
	assert.match(result.stderr, /\[simulator\] cannot read the Dockerfile Dockerfile: not a regular file/);
});

test('progress import of /dev/zero, a FIFO or a huge file says why, reads nothing, changes nothing', () => {
	const dir = folder();
	execFileSync('mkfifo', [join(dir, 'fifo.json')]);
	const store = openProgressStore({configDir: join(dir, 'config')});
	for (const [file, why] of [['/dev/zero', /cannot read \/dev\/zero: not a regular file/], [join(dir, 'fifo.json'), /not a regular file/], [join(dir, 'none.json'), /no such file/]] as const) {
		const result = importProgress(store, file);
		assert.equal(result.ok, false);
		assert.match(!result.ok ? result.error : '', why);
	}
	assert.deepEqual(store.read().chapters, {});
});

test("in a lesson, a build context the lesson provides is the lesson's folder, whatever the learner's real folder holds", () => {
	const home = folder();
	for (let i = 0; i < 2100; i++) writeFileSync(join(home, `f${i}.txt`), 'x');
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: layeredDisk(memoryDisk({'Dockerfile': 'FROM alpine\nCOPY app.js /app/\n', 'app.js': 'x'}), realDisk(home))};
	const result = run(shell, 'docker build -t app .');
	assert.equal(result.exitCode, 0, result.text);
	assert.match(result.stdout, /Sending build context to Docker daemon {2}3\.072kB/);
});
