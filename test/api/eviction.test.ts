// POST pods/NAME/eviction, as the real kubectl drain sends it (recorded with -v=8): 201 with a
// Success Status, 429 with the budget's numbers while a PodDisruptionBudget allows no disruption,
// 500 for a pod under two budgets, 404 for a missing pod, 400 for a body that names another pod.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ApiRequest} from '../../source/api/api-types.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

function eviction(namespace: string, name: string, body: unknown = {kind: 'Eviction', apiVersion: 'policy/v1', metadata: {name, namespace}, deleteOptions: {}}): ApiRequest {
	return {method: 'POST', path: `/api/v1/namespaces/${namespace}/pods/${name}/eviction`, query: new URLSearchParams(), headers: {'content-type': 'application/json', accept: 'application/json', 'kubectl-command': 'kubectl drain'}, body: JSON.stringify(body)};
}

function started() {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'sleep 30');
	const pods = run(shell, 'kubectl get pods -l app=web -o name').stdout.trim().split('\n').map(p => p.slice('pod/'.length));
	return {shell, pods};
}

test('an eviction without a budget deletes the pod gracefully (DisruptionTarget condition) and answers 201 Success', () => {
	const {shell, pods} = started();
	const handled = handleRequest(eviction('default', pods[0]!), shell.state.world);
	assert.equal(handled.response.status, 201);
	assert.deepEqual(handled.response.body, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201});
	assert.deepEqual(handled.action, {verb: 'drain', resource: 'pods', name: pods[0], namespace: 'default'});
	const pod = handled.world!.cluster!.store.pods.get(`default/${pods[0]}`)!;
	assert.ok(pod.metadata.deletionTimestamp, 'terminating, not gone: the kubelet stops it within its grace period');
	assert.deepEqual(pod.status.conditions?.find(c => c.type === 'DisruptionTarget'), {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: pod.status.conditions?.find(c => c.type === 'DisruptionTarget')?.lastTransitionTime, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting'});
});

test('a budget that allows no disruption refuses with 429 TooManyRequests and its numbers; one that allows spends it', () => {
	const {shell, pods} = started();
	run(shell, 'kubectl create pdb web --selector=app=web --min-available=1');
	run(shell, 'sleep 2');
	const first = handleRequest(eviction('default', pods[0]!), shell.state.world);
	assert.equal(first.response.status, 201);
	assert.equal(first.world!.cluster!.store.poddisruptionbudgets.get('default/web')!.status.disruptionsAllowed, 0);
	const second = handleRequest(eviction('default', pods[1]!), first.world!);
	assert.deepEqual(second.response, {
		status: 429,
		body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: "Cannot evict pod as it would violate the pod's disruption budget.", reason: 'TooManyRequests', details: {causes: [{reason: 'DisruptionBudget', message: 'The disruption budget web needs 1 healthy pods and has 2 currently'}]}, code: 429},
	});
	assert.equal(second.world, undefined, 'a refused eviction changes nothing');
	run(shell, 'kubectl create pdb other --selector=app=web --max-unavailable=1');
	run(shell, 'sleep 2');
	const both = handleRequest(eviction('default', pods[1]!), shell.state.world);
	assert.deepEqual([both.response.status, (both.response.body as {message: string}).message], [500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.']);
});

test('a missing pod is 404 NotFound; a body naming another pod is 400; GET is not allowed', () => {
	const {shell, pods} = started();
	const missing = handleRequest(eviction('default', 'nope'), shell.state.world);
	assert.deepEqual(missing.response.body, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: {name: 'nope', kind: 'pods'}, code: 404});
	const other = handleRequest(eviction('default', pods[0]!, {kind: 'Eviction', apiVersion: 'policy/v1', metadata: {name: 'else'}}), shell.state.world);
	assert.deepEqual([other.response.status, (other.response.body as {message: string}).message], [400, 'name in URL does not match name in Eviction object']);
	const get = handleRequest({...eviction('default', pods[0]!), method: 'GET', body: ''}, shell.state.world);
	assert.equal(get.response.status, 405);
});
