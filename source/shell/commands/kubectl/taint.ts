// kubectl taint nodes NODE key[=value]:Effect ... | key[:Effect]- (kubectl's taint command and
// its ReorganizeTaints): the scheduler keeps untolerating pods off NoSchedule/NoExecute nodes and the
// taint eviction controller evicts running pods that do not tolerate a NoExecute taint.
import {patchObject} from '../../../engine/k8s/api-server.ts';
import {now} from '../../../engine/k8s/metadata.ts';
import {storeKey} from '../../../engine/k8s/resources.ts';
import type {Taint} from '../../../engine/k8s/types.ts';
import type {CommandOutcome} from '../../types.ts';
import {selectObjects} from './actions.ts';
import {bool} from './args.ts';
import {change, fail, type Kctx} from './context.ts';

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof effects)[number];
type Removal = {key: string; effect?: Effect};

function parseSpecs(specs: string[]): {add: Taint[]; remove: Removal[]} | string {
	const add: Taint[] = [];
	const remove: Removal[] = [];
	for (const spec of specs) {
		if (spec.endsWith('-')) {
			const [key, effect] = spec.slice(0, -1).split(':') as [string, string | undefined];
			if (effect !== undefined && !effects.includes(effect as Effect)) return `error: invalid taint spec: ${spec}, unsupported taint effect`;
			remove.push({key, effect: effect as Effect | undefined});
			continue;
		}
		const match = /^([^=:]+)(?:=([^:]*))?:(.*)$/.exec(spec);
		if (!match) return `error: invalid taint spec: ${spec}`;
		if (!effects.includes(match[3] as Effect)) return `error: invalid taint spec: ${spec}, unsupported taint effect`;
		add.push({key: match[1]!, ...(match[2] ? {value: match[2]} : {}), effect: match[3] as Effect});
	}
	return {add, remove};
}

const taintText = (t: {key: string; value?: string; effect?: string}) => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

export function kubectlTaint(k: Kctx): CommandOutcome {
	const positional = k.args.positional;
	const isSpec = (word: string) => word.includes(':') || word.includes('=') || word.endsWith('-');
	const first = positional.findIndex((word, i) => i > 0 && isSpec(word));
	const specs = first < 0 ? [] : positional.slice(first);
	const targets = first < 0 ? positional : positional.slice(0, first);
	if (specs.length === 0) return fail("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
	if (targets[0] && !/^(nodes?|no)(\/|$)/.test(targets[0])) return fail(`error: invalid resource type ${targets[0].split('/')[0]}, only node types are supported`);
	const parsed = parseSpecs(specs);
	if (typeof parsed === 'string') return fail(parsed);
	const selected = selectObjects(k, targets, true);
	if ('error' in selected) return fail(selected.error);
	const overwrite = bool(k.args, 'overwrite');
	const lines: string[] = [];
	const errors = [...selected.errors];
	const {world} = change(k.ctx.world, w => {
		for (const {info, obj} of selected.objects) {
			const current: Taint[] = obj.kind === 'Node' ? (obj.spec?.taints ?? []) : [];
			const clashes = parsed.add.filter(t => current.some(c => c.key === t.key && c.effect === t.effect));
			if (clashes.length && !overwrite) {
				errors.push(`error: node ${obj.metadata.name} already has ${clashes.map(t => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`);
				continue;
			}
			const missing = parsed.remove.filter(r => !current.some(c => c.key === r.key && (!r.effect || c.effect === r.effect)));
			if (missing.length) {
				errors.push(`error: ${missing.map(r => `taint "${taintText(r)}" not found`).join(', ')}`);
				continue;
			}
			const kept = current.filter(c => !parsed.remove.some(r => r.key === c.key && (!r.effect || r.effect === c.effect)) && !parsed.add.some(t => t.key === c.key && t.effect === c.effect));
			const added = parsed.add.map(t => (t.effect === 'NoExecute' ? {...t, timeAdded: now(w)} : t));
			patchObject(w, 'nodes', storeKey(info, undefined, obj.metadata.name), node => {
				node.spec.taints = [...kept, ...added];
				if (node.spec.taints.length === 0) delete node.spec.taints;
			});
			const operation = parsed.add.length && parsed.remove.length ? 'modified' : parsed.add.length ? 'tainted' : 'untainted';
			lines.push(`node/${obj.metadata.name} ${operation}\n`);
		}
	});
	return {stdout: lines.join(''), stderr: errors.map(e => e + '\n').join(''), exitCode: errors.length ? 1 : 0, world: lines.length ? world : undefined};
}
