// An offline room: the host serves the package it runs at /k8s-tutor.tgz, and npx installs and
// runs it from there with no registry at all (the registry is pointed at a closed port).
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {gunzipSync} from 'node:zlib';
import {startClassroomHost} from '../../source/classroom/host-server.ts';
import {joinCommand} from '../../source/classroom/join-line.ts';
import {openSession} from '../../source/classroom/session-folder.ts';
import {appVersion, tempDir} from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist', 'cli.js'));

test('npx installs the host\'s own package from http://HOST:PORT/k8s-tutor.tgz, with no registry', {skip: built ? false : 'no dist/ (npm test builds it first; run npm run build)'}, async t => {
	const session = await openSession(tempDir(t), {chapters: ['1'], appVersion, now: 0});
	const host = await startClassroomHost(session, {bind: '127.0.0.1', port: 0, appVersion, packageRoot: root});
	t.after(() => host.close());
	const url = `http://127.0.0.1:${host.port}/k8s-tutor.tgz`;
	assert.equal(joinCommand('127.0.0.1', host.port, 'ABC234', true), `npx --yes ${url} join 127.0.0.1:${host.port} --code ABC234 --name "YOUR NAME"`);

	const response = await fetch(url);
	assert.equal(response.status, 200);
	const tar = gunzipSync(Buffer.from(await response.arrayBuffer()));
	const names: string[] = [];
	for (let offset = 0; offset + 512 <= tar.length; ) {
		const name = tar.toString('utf8', offset, offset + 100).replace(/\0.*$/s, '');
		if (!name) break;
		const prefix = tar.toString('utf8', offset + 345, offset + 500).replace(/\0.*$/s, '');
		const size = parseInt(tar.toString('ascii', offset + 124, offset + 136), 8);
		names.push(prefix ? `${prefix}/${name}` : name);
		offset += 512 + Math.ceil(size / 512) * 512;
	}
	for (const expected of ['package/package.json', 'package/dist/cli.js', 'package/readme.md']) assert.ok(names.includes(expected), `${expected} in the tarball`);
	assert.ok(names.some(name => name.startsWith('package/lessons/')), 'the lessons too');

	// An empty folder, an empty npm cache, and a registry nobody answers: only the host can serve it.
	const folder = mkdtempSync(join(tmpdir(), 'k8s-tutor-offline-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	const env = {...process.env, PATH: `${join(root, 'node_modules', 'node', 'bin')}:${process.env.PATH}`, npm_config_registry: 'http://127.0.0.1:9/', npm_config_cache: join(folder, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false'};
	const {stdout} = await promisify(execFile)('npx', ['--yes', url, '--version'], {cwd: folder, env, timeout: 120_000});
	assert.equal(stdout.trim(), (await import(join(root, 'package.json'), {with: {type: 'json'}})).default.version);
});
