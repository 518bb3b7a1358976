// kubectl verbs that rewrite an existing object: set image, patch (strategic|merge|json), plus
// rollout status and top, which read the cluster.
import {notSimulated} from './unmodelled.ts';
import {parseDocument} from 'yaml';
import {parsedMaxDepth, yamlDepth} from './yaml-depth.ts';
import {getObject, replaceObject} from '../../../engine/k8s/api-server.ts';
import {recordUpdate, setManagedFields} from '../../../engine/k8s/field-managers.ts';
import {cloneData, now, timestampAt} from '../../../engine/k8s/metadata.ts';
import {resourceByKind} from '../../../engine/k8s/resources.ts';
import type {KubeObject, PodSpec} from '../../../engine/k8s/types.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag} from './args.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {sortKeys} from './get.ts';
import {parseTargets} from './resource-names.ts';
import {table} from './table.ts';
import {qualifiedPlural, typePrefix} from './resource-names.ts';
import {goYamlMessage} from './manifests.ts';
import {applyJsonPatch, mergePatch, strategicMergePatch} from './patches.ts';
import type {Deployment, DeploymentStatus, ReplicaSet} from '../../../engine/k8s/kinds.ts';
import {fieldsIn, isFields, type ObjectInput} from '../../../engine/k8s/object-input.ts';

