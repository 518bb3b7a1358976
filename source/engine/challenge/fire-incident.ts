// What each incident does to the cluster, as the people and machines of a real outage would:
// a power supply fails, a teammate rolls out a typo, a batch job fills every node and then a
// node is drained for maintenance. Call on a draft.
import {recordEvent} from '../events.ts';
import {powerOffHost} from '../host/power.ts';
import {createObject, deleteObject, patchObject} from '../k8s/api-server.ts';
import type {NewObject} from '../k8s/object-input.ts';
import type {World} from '../world.ts';
import type {ChallengeState, Incident} from './challenge-types.ts';

/** Pods of the batch job: together they ask for more CPU than the workers have left. */
export const batchReplicas = 24;
export const batchCpu = '250m';

function batchDeploymentObject(name: string, namespace: string): NewObject<'Deployment'> {
	return {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name, namespace, labels: {app: name}},
		spec: {
			replicas: batchReplicas,
			selector: {matchLabels: {app: name}},
			template: {
				metadata: {labels: {app: name}},
				spec: {containers: [{name: 'report', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 3600; done'], resources: {requests: {cpu: batchCpu, memory: '64Mi'}}}]},
			},
		},
	};
}

function note(w: World, reason: string, object: string, message: string, host?: string): void {
	recordEvent(w, {type: 'Warning', component: 'challenge', reason, object, message, host});
}

/** Fires it, records the long story as an event, and returns the short line the timeline shows. */
export function fireIncident(w: World, ch: ChallengeState, incident: Incident): string {
	const {namespace, deployment} = ch.app;
	switch (incident.kind) {
		case 'node-failure': {
			powerOffHost(w, incident.target, 'challenge');
			note(w, 'NodeFailed', `node/${incident.target}`, `The power supply of ${incident.target} failed: the node and its pods are gone.`, incident.target);
			return `${incident.target} lost power`;
		}
		case 'bad-rollout': {
			patchObject(w, 'deployments', `${namespace}/${deployment}`, d => {
				const container = d.spec?.template?.spec?.containers?.[0];
				if (container) container.image = incident.target;
			});
			note(w, 'BadRollout', `deployment/${namespace}/${deployment}`, `A teammate rolled out deployment/${deployment} with the image "${incident.target}" (a typo).`);
			return `bad image ${incident.target}`;
		}
		case 'overcommit': {
			createObject(w, batchDeploymentObject(incident.target, namespace));
			note(w, 'Overcommitted', `deployment/${namespace}/${incident.target}`, `A teammate started deployment/${incident.target}: ${batchReplicas} pods asking for ${batchCpu} CPU each, more than the workers have free.`);
			return `${incident.target} took the CPU`;
		}
		case 'drain': {
			const node = w.cluster?.store.nodes.get(incident.target);
			if (!node) return '';
			patchObject(w, 'nodes', incident.target, n => {
				n.spec = {...n.spec, unschedulable: true};
			});
			for (const key of [...(w.cluster!.podsByNode.get(incident.target) ?? [])]) {
				const pod = w.cluster!.store.pods.get(key);
				if (!pod || pod.metadata.namespace === 'kube-system' || pod.metadata.deletionTimestamp) continue;
				deleteObject(w, 'pods', pod.metadata.namespace, pod.metadata.name);
			}
			note(w, 'NodeDrained', `node/${incident.target}`, `A teammate drained ${incident.target} for a kernel upgrade: its pods must find room elsewhere.`, incident.target);
			return `${incident.target} drained`;
		}
	}
}
