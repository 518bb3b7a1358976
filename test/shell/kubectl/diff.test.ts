// kubectl diff -f: the live object against what apply would make of it, as `diff -u -N` over
// kubectl's LIVE- and MERGED- folders; exit 1 when they differ, 0 when they do not.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {unifiedHunks} from '../../../source/shell/commands/kubectl/unified-diff.ts';

const deployment = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: nginx:1.27}\n`;

test('diff of a changed Deployment: the replicas and the generation, with kubectl\'s file names and headers', () => {
	const shell = sandboxShell({files: {'v3.yaml': deployment(3), 'v2.yaml': deployment(2)}});
	const fresh = run(shell, 'kubectl diff -f v3.yaml');
	assert.equal(fresh.exitCode, 1);
	assert.match(fresh.stdout, /^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t1970-01-01 00:00:00\.000000000 \+0000\n\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\t2026-01-05 09:\d\d:\d\d\.\d{9} \+0000\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: apps\/v1\n/);
	assert.equal(run(shell, 'kubectl get deploy web').exitCode, 1, 'diff changes nothing');
	run(shell, 'kubectl apply -f v3.yaml');
	const same = run(shell, 'kubectl diff -f v3.yaml');
	assert.equal(same.stdout, '');
	assert.equal(same.exitCode, 0);
	const changed = run(shell, 'kubectl diff -f v2.yaml');
	assert.equal(changed.exitCode, 1);
	assert.match(changed.stdout, /\n-  generation: 1\n\+  generation: 2\n/);
	assert.match(changed.stdout, /\n-  replicas: 3\n\+  replicas: 2\n/);
	assert.match(changed.stdout, /\n@@ -5,7 \+5,7 @@\n     kubectl.kubernetes.io\/last-applied-configuration: \|\n/);
	assert.match(run(shell, 'kubectl get deploy web').stdout, /\nweb +\d\/3 /, 'still 3 replicas');
	assert.equal(run(shell, 'kubectl diff').stderr, 'error: must specify one of -f and -k\n');
});

test('unifiedHunks: context of 3 lines, merged hunks, GNU ranges', () => {
	const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
	assert.equal(unifiedHunks(a, a), '');
	assert.equal(unifiedHunks(a, a.replace('e', 'E')), '@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
	assert.equal(unifiedHunks('x\n', 'x\ny\n'), '@@ -1 +1,2 @@\n x\n+y\n');
	assert.equal(unifiedHunks('', 'y\n'), '@@ -0,0 +1 @@\n+y\n');
});