/** TYPE NAME or TYPE/NAME naming exactly one existing object. */
function oneObject(k: Kctx, positional: string[]): {obj: KubeObject; prefix: string} | {error: string} {
	const targets = parseTargets(positional);
	if (typeof targets === 'string') return {error: targets};
	if (targets.length === 0) return {error: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"};
	const target = targets[0];
	const name = target?.names[0];
	if (!target || !name) return {error: 'error: resource(s) were provided, but no name was specified'};
	const ns = namespaceOf(k);
	const obj = k.ctx.world.cluster!.store[target.info.resource].get(target.info.namespaced ? `${ns}/${name}` : name);
	if (!obj) return {error: `Error from server (NotFound): ${qualifiedPlural(target.info)} "${name}" not found`};
	return {obj, prefix: `${typePrefix(target.info)}/${name}`};
}

/** The object as a client would send it back: spec and metadata, no status. */
function editable<T extends KubeObject>(obj: T): T {
	const copy = cloneData(obj);
	delete (copy as {status?: unknown}).status; // (what is sent back has none; the server keeps the stored one)
	return copy;
}

/** The pod spec a pod has, or a workload's template has; undefined for other kinds. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
	if (obj.kind === 'Pod') return obj.spec;
	if (obj.kind === 'ReplicationController' || obj.kind === 'ReplicaSet' || obj.kind === 'Deployment' || obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet' || obj.kind === 'Job') return obj.spec?.template?.spec;
	return undefined;
}

/** Sends the changed object; "<prefix> <verb>" or the server's error. */
function sendUpdate(k: Kctx, next: ObjectInput, prefix: string, verb: string, unchangedText: string | undefined, manager: string): CommandOutcome {
	let failure: string | undefined;
	let unchanged = false;
	const {world} = change(k.ctx.world, w => {
		const info = resourceByKind(next.kind);
		const before = info ? getObject(w.cluster!, info.resource, next.metadata.namespace, String(next.metadata.name)) : undefined;
		const snapshot = before ? cloneData(before) : undefined;
		const result = replaceObject(w, next);
		if (!result.ok) failure = serverError(result.error);
		else unchanged = !!result.unchanged;
		// The field manager kubectl names for the verb (kubectl-set, kubectl-patch, kubectl-rollout) now owns what it changed.
		if (result.ok && !result.unchanged) setManagedFields(result.object, recordUpdate(snapshot, result.object, manager, now(w)));
	});
	if (failure) return fail(failure);
	if (unchanged) return unchangedText === undefined ? {stdout: '', exitCode: 0} : {stdout: `${prefix} ${unchangedText}\n`, exitCode: 0};
	return {stdout: `${prefix} ${verb}\n`, exitCode: 0, world};
}

/** kubectl set image TYPE/NAME CONTAINER=IMAGE... (`*` for every container). */
export function kubectlSet(k: Kctx): CommandOutcome {
	const [what, ...rest] = k.args.positional;
	if (['env', 'resources', 'selector', 'serviceaccount', 'subject'].includes(what ?? '')) return fail(`${notSimulated(`kubectl set ${what}`)} (kubectl set image is)`);
	if (what !== 'image') return fail(what ? `error: unknown command "${what}" for "kubectl set"` : 'error: Required resource not specified.');
	const pairs = rest.filter(a => a.includes('='));
	const refs = rest.filter(a => !a.includes('='));
	if (pairs.length === 0) return fail('error: at least one image update is required');
	const found = oneObject(k, refs);
	if ('error' in found) return fail(found.error);
	const next = editable(found.obj);
	const spec = podSpecOf(next);
	if (!spec) return fail(`error: ${found.prefix} does not have a pod template`);
	for (const pair of pairs) {
		const [container, image] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
		const matching = spec.containers.filter(c => container === '*' || c.name === container);
		if (matching.length === 0) return fail(`error: unable to find container named "${container}"`);
		for (const c of matching) c.image = image;
	}
	return sendUpdate(k, next, found.prefix, 'image updated', undefined, 'kubectl-set');
}

/** kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]. */
export function kubectlPatch(k: Kctx): CommandOutcome {
	const text = flag(k.args, 'patch');
	if (text === undefined) return fail('error: must specify -p to patch');
	const type = flag(k.args, 'type') ?? 'strategic';
	if (!['strategic', 'merge', 'json'].includes(type)) return fail(`error: --type must be one of [json merge strategic], not "${type}"`);
	const found = oneObject(k, k.args.positional);
	if ('error' in found) return fail(found.error);
	// kubectl turns YAML or JSON into JSON before sending it.
	if (yamlDepth(text) > parsedMaxDepth) return fail(`error: unable to parse "${text.slice(0, 80)}...": [simulator] the patch nests deeper than ${parsedMaxDepth} levels, more than k8s-tutor reads`);
	const doc = parseDocument(text, {prettyErrors: false});
	const syntax = doc.errors[0];
	if (syntax) {
		const flowMap = /flow map|\}/i.test(syntax.message) && !/\]/.test(syntax.message);
		return fail(`error: unable to parse "${text}": yaml: ${flowMap ? "did not find expected ',' or '}'" : goYamlMessage(syntax.code, syntax.message)}`);
	}
	let patch: unknown;
	try {
		patch = doc.toJS();
	} catch {
		return fail(`error: unable to parse "${text.slice(0, 80)}": yaml: document contains excessive aliasing`);
	}
	const current = editable(found.obj);
	let next: unknown;
	if (type === 'json') {
		if (!Array.isArray(patch)) return fail('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch');
		const result = applyJsonPatch(current, patch);
		// The API server's answer to an operation that does not apply (the detail stays server-side).
		if ('error' in result) return fail('The request is invalid: the server rejected our request due to an error in our request');
		next = result.value;
	} else {
		if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return fail('Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}');
		next = type === 'merge' ? mergePatch(current, patch) : strategicMergePatch(current, patch);
	}
	if (!isFields(next) || fieldsIn(next, 'metadata')?.name !== found.obj.metadata.name || next.kind !== found.obj.kind) return fail(`The request is invalid: metadata.name and kind may not be changed by a patch`);
	return sendUpdate(k, next as ObjectInput, found.prefix, 'patched', 'patched (no change)', 'kubectl-patch'); // (kind and name checked; the API server validates the rest)
}

/**
 * kubectl edit would open $EDITOR on the live object and send it back on save. The screen's
 * `edit FILE` opens files of the learner's real disk only, so the hint points to that workflow.
 */
