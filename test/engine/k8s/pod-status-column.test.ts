// One STATUS word per pod, by kubectl's printPod rules, in `kubectl get pods` and in the cluster pane.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {podStatusColumn} from '../../../source/engine/k8s/pod-status-column.ts';
import type {ObjectMeta} from '../../../source/engine/k8s/types.ts';
import type {Pod} from '../../../source/engine/k8s/kinds.ts';
import {podRow} from '../../../source/ui/pane/selectors/cluster.ts';

function pod(status: Record<string, unknown>, extra: Partial<ObjectMeta> = {}): Pod {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', namespace: 'default', ...extra}, spec: {nodeName: 'worker-1', containers: [{name: 'a', image: 'busybox'}, {name: 'b', image: 'busybox'}]}, status} as Pod;
}

const cases: [string, Pod, string][] = [
	['a terminated container with no reason shows its exit code', pod({phase: 'Failed', containerStatuses: [{name: 'a', ready: false, state: {terminated: {exitCode: 3, reason: ''}}}]}), 'ExitCode:3'],
	['a container killed by a signal with no reason shows the signal', pod({phase: 'Failed', containerStatuses: [{name: 'a', ready: false, state: {terminated: {exitCode: 137, signal: 9, reason: ''}}}]}), 'Signal:9'],
	['the runtime’s reason wins', pod({phase: 'Running', containerStatuses: [{name: 'a', ready: false, state: {terminated: {exitCode: 137, reason: 'OOMKilled'}}}]}), 'OOMKilled'],
	['one container completed, the other running and the pod ready: Running', pod({phase: 'Running', conditions: [{type: 'Ready', status: 'True'}], containerStatuses: [{name: 'a', ready: false, state: {terminated: {exitCode: 0, reason: 'Completed'}}}, {name: 'b', ready: true, state: {running: {}}}]}), 'Running'],
	['one container completed, the other running but the pod not ready: NotReady', pod({phase: 'Running', conditions: [{type: 'Ready', status: 'False'}], containerStatuses: [{name: 'a', ready: false, state: {terminated: {exitCode: 0, reason: 'Completed'}}}, {name: 'b', ready: true, state: {running: {}}}]}), 'NotReady'],
	['the first container’s waiting reason is the one shown', pod({phase: 'Pending', containerStatuses: [{name: 'a', ready: false, state: {waiting: {reason: 'ImagePullBackOff'}}}, {name: 'b', ready: false, state: {waiting: {reason: 'ContainerCreating'}}}]}), 'ImagePullBackOff'],
	['a pod being deleted from a lost node is Unknown', pod({phase: 'Running', reason: 'NodeLost'}, {deletionTimestamp: '2026-01-01T00:00:00Z'}), 'Unknown'],
	['a pod being deleted is Terminating', pod({phase: 'Running'}, {deletionTimestamp: '2026-01-01T00:00:00Z'}), 'Terminating'],
	['a scheduled pod with no container status yet is ContainerCreating', pod({phase: 'Pending'}), 'ContainerCreating'],
];

for (const [name, object, expected] of cases) {
	test(`pod STATUS: ${name}`, () => {
		assert.equal(podStatusColumn(object), expected);
		assert.equal(podRow('default/p', object).status, expected, 'the cluster pane shows what kubectl prints');
	});
}
