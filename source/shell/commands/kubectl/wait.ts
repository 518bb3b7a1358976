// kubectl wait --for=condition=NAME[=VALUE] | --for=jsonpath='{EXPR}'[=VALUE] | --for=delete:
// waits on the virtual clock, object by object as kubectl does, until each meets the condition or
// --timeout (30 s by default) runs out; prints "<type>/<name> condition met" for each as it is met.
import {storeKey} from '../../../engine/k8s/resources.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import {statusOf} from '../../../engine/k8s/typed-store.ts';
import {isFields} from '../../../engine/k8s/object-input.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {selectObjects, type Named} from './actions.ts';
import {flag} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {evaluatePath} from './jsonpath.ts';
import {qualifiedPlural, typePrefix} from './resource-names.ts';

type Condition = {kind: 'delete'} | {kind: 'condition'; name: string; value: string} | {kind: 'jsonpath'; path: string; value?: string};

function parseCondition(text: string): Condition | string {
	if (text.toLowerCase() === 'delete') return {kind: 'delete'};
	if (text.startsWith('condition=')) {
		const rest = text.slice('condition='.length);
		const equals = rest.indexOf('=');
		return equals < 0 ? {kind: 'condition', name: rest, value: 'true'} : {kind: 'condition', name: rest.slice(0, equals), value: rest.slice(equals + 1)};
	}
	if (text.startsWith('jsonpath=')) {
		const match = /^jsonpath=(\{[^}]*\}|[^=]+)(?:=(.*))?$/.exec(text);
		if (!match) return "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
		const path = match[1]!.replace(/^\{|\}$/g, '');
		if (!path) return 'error: jsonpath expression cannot be empty';
		return {kind: 'jsonpath', path: path.startsWith('.') ? path : `.${path}`, value: match[2]};
	}
	return `error: unrecognized condition: "${text}"`;
}

/** kubectl's --timeout: a Go duration (30s, 2m, 1h30m); 0 checks once; negative waits a week. */
function timeoutMs(text: string | undefined): number | string {
	if (text === undefined) return 30_000;
	if (/^-/.test(text)) return 7 * 24 * 3600_000;
	if (/^\d+$/.test(text) && Number(text) === 0) return 0;
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
	if (!parts.length || parts.map(p => p[0]).join('') !== text) return `error: invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`;
	const unit = {ms: 1, s: 1000, m: 60_000, h: 3600_000} as const;
	return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

function met(condition: Condition, current: KubeObject | undefined, uid: string | undefined): boolean {
	if (condition.kind === 'delete') return !current || current.metadata.uid !== uid;
	if (!current) return false;
	if (condition.kind === 'condition') {
		const status = statusOf(current);
		// A stored object's conditions, as its controller wrote them: {type, status, ...}.
		const conditions = isFields(status) && Array.isArray(status.conditions) ? (status.conditions as {type?: string; status?: unknown}[]) : [];
		const found = conditions.find(c => c.type?.toLowerCase() === condition.name.toLowerCase());
		return !!found && String(found.status).toLowerCase() === condition.value.toLowerCase();
	}
	const values = evaluatePath(current, condition.path);
	if ('error' in values || values.length === 0 || values[0] === undefined) return false;
	if (condition.value === undefined) return true;
	return values.some(v => (typeof v === 'object' ? JSON.stringify(v) : String(v)) === condition.value);
}

export function kubectlWait(k: Kctx): CommandOutcome {
	const condition = parseCondition(flag(k.args, 'for') ?? '');
	if (typeof condition === 'string') return fail(condition);
	const limit = timeoutMs(flag(k.args, 'timeout'));
	if (typeof limit === 'string') return fail(limit);
	const selected = selectObjects(k, k.args.positional, true);
	if ('error' in selected) return fail(selected.error);
	if (selected.objects.length === 0 && selected.errors.length === 0) return fail('error: no matching resources found');
	const ns = namespaceOf(k);
	let world: World = k.ctx.world;
	const start = world.time;
	const lines: string[] = [];
	const lookup = ({info, obj}: Named) => world.cluster?.store[info.resource].get(storeKey(info, info.namespaced ? (obj.metadata.namespace ?? ns) : undefined, obj.metadata.name));
	for (const named of selected.objects) {
		while (!met(condition, lookup(named), named.obj.metadata.uid) && world.time - start < limit) world = tick(world, Math.min(1000, limit - (world.time - start)), k.ctx.runtime.programs);
		if (!met(condition, lookup(named), named.obj.metadata.uid)) {
			return {stdout: lines.join(''), stderr: [...selected.errors, `error: timed out waiting for the condition on ${qualifiedPlural(named.info)}/${named.obj.metadata.name}`].join('\n') + '\n', exitCode: 1, world};
		}
		lines.push(`${typePrefix(named.info)}/${named.obj.metadata.name} condition met\n`);
	}
	return {stdout: lines.join(''), stderr: selected.errors.map(e => e + '\n').join(''), exitCode: selected.errors.length ? 1 : 0, world};
}
