// kubectl events (kubectl 1.26+): the cluster's events oldest first, OBJECT as Kind/name, repeats
// folded as "2m (x3 over 5m)"; --for KIND/NAME, --types Normal,Warning, -A.
import {resourceInfos} from '../../../engine/k8s/resources.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag} from './args.ts';
import {allNamespaces, fail, namespaceOf, type Kctx} from './context.ts';
import {aggregateEvents} from './describe.ts';
import {findResource} from './resource-names.ts';
import {humanDuration, table} from './table.ts';
import {notSimulated} from './unmodelled.ts';

function kindOf(singular: string): string {
	return resourceInfos.find(info => info.singular === singular)?.kind ?? singular;
}

export function kubectlEvents(k: Kctx): CommandOutcome {
	if (flag(k.args, 'w', 'watch') === 'true') return fail(notSimulated('kubectl events --watch'));
	const w = k.ctx.world;
	const all = allNamespaces(k);
	const ns = namespaceOf(k);
	const types = (flag(k.args, 'types') ?? '').split(',').map(t => t.trim()).filter(Boolean);
	const allowed = types.map(t => ['Normal', 'Warning'].find(known => known.toLowerCase() === t.toLowerCase()));
	if (allowed.includes(undefined)) return fail(`error: valid --types are Normal or Warning`);
	let only: {singular: string; name: string} | undefined;
	const forText = flag(k.args, 'for');
	if (forText !== undefined) {
		const [type, name] = forText.split('/');
		const info = name ? findResource(type!) : undefined;
		if (!info || !name) return fail(`error: --for must be in resource/name form`);
		only = {singular: info.singular, name};
	}
	const rows = aggregateEvents(w.events)
		.map(e => ({e, parts: e.object.split('/') as [string, string, string]}))
		.filter(({parts: [singular, evNs]}) => resourceInfos.some(info => info.singular === singular) && (all || (evNs || 'default') === ns))
		.filter(({e, parts: [singular, , name]}) => (!only || (only.singular === singular && only.name === name)) && (allowed.length === 0 || allowed.includes(e.type)))
		.map(({e, parts: [singular, evNs, name]}) => {
			const seen = humanDuration(w.time - e.last) + (e.count > 1 ? ` (x${e.count} over ${humanDuration(w.time - e.first)})` : '');
			return [...(all ? [evNs || 'default'] : []), seen, e.type, e.reason, `${kindOf(singular)}/${name}`, e.message];
		});
	if (rows.length === 0) return {stdout: '', stderr: all ? 'No events found.\n' : `No events found in ${ns} namespace.\n`, exitCode: 0};
	const header = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
	return {stdout: table(flag(k.args, 'no-headers') === 'true' ? rows : [header, ...rows]), exitCode: 0};
}
