// kubectl verbs that change objects: delete, scale, label, annotate, cordon, uncordon, drain, create.
import {recordUpdate, setManagedFields} from '../../../engine/k8s/field-managers.ts';
import {cloneData, now} from '../../../engine/k8s/metadata.ts';
import {deleteObject, listObjects, patchObject} from '../../../engine/k8s/api-server.ts';
import {recordObjectEvent} from '../../../engine/k8s/events.ts';
import {resourceInfo, storeKey, type ResourceInfo} from '../../../engine/k8s/resources.ts';
import {matchesRequirements, parseSelector} from '../../../engine/k8s/selectors.ts';
import {fieldSelection} from './field-selection.ts';
import {createGenerated} from './create-generators.ts';
import {createPolicyGenerated} from './create-policy-generators.ts';
import {kubectlCreateToken} from './create-token.ts';
import {evictPods, goDurationMs} from './drain-evictions.ts';
import type {OutputChunk} from '../../output-chunks.ts';
import {dryRunMode} from './dry-run.ts';
import type {KubeObject, Taint} from '../../../engine/k8s/types.ts';
import type {CommandOutcome} from '../../types.ts';
import {cascadePolicy} from './cascade.ts';
import {bool, flag, flagAll} from './args.ts';
import {applyManifests} from './apply.ts';
import {waitUntilGone} from './delete-wait.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {sortKeys, toYaml} from './get.ts';
import {parseTargets} from './resource-names.ts';
import {qualifiedPlural, typePrefix} from './resource-names.ts';
import {notSimulated, realSubcommands} from './unmodelled.ts';
import {kubectlCreateConfigMap, kubectlCreateSecret} from './create-config.ts';
import type {Fields, ObjectInput} from '../../../engine/k8s/object-input.ts';

export type Named = {info: ResourceInfo; obj: KubeObject};

/** The objects a verb acts on: TYPE NAME..., TYPE/NAME..., or TYPE -l SELECTOR / --all. */
export function selectObjects(k: Kctx, positional: string[], allowAll: boolean): {objects: Named[]; errors: string[]} | {error: string} {
	const targets = parseTargets(positional);
	if (typeof targets === 'string') return {error: targets};
	if (targets.length === 0) return {error: 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\''};
	const c = k.ctx.world.cluster!;
	const ns = namespaceOf(k);
	const selectorText = flag(k.args, 'l', 'selector');
	const all = bool(k.args, 'all');
	const fields = fieldSelection(k);
	if ('error' in fields) return {error: fields.error};
	if ((selectorText !== undefined || fields.given) && targets.some(t => t.names.length)) return {error: 'error: name cannot be provided when a selector is specified'};
	const objects: Named[] = [];
	const errors: string[] = [];
	for (const t of targets) {
		if (t.names.length) {
			for (const name of t.names) {
				const obj = c.store[t.info.resource].get(storeKey(t.info, ns, name));
				if (obj) objects.push({info: t.info, obj});
				else errors.push(`Error from server (NotFound): ${qualifiedPlural(t.info)} "${name}" not found`);
			}
		} else if (selectorText !== undefined || fields.given || (all && allowAll)) {
			const reqs = selectorText !== undefined ? parseSelector(selectorText) : [];
			if (!reqs) return {error: `error: unable to parse requirement: found '${selectorText}'`};
			const refused = fields.refusal(t.info.resource);
			if (refused) return {error: refused};
			for (const obj of listObjects(c, t.info.resource, t.info.namespaced ? ns : undefined)) if (matchesRequirements(obj.metadata.labels, reqs) && fields.matches(obj)) objects.push({info: t.info, obj});
		} else return {error: 'error: resource(s) were provided, but no name was specified'};
	}
	return {objects, errors};
}

