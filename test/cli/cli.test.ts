import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {test} from 'node:test';
import {nodeVersionProblem} from '../../source/node-version.ts';
import {runCli} from '../helpers/built-cli.ts';
import packageJson from '../../package.json' with {type: 'json'};

test('--version prints the package version', () => {
	const run = runCli(['--version']);
	assert.equal(run.status, 0);
	assert.equal(run.stdout.trim(), packageJson.version);
});

test('--help lists the whole command surface', () => {
	const run = runCli(['--help']);
	assert.equal(run.status, 0);
	for (const word of ['lessons', 'start <chapter>', 'sandbox', 'reset', 'progress', 'lint', 'classroom', 'join', '--lang', '--plain', '--lessons', '--fresh']) {
		assert.ok(run.stdout.includes(word), `help mentions ${word}`);
	}
});

test('an unknown command or flag gets one line, the usage, and exit 2', () => {
	for (const args of [['frobnicate'], ['--bogus'], ['sandbox', '--nope'], ['start'], ['--lang', 'fr']]) {
		const run = runCli(args);
		assert.equal(run.status, 2, args.join(' '));
		const lines = run.stderr.trim().split('\n');
		assert.match(lines[0]!, /^k8s-tutor: /, args.join(' '));
		assert.match(lines[1]!, /^Usage: k8s-tutor/, args.join(' '));
		assert.equal(run.stdout, '');
	}
});

test('nodeVersionProblem accepts 22+ and names the needed version otherwise', () => {
	assert.equal(nodeVersionProblem('22.0.0'), undefined);
	assert.equal(nodeVersionProblem('v24.1.0'), undefined);
	assert.match(nodeVersionProblem('20.20.2')!, /needs Node\.js 22 or newer; this is Node\.js 20\.20\.2/);
});

/** A Node.js older than 22 on this machine, if there is one (the system's default here is 20). */
function oldNode(): string | undefined {
	for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
		if (!existsSync(candidate)) continue;
		const version = execFileSync(candidate, ['--version'], {encoding: 'utf8'}).trim();
		if (Number(version.slice(1).split('.')[0]) < 22) return candidate;
	}
	return undefined;
}

test('started on Node < 22 it prints one line naming the version it needs and exits 1', {skip: oldNode() ? false : 'no Node.js older than 22 on this machine'}, () => {
	const run = runCli(['--version'], {nodeBinary: oldNode()!});
	assert.equal(run.status, 1);
	assert.equal(run.stderr.trim().split('\n').length, 1);
	assert.match(run.stderr, /needs Node\.js 22 or newer/);
});
