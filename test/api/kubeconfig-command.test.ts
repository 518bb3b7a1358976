// `k8s-tutor kubeconfig` from the bundle: the certificates are made by the bundled X.509 library.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {runCli} from '../helpers/built-cli.ts';

test('k8s-tutor kubeconfig prints the path of a kubeconfig (mode 0600) with the CA and a token', () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-kubeconfig-'));
	const run = runCli(['kubeconfig'], {env: {K8S_TUTOR_HOME: home}});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stdout, join(home, 'kubeconfig') + '\n');
	const path = run.stdout.trim();
	assert.equal(statSync(path).mode & 0o777, 0o600);
	const text = readFileSync(path, 'utf8');
	assert.match(text, /server: https:\/\/127\.0\.0\.1:6443\n/);
	assert.match(Buffer.from(text.match(/certificate-authority-data: (\S+)/)![1]!, 'base64').toString(), /^-----BEGIN CERTIFICATE-----/);
	assert.match(text, /token: \S{40,}/);
});

test('--api with a value that is not a port is a usage error', () => {
	const run = runCli(['sandbox', '--plain', '--api=web'], {input: ''});
	assert.equal(run.status, 2);
	assert.equal(run.stderr, 'k8s-tutor: --api: "web" is not a port number (0-65535)\n');
});
