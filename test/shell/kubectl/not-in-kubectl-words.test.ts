// Issue 16: whatever real kubectl 1.32 has that the simulation does not model answers with a marked
// [simulator] line, never with kubectl's own "does not exist" errors, which a learner would believe.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const fixtures = new URL('../../fixtures/kubectl/', import.meta.url);
const apiResources = readFileSync(new URL('api-resources-1.32.txt', fixtures), 'utf8');
const help = readFileSync(new URL('help-1.32.txt', fixtures), 'utf8');
const createHelp = readFileSync(new URL('create-help-1.32.txt', fixtures), 'utf8');

/** kubectl's "this does not exist" answers, which must never meet a real feature. */
const realSounding = /doesn't have a resource type|ensure CRDs are installed first|no matches for kind|unknown field|unknown command|unknown flag|unknown shorthand flag/;

type Row = {resource: string; shortNames: string[]; apiVersion: string; kind: string};
const rows: Row[] = apiResources
	.trim()
	.split('\n')
	.slice(1)
	.map(line => {
		const cells = line.split(/\s+/);
		return cells.length === 5 ? {resource: cells[0]!, shortNames: cells[1]!.split(','), apiVersion: cells[2]!, kind: cells[4]!} : {resource: cells[0]!, shortNames: [], apiVersion: cells[1]!, kind: cells[3]!};
	});

const verbs = [...help.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map(m => m[1]!);
const createSubcommands = [...createHelp.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map(m => m[1]!);

test('kubectl api-resources prints the real 1.32 list, column for column', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl api-resources').stdout, apiResources);
	assert.equal(rows.length, 58);
});

test('every kind of api-resources, by every name, is served or answered by a marked [simulator] line', () => {
	const shell = sandboxShell();
	for (const row of rows) {
		const group = row.apiVersion.includes('/') ? row.apiVersion.split('/')[0] : '';
		const names = [row.resource, row.kind, ...row.shortNames, ...(group ? [`${row.resource}.${group}`] : [])];
		for (const name of names) {
			for (const line of [`kubectl get ${name}`, `kubectl describe ${name}`, `kubectl explain ${name}`, `kubectl get ${name} -A -o yaml`, `kubectl delete ${name} walk`]) {
				const result = run(shell, line);
				assert.doesNotMatch(result.text, realSounding, line);
				if (result.exitCode !== 0 && result.text.includes('not simulated')) assert.match(result.text, /^\[simulator\] /, line);
			}
		}
	}
});

test('a manifest of every kind of api-resources is applied or refused with a marked line, never "no matches for kind"', () => {
	const files: Record<string, string> = {};
	for (const row of rows) files[`${row.resource}-${row.apiVersion.replace('/', '-')}.yaml`] = `apiVersion: ${row.apiVersion}\nkind: ${row.kind}\nmetadata:\n  name: walk\n`;
	const shell = sandboxShell({files});
	for (const file of Object.keys(files)) {
		const result = run(shell, `kubectl apply -f ${file}`);
		assert.doesNotMatch(result.text, realSounding, file);
		if (result.exitCode !== 0 && result.text.includes('not simulated')) assert.match(result.text, /^\[simulator\] /, file);
	}
});

test('every command of kubectl --help, and every subcommand of kubectl create, exists or says [simulator]', () => {
	assert.ok(verbs.length >= 40, verbs.join(' '));
	const shell = sandboxShell();
	for (const verb of verbs) {
		const result = run(shell, `kubectl ${verb}`);
		assert.doesNotMatch(result.text, realSounding, verb);
		if (result.text.includes('not simulated')) assert.match(result.text, /^\[simulator\] /, verb);
	}
	assert.ok(createSubcommands.length >= 17, createSubcommands.join(' '));
	// `kubectl create secret` and `create service` take a kind of secret or service first.
	const nested: Record<string, string[]> = {secret: ['generic', 'docker-registry', 'tls'], service: ['clusterip', 'externalname', 'loadbalancer', 'nodeport']};
	const lines = createSubcommands.flatMap(sub => (nested[sub] ?? ['']).map(kind => `kubectl create ${sub}${kind ? ` ${kind}` : ''} walk-${sub}`));
	for (const sub of lines) {
		const result = run(shell, sub);
		assert.doesNotMatch(result.text, realSounding, sub);
		if (result.text.includes('not simulated')) assert.match(result.text, /^\[simulator\] /, sub);
	}
	for (const line of ['kubectl set env deploy/x A=1', 'kubectl rollout pause deploy/x', 'kubectl auth reconcile -f x.yaml', 'kubectl config set-credentials jane --token=x']) {
		const result = run(shell, line);
		assert.doesNotMatch(result.text, realSounding, line);
		assert.match(result.text, /^\[simulator\] /, line);
	}
	// Modelled now: they answer as kubectl does.
	for (const line of ['kubectl config view', 'kubectl config get-contexts', 'kubectl wait --for=condition=Ready pod/x --timeout=1s', 'kubectl auth can-i get pods', 'kubectl config delete-context x']) {
		const result = run(shell, line);
		assert.doesNotMatch(result.text, realSounding, line);
		assert.doesNotMatch(result.text, /not simulated/, line);
	}
	// Made-up words keep kubectl's real answers.
	assert.match(run(shell, 'kubectl frobnicate').stderr, /^error: unknown command "frobnicate" for "kubectl"/);
	assert.equal(run(shell, 'kubectl get widgets').stderr, 'error: the server doesn\'t have a resource type "widgets"\n');
});

test('removed API versions keep the real refusal', () => {
	const removed = [
		['extensions/v1beta1', 'Deployment'],
		['apps/v1beta2', 'DaemonSet'],
		['batch/v1beta1', 'CronJob'],
		['networking.k8s.io/v1beta1', 'Ingress'],
		['policy/v1beta1', 'PodSecurityPolicy'],
	];
	const files = Object.fromEntries(removed.map(([v, k]) => [`${k}.yaml`, `apiVersion: ${v}\nkind: ${k}\nmetadata:\n  name: old\n`]));
	const shell = sandboxShell({files});
	for (const [version, kind] of removed) {
		assert.equal(run(shell, `kubectl apply -f ${kind}.yaml`).stderr, `error: resource mapping not found for name: "old" namespace: "" from "${kind}.yaml": no matches for kind "${kind}" in version "${version}"\nensure CRDs are installed first\n`);
	}
});

test('real fields of the modelled kinds are accepted, made-up ones are still unknown', () => {
	const files = {
		'ep.yaml': 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external\nsubsets:\n- addresses:\n  - ip: 11.11.11.11\n  ports:\n  - port: 80\n',
		'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: lb\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8]\n  ports:\n  - port: 80\n',
		'typo.yaml': 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: typo\nsubset: []\n',
	};
	const shell = sandboxShell({files});
	assert.equal(run(shell, 'kubectl apply -f ep.yaml').text, 'endpoints/external created\n');
	assert.equal(run(shell, 'kubectl apply -f svc.yaml').text, 'service/lb created\n');
	assert.equal(run(shell, 'kubectl apply -f typo.yaml').stderr, 'Error from server (BadRequest): error when creating "typo.yaml": Endpoints in version "v1" cannot be handled as a Endpoints: strict decoding error: unknown field "subset"\n');
});