export function kubectlEditHint(k: Kctx): CommandOutcome {
	const found = oneObject(k, k.args.positional);
	if ('error' in found) return fail(found.error);
	return fail(`[simulator] kubectl edit is not simulated here. Change the manifest on your disk and apply it:\n  edit FILE.yaml\n  kubectl apply -f FILE.yaml\nor change fields in place: kubectl patch ${found.prefix} -p '{"spec":{...}}', kubectl set image, kubectl scale`);
}

/** kubectl top: this cluster has no metrics-server, as a fresh kubeadm cluster has none. */
export function kubectlTop(k: Kctx): CommandOutcome {
	const what = k.args.positional[0];
	if (!what || !['pod', 'pods', 'po', 'node', 'nodes', 'no'].includes(what)) {
		return fail(what ? `error: unknown command "${what}" for "kubectl top"` : 'error: Required resource not specified.');
	}
	return fail('error: Metrics API not available');
}

/** What `kubectl rollout status` prints for a deployment now, and whether it is done (kubectl's DeploymentStatusViewer). */
function deploymentStatus(d: Deployment): {line: string; done: boolean} {
	const name = d.metadata.name;
	const s: DeploymentStatus = d.status ?? {};
	const replicas = d.spec.replicas ?? 1;
	if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return {line: 'Waiting for deployment spec update to be observed...', done: false};
	const updated = s.updatedReplicas ?? 0;
	const total = s.replicas ?? 0;
	const available = s.availableReplicas ?? 0;
	if (updated < replicas) return {line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, done: false};
	if (total > updated) return {line: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`, done: false};
	if (available < updated) return {line: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`, done: false};
	return {line: `deployment "${name}" successfully rolled out`, done: true};
}

/** The deployment's ReplicaSets by revision, oldest first. */
function revisions(w: World, d: KubeObject): {revision: number; rs: ReplicaSet}[] {
	return [...w.cluster!.store.replicasets.values()]
		.filter(rs => rs.metadata.namespace === d.metadata.namespace && rs.metadata.ownerReferences?.some(r => r.uid === d.metadata.uid && r.controller))
		.map(rs => ({revision: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0), rs}))
		.filter(r => r.revision > 0)
		.sort((a, b) => a.revision - b.revision);
}

