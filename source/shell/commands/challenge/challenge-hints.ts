// `challenge hint`: advice about what is wrong right now, read from the world (not from a script),
// so it fits whichever incident the seed brought and whatever the learner already did.
import {powerOffLike} from './world-facts.ts';
import type {World} from '../../../engine/world.ts';
import type {ChallengeState} from '../../../engine/challenge/challenge-types.ts';

export function currentHint(w: World, ch: ChallengeState): string {
	const c = w.cluster!;
	const fired = ch.incidents.filter(i => i.fired);
	const deployment = c.store.deployments.get(`${ch.app.namespace}/${ch.app.deployment}`);
	const image = deployment?.spec?.template?.spec?.containers?.[0]?.image;
	if (image && image !== ch.app.image) {
		return `deployment/${ch.app.deployment} asks for the image "${image}", which does not exist: its new pods wait in ImagePullBackOff. Put the right image back: \`kubectl apply -f web.yaml\`.`;
	}
	const dead = fired.find(i => i.kind === 'node-failure' && powerOffLike(w, i.target));
	const stuckOnDead = dead ? [...(c.podsByNode.get(dead.target) ?? [])].map(k => c.store.pods.get(k)).filter(p => p && !p.metadata.deletionTimestamp && p.metadata.namespace === ch.app.namespace && p.metadata.labels?.app === ch.app.selector.app) : [];
	if (dead && stuckOnDead.length > 0) {
		return `${dead.target} is dead, but its pods still count as existing until they are evicted 5 minutes after the node went NotReady. Keep new pods off it (\`kubectl cordon ${dead.target}\`: for its first 40 seconds it still looks Ready), then tell Kubernetes its pods are gone: \`kubectl delete pod NAME --force --grace-period=0\` for each (\`--field-selector spec.nodeName=${dead.target}\` instead of NAME takes them all), and the ReplicaSet replaces them at once. (kubectl drain evicts them too, but then waits for a kubelet that never answers.)`;
	}
	const batch = fired.find(i => i.kind === 'overcommit');
	const batchObject = batch ? c.store.deployments.get(`${ch.app.namespace}/${batch.target}`) : undefined;
	const pending = [...c.store.pods.values()].filter(p => p.metadata.namespace === ch.app.namespace && p.metadata.labels?.app === ch.app.selector.app && !p.spec?.nodeName && !p.metadata.deletionTimestamp);
	if (batchObject && (batchObject.spec?.replicas ?? 0) > 0 && pending.length > 0) {
		return `web pods are Pending: \`kubectl describe pod\` says Insufficient cpu, because deployment/${batch!.target} asked for all the free CPU. The batch job can wait; your users cannot: \`kubectl scale deployment ${batch!.target} --replicas=0\`.`;
	}
	const cordoned = [...c.store.nodes.values()].find(n => n.spec?.unschedulable);
	if (pending.length > 0 && cordoned) {
		return `web pods are Pending and ${cordoned.metadata.name} is cordoned (SchedulingDisabled). If its maintenance can wait, \`kubectl uncordon ${cordoned.metadata.name}\` gives the scheduler its room back.`;
	}
	if (pending.length > 0) return `Some web pods are Pending: \`kubectl describe pod\` on one of them says why (look at the FailedScheduling event).`;
	if (ch.serving < ch.app.desired) return `Fewer than ${ch.app.desired} replicas serve right now. \`kubectl get pods -o wide\` and \`kubectl get nodes\` show where the trouble is.`;
	return `All ${ch.app.desired} replicas serve. Let time pass (\`sleep 30\`) and keep an eye on \`kubectl get pods -o wide\` and the events in the pane.`;
}