/** How kubectl turns --now, --grace-period and --force into the grace period it sends (undefined: the object's own). */
function deleteGracePeriod(k: Kctx): {grace?: number; error?: string} {
	const text = flag(k.args, 'grace-period');
	const now = bool(k.args, 'now');
	const force = bool(k.args, 'force');
	if (now && text !== undefined) return {error: 'error: --now and --grace-period cannot be specified together'};
	let grace = now ? 1 : text !== undefined ? Number(text) : -1;
	if (!Number.isInteger(grace)) return {error: `error: invalid argument "${text}" for "--grace-period" flag: strconv.ParseInt: parsing "${text}": invalid syntax`};
	// kubectl's own rule: --grace-period=0 without --force becomes 1; --force without a period becomes 0.
	if (grace === 0 && !force) grace = 1;
	if (force && grace < 0) grace = 0;
	return {grace: grace < 0 ? undefined : grace};
}

export function kubectlDelete(k: Kctx): CommandOutcome {
	if (flagAll(k.args, 'f', 'filename').length) return applyManifests(k, 'delete');
	const selected = selectObjects(k, k.args.positional, true);
	if ('error' in selected) return fail(selected.error);
	const period = deleteGracePeriod(k);
	if (period.error) return fail(period.error);
	const grace = period.grace;
	const immediate = grace === 0;
	const cascade = cascadePolicy(k);
	if (cascade.error) return fail(cascade.error);
	const ns = namespaceOf(k);
	const lines: string[] = [];
	const gone: Named[] = [];
	let {world} = change(k.ctx.world, w => {
		for (const named of selected.objects) {
			const {info, obj} = named;
			const result = deleteObject(w, info.resource, info.namespaced ? ns : undefined, obj.metadata.name, {force: immediate, gracePeriodSeconds: grace, propagationPolicy: cascade.policy});
			if (!result.ok) continue;
			lines.push(`${typePrefix(info)} "${obj.metadata.name}" ${immediate ? 'force deleted' : 'deleted'}`);
			gone.push(named);
		}
	});
	// Like kubectl (--wait=true by default), return once the objects are really gone.
	world = waitUntilGone(k, world, gone.map(({info, obj}) => ({info, namespace: info.namespaced ? ns : undefined, obj})), grace);
	const warn = (cascade.warning ?? '') + (immediate ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' : '');
	if (selected.objects.length === 0 && selected.errors.length === 0) return {stdout: '', stderr: `No resources found\n`, exitCode: 0};
	const stdout = lines.join('\n') + (lines.length ? '\n' : '');
	const errors = selected.errors.map(e => e + '\n').join('');
	// kubectl warns before it deletes, and reports a missing object after: the terminal shows them in that order.
	const chunks = [{stream: 'stderr' as const, text: warn}, {stream: 'stdout' as const, text: stdout}, {stream: 'stderr' as const, text: errors}].filter(c => c.text);
	return {stdout, stderr: warn + errors, exitCode: selected.errors.length ? 1 : 0, world: lines.length ? world : undefined, chunks};
}

export function kubectlScale(k: Kctx): CommandOutcome {
	const replicas = flag(k.args, 'replicas');
	if (replicas === undefined) return fail('error: required flag(s) "replicas" not set');
	const n = Number(replicas);
	if (!Number.isInteger(n) || n < 0) return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
	const selected = selectObjects(k, k.args.positional, false);
	if ('error' in selected) return fail(selected.error);
	const lines: string[] = [];
	const {world} = change(k.ctx.world, w => {
		for (const {info, obj} of selected.objects) {
			if (!['replicationcontrollers', 'replicasets', 'deployments', 'statefulsets'].includes(info.resource)) {
				// Only these kinds have a scale subresource.
				selected.errors.push('Error from server (NotFound): the server could not find the requested resource');
				continue;
			}
			// kubectl scale PATCHes the scale subresource; the server names the manager from the user agent ("kubectl").
			patchObject(w, info.resource, storeKey(info, obj.metadata.namespace, obj.metadata.name), o => {
				const before = cloneData(o);
				if (o.kind === 'ReplicationController' || o.kind === 'ReplicaSet' || o.kind === 'Deployment' || o.kind === 'StatefulSet') o.spec.replicas = n; // (the kinds checked above)
				setManagedFields(o, recordUpdate(before, o, 'kubectl', now(w), 'scale'));
			});
			lines.push(`${typePrefix(info)}/${obj.metadata.name} scaled`);
		}
	});
	return {stdout: lines.map(l => l + '\n').join(''), stderr: selected.errors.map(e => e + '\n').join(''), exitCode: selected.errors.length ? 1 : 0, world};
}

/** kubectl label / annotate: key=value adds, key- removes, --overwrite to change. */
export function kubectlLabel(k: Kctx, field: 'labels' | 'annotations'): CommandOutcome {
	const positional = k.args.positional;
	const changes = positional.filter(p => /^[^=/]+(\/[^=]+)?=.*$/.test(p) || /^[A-Za-z0-9./_-]+-$/.test(p));
	const resources = positional.filter(p => !changes.includes(p));
	if (changes.length === 0) return fail(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
	const selected = selectObjects(k, resources, true);
	if ('error' in selected) return fail(selected.error);
	const overwrite = bool(k.args, 'overwrite');
	const lines: string[] = [];
	const errors = [...selected.errors];
	const verb = field === 'labels' ? 'labeled' : 'annotated';
	const {world} = change(k.ctx.world, w => {
		for (const {info, obj} of selected.objects) {
			const current = obj.metadata[field] ?? {};
			let conflict: string | undefined;
			let same = true;
			for (const ch of changes) {
				if (ch.endsWith('-') && !ch.includes('=')) {
					if (ch.slice(0, -1) in current) same = false;
					continue;
				}
				const [key, value] = [ch.slice(0, ch.indexOf('=')), ch.slice(ch.indexOf('=') + 1)];
				if (key in current && current[key] !== value && !overwrite) conflict = key;
				if (current[key] !== value) same = false;
			}
			if (conflict) {
				errors.push(`error: '${conflict}' already has a value (${current[conflict]}), and --overwrite is false`);
				continue;
			}
			patchObject(w, info.resource, storeKey(info, obj.metadata.namespace, obj.metadata.name), o => {
				const next = {...o.metadata[field]};
				for (const ch of changes) {
					if (ch.endsWith('-') && !ch.includes('=')) delete next[ch.slice(0, -1)];
					else next[ch.slice(0, ch.indexOf('='))] = ch.slice(ch.indexOf('=') + 1);
				}
				if (Object.keys(next).length) o.metadata[field] = next;
				else delete o.metadata[field];
			});
			lines.push(`${typePrefix(info)}/${obj.metadata.name} ${same ? `not ${verb}` : verb}`);
		}
	});
	return {stdout: lines.map(l => l + '\n').join(''), stderr: errors.map(e => e + '\n').join(''), exitCode: errors.length ? 1 : 0, world};
}

export function kubectlCordon(k: Kctx, unschedulable: boolean): CommandOutcome {
	const name = k.args.positional[0];
	if (!name) return fail(`error: USAGE: ${unschedulable ? 'cordon' : 'uncordon'} NODE [flags]`);
	const node = k.ctx.world.cluster!.store.nodes.get(name);
	if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
	if (!!node.spec?.unschedulable === unschedulable) return {stdout: `node/${name} already ${unschedulable ? 'cordoned' : 'uncordoned'}\n`, exitCode: 0};
	const {world} = change(k.ctx.world, w => {
		patchObject(w, 'nodes', name, o => {
			if (unschedulable) {
				o.spec.unschedulable = true;
				o.spec.taints = [...(o.spec.taints ?? []), {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: new Date(0).toISOString()}];
			} else {
				delete o.spec.unschedulable;
				o.spec.taints = ((o.spec.taints ?? []) as Taint[]).filter(t => t.key !== 'node.kubernetes.io/unschedulable');
				if (o.spec.taints.length === 0) delete o.spec.taints;
			}
		});
		// The node's kubelet reports the change as an event, as on a real node.
		const reason = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
		recordObjectEvent(w, w.cluster!.store.nodes.get(name)!, 'Normal', `kubelet/${name}`, reason, `Node ${name} status is now: ${reason}`, name);
	});
	return {stdout: `node/${name} ${unschedulable ? 'cordoned' : 'uncordoned'}\n`, exitCode: 0, world};
}

export function kubectlDrain(k: Kctx): CommandOutcome {
	const name = k.args.positional[0];
	if (!name) return fail('error: USAGE: drain NODE [flags]');
	const c = k.ctx.world.cluster!;
	if (!c.store.nodes.has(name)) return fail(`Error from server (NotFound): nodes "${name}" not found`);
	const pods = [...(c.podsByNode.get(name) ?? [])].map(key => c.store.pods.get(key)!).filter(Boolean);
	const daemonSet = pods.filter(p => p.metadata.ownerReferences?.some(r => r.kind === 'DaemonSet'));
	const mirror = pods.filter(p => p.metadata.annotations?.['kubernetes.io/config.mirror']);
	const bare = pods.filter(p => !p.metadata.ownerReferences?.length);
	const ignoreDs = bool(k.args, 'ignore-daemonsets');
	const force = bool(k.args, 'force');
	const cordoned = kubectlCordon(k, true);
	let out = cordoned.stdout;
	const problems: string[] = [];
	if (daemonSet.length && !ignoreDs) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSet.map(p => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
	// kubectl 1.32 words it so: its filter's message already starts with "cannot delete", and the list adds another.
	if (bare.length && !force) problems.push(`cannot delete cannot delete Pods that declare no controller (use --force to override): ${bare.map(p => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
	// An aggregate of the errors ([a, b] for several; kubectl's order is Go's map order), each then printed alone without "error: ".
	const aggregate = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
	if (problems.length) return {stdout: out, stderr: `error: unable to drain node "${name}" due to error: ${aggregate}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}\n`, exitCode: 1, world: cordoned.world};
	const evict = pods.filter(p => !daemonSet.includes(p) && !mirror.includes(p));
	// kubectl prints its warnings on stderr.
	const warning = daemonSet.length ? `Warning: ignoring DaemonSet-managed Pods: ${daemonSet.map(p => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}\n` : '';
	const timeout = flag(k.args, 'timeout');
	const timeoutMs = timeout ? goDurationMs(timeout) : undefined;
	if (typeof timeoutMs === 'string') return fail(timeoutMs);
	const chunks: OutputChunk[] = [{stream: 'stdout', text: out}, ...(warning ? [{stream: 'stderr' as const, text: warning}] : [])];
	const evicted = evictPods(cordoned.world ?? k.ctx.world, evict, timeoutMs, chunks, k.ctx.runtime.programs);
	// drain waits until each evicted pod is gone (its grace period, in virtual time). On a node
	// that is down they never go: the real kubectl waits on (no --timeout by default).
	const podInfo = resourceInfo('pods');
	const failed = evicted.failed.map(f => f.pod);
	const sent = evict.filter(p => !evicted.left.includes(p) && !failed.includes(p));
	const world = waitUntilGone(k, evicted.world, sent.map(obj => ({info: podInfo, namespace: obj.metadata.namespace, obj})));
	const lingering = sent.filter(p => world.cluster?.store.pods.get(storeKey(podInfo, p.metadata.namespace, p.metadata.name))?.metadata.uid === p.metadata.uid);
	const evictedLines = sent.filter(p => !lingering.includes(p)).map(p => `pod/${p.metadata.name} evicted\n`).join('');
	if (evictedLines) chunks.push({stream: 'stdout', text: evictedLines});
	const text = (stream: OutputChunk['stream']) => chunks.filter(c => c.stream === stream).map(c => c.text).join('');
	if (lingering.length > 0) {
		const names = lingering.map(p => p.metadata.name).join(', ');
		chunks.push({stream: 'stderr', text: `[simulator] kubectl drain waits until the evicted pods are gone, and ${names} on ${name} never go while its kubelet is down: a real drain keeps waiting (until --timeout, or Ctrl-C). Their controllers have already started replacements; kubectl delete pod NAME --force --grace-period=0 removes them at once.\n`});
		return {stdout: text('stdout'), stderr: text('stderr'), chunks, exitCode: 1, world};
	}
	if (failed.length || (evicted.left.length && !evicted.bounded)) {
		// drain.go: one error per pod that failed or was left when --timeout ran out, aggregated ([a, b] for several);
		// the real kubectl 1.32 prints the fatal error last without an "error: " prefix (seen through the API endpoint).
		const timedOut = evicted.bounded ? [] : evicted.left.map(p => `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": global timeout reached: ${timeout}`);
		const errors = [...evicted.failed.map(f => f.message), ...timedOut];
		const aggregate = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
		// drain's deleteOrEvictPodsSimple lists the pods still on the node before the error.
		const stillThere = [...failed, ...evicted.left].filter(p => world.cluster?.store.pods.get(`${p.metadata.namespace}/${p.metadata.name}`)?.metadata.uid === p.metadata.uid);
		const pendingPods = stillThere.length ? `There are pending pods in node "${name}" when an error occurred: ${aggregate}\n${stillThere.map(p => `pod/${p.metadata.name}\n`).join('')}` : '';
		chunks.push({stream: 'stderr', text: `${pendingPods}error: unable to drain node "${name}" due to error: ${aggregate}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${errors.map(e => `${e}\n`).join('')}`});
	} else if (!evicted.left.length) chunks.push({stream: 'stdout', text: `node/${name} drained\n`});
	return {stdout: text('stdout'), stderr: text('stderr'), chunks, exitCode: evicted.left.length || failed.length ? 1 : 0, world};
}

/** --dry-run=client|server: the mode, or undefined when the command should really act. */
/**
 * What a dry run prints: the object kubectl would send (with -o yaml|json, the classic way to
 * write a manifest: `kubectl create deployment web --image=nginx --dry-run=client -o yaml`), or
 * the usual line marked "(dry run)".
 */
export function dryRunOutput(k: Kctx, obj: ObjectInput, line: string): CommandOutcome {
	const output = flag(k.args, 'o', 'output');
	if (output === 'yaml' || output === 'json') {
		// Client-side: no server fields, and the namespace only when one was asked for.
		const {namespace, ...meta} = obj.metadata;
		const metadata = {...meta, creationTimestamp: null, ...(flag(k.args, 'n', 'namespace') ? {namespace} : {})};
		const sent: Fields = {...obj, metadata, status: obj.kind === 'Service' ? {loadBalancer: {}} : {}};
		if (sent.kind === 'Namespace') sent.spec = {};
		return {stdout: output === 'yaml' ? toYaml(sent) : JSON.stringify(sortKeys(sent), null, 4) + '\n', exitCode: 0};
	}
	return {stdout: `${line} (${dryRunMode(k) === 'server' ? 'server ' : ''}dry run)\n`, exitCode: 0};
}

export function kubectlCreate(k: Kctx): CommandOutcome {
	if (flagAll(k.args, 'f', 'filename').length) return applyManifests(k, 'create');
	const [what] = k.args.positional;
	if (what === 'configmap' || what === 'cm') return kubectlCreateConfigMap(k);
	if (what === 'secret') return kubectlCreateSecret(k);
	if (!what) return fail('error: must specify one of -f and -k');
	if (what === 'token') return kubectlCreateToken(k);
	const generated = createGenerated(k, what) ?? createPolicyGenerated(k, what);
	if (generated) return generated;
	if (realSubcommands.create!.includes(what) || what === 'svc') return fail(notSimulated(`kubectl create ${what === 'svc' ? 'service' : what}${['service', 'svc'].includes(what) && k.args.positional[1] ? ` ${k.args.positional[1]}` : ''}`));
	return fail(`error: unknown command "${what}" for "kubectl create"\n\nDid you mean this?\n\tnamespace\n\tdeployment`);
}