/** kubectl rollout history: "<prefix> " then a tabbed REVISION / CHANGE-CAUSE list (padding 2) and a blank line. */
function rolloutHistory(k: Kctx, d: KubeObject, prefix: string): CommandOutcome {
	const all = revisions(k.ctx.world, d);
	// One revision's pod template (--revision=N) is not printed here: only the list.
	if (flag(k.args, 'revision') !== undefined) return fail('error: kubectl rollout history --revision is not simulated here; kubectl get rs -o wide shows each revision\'s image');
	const rows = [['REVISION', 'CHANGE-CAUSE'], ...all.map(r => [String(r.revision), r.rs.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'])];
	return {stdout: `${prefix} \n${table(rows, 2)}\n`, exitCode: 0};
}

/** kubectl rollout undo: the template of the previous (or --to-revision) ReplicaSet goes back into the deployment. */
function rolloutUndo(k: Kctx, d: Deployment, prefix: string): CommandOutcome {
	const all = revisions(k.ctx.world, d);
	const toRevision = Number(flag(k.args, 'to-revision') ?? 0);
	if (all.length === 0 || (toRevision === 0 && all.length < 2)) return fail(`error: no rollout history found for deployment "${d.metadata.name}"`);
	const target = toRevision > 0 ? all.find(r => r.revision === toRevision) : all[all.length - 2];
	if (!target) return fail(`error: unable to find specified revision ${toRevision} in history`);
	const template = cloneData(target.rs.spec.template);
	delete template.metadata?.labels?.['pod-template-hash'];
	if (JSON.stringify(sortKeys(template)) === JSON.stringify(sortKeys(d.spec.template))) return {stdout: `${prefix} skipped rollback (current template already matches revision ${target.revision})\n`, exitCode: 0};
	const next = editable(d);
	next.spec.template = template;
	// The deployment takes the revision's change-cause (or loses its own), as the real rollback does.
	const cause = target.rs.metadata.annotations?.['kubernetes.io/change-cause'];
	const annotations: Record<string, string> = {...next.metadata.annotations};
	delete annotations['kubernetes.io/change-cause'];
	if (cause) annotations['kubernetes.io/change-cause'] = cause;
	next.metadata.annotations = annotations;
	return sendUpdate(k, next, prefix, 'rolled back', undefined, 'kubectl-rollout');
}

/**
 * kubectl rollout restart: stamps the pod template with kubectl.kubernetes.io/restartedAt, so the
 * controller rolls out new pods the ordinary way (a new ReplicaSet, old pods scaled down).
 */
function rolloutRestart(k: Kctx, obj: KubeObject, prefix: string): CommandOutcome {
	if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet' && obj.kind !== 'StatefulSet') return fail(`error: ${prefix} restarting is not supported`);
	const next = cloneData(obj);
	next.spec.template.metadata ??= {};
	next.spec.template.metadata.annotations = {...next.spec.template.metadata.annotations, 'kubectl.kubernetes.io/restartedAt': timestampAt(k.ctx.world.time)};
	return sendUpdate(k, next, prefix, 'restarted', undefined, 'kubectl-rollout');
}

/** kubectl rollout status|history|undo|restart deployment/NAME. */
export function kubectlRollout(k: Kctx): CommandOutcome {
	const [sub, ...refs] = k.args.positional;
	if (!sub || !['status', 'history', 'undo', 'restart'].includes(sub)) {
		if (['pause', 'resume'].includes(sub ?? '')) return fail(`${notSimulated(`kubectl rollout ${sub}`)} (status, history, undo and restart are)`);
		return fail(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : 'error: Required resource not specified.');
	}
	const found = oneObject(k, refs);
	if ('error' in found) return fail(found.error);
	if (sub === 'restart') return rolloutRestart(k, found.obj, found.prefix);
	if (found.obj.kind !== 'Deployment') return fail(sub === 'status' ? `error: no status viewer has been implemented for ${found.obj.kind}` : `error: no history viewer has been implemented for ${found.obj.kind}`);
	if (sub === 'history') return rolloutHistory(k, found.obj, found.prefix);
	if (sub === 'undo') return rolloutUndo(k, found.obj, found.prefix);
	return rolloutStatus(k, found.obj);
}

/** kubectl rollout status: watches (on the virtual clock) until the rollout completes or --timeout. */
function rolloutStatus(k: Kctx, deployment: Deployment): CommandOutcome {
	const found = {obj: deployment};
	const timeoutText = flag(k.args, 'timeout');
	const limitSeconds = timeoutText ? Number(timeoutText.replace(/s$/, '')) || 0 : 600;
	const key = `${found.obj.metadata.namespace}/${found.obj.metadata.name}`;
	let world: World = k.ctx.world;
	const lines: string[] = [];
	// kubectl prints the status at each watch event, that is each time the deployment changes, even when the line is the same.
	let seen: string | undefined;
	for (let waited = 0; ; waited++) {
		const d = world.cluster!.store.deployments.get(key);
		if (!d) return fail(`Error from server (NotFound): deployments.apps "${found.obj.metadata.name}" not found`, lines.join(''), world);
		const status = deploymentStatus(d);
		if (d.metadata.resourceVersion !== seen) lines.push(status.line + '\n');
		seen = d.metadata.resourceVersion;
		if (status.done) return {stdout: lines.join(''), exitCode: 0, world};
		if (waited >= limitSeconds) return fail('error: timed out waiting for the condition', lines.join(''), world);
		world = tick(world, 1000, k.ctx.runtime.programs);
	}
}
