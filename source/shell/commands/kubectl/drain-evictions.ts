// kubectl drain's evictions: each pod through the eviction API, which refuses (429) while a
// PodDisruptionBudget covering it allows no disruption; kubectl says so and retries every 5 s
// (virtual time passes: the replacement pods start elsewhere and the budget frees up), until
// --timeout (kubectl's default waits for ever; here 60 s of virtual time, said in a [simulator] line).
import {produce} from 'immer';
import {evictPod} from '../../../engine/k8s/eviction.ts';
import type {ExternalProgramRunner} from '../../../engine/script/external-programs.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {OutputChunk} from '../../output-chunks.ts';
import type {Pod} from '../../../engine/k8s/kinds.ts';

const retryMs = 5_000;
const boundMs = 60_000;

/**
 * Evicts the pods in turn, retrying refused ones; what kubectl prints goes to `chunks` in order.
 * `failed`: pods whose eviction answered another error (two budgets on one pod: 500), with kubectl's message.
 */
export function evictPods(world: World, pods: Pod[], timeoutMs: number | undefined, chunks: OutputChunk[], programs: ExternalProgramRunner): {world: World; left: Pod[]; bounded: boolean; failed: {pod: Pod; message: string}[]} {
	const out = (text: string) => chunks.push({stream: 'stdout', text});
	const err = (text: string) => chunks.push({stream: 'stderr', text});
	let pending = pods;
	let waited = 0;
	const failed: {pod: Pod; message: string}[] = [];
	const limit = timeoutMs && timeoutMs > 0 ? timeoutMs : boundMs;
	for (;;) {
		const blocked: Pod[] = [];
		world = produce(world, w => {
			for (const p of pending) {
				const current = w.cluster!.store.pods.get(`${p.metadata.namespace}/${p.metadata.name}`);
				if (!current || current.metadata.uid !== p.metadata.uid) continue;
				out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
				const evicted = evictPod(w, p.metadata.namespace!, p.metadata.name);
				if (!evicted.ok && evicted.error.code === 429) {
					err(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${evicted.error.message}\n`);
					blocked.push(p);
				} else if (!evicted.ok && evicted.error.code !== 404) failed.push({pod: p, message: `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": ${evicted.error.message}`});
			}
		});
		pending = blocked;
		if (pending.length === 0 || (!(timeoutMs && timeoutMs > 0) && waited + retryMs > limit)) break;
		world = tick(world, retryMs, programs);
		waited += retryMs;
		// After its 5 s sleep each pod's goroutine says "evicting pod" again, then finds --timeout passed.
		if (timeoutMs && timeoutMs > 0 && waited >= limit) {
			for (const p of pending) out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
			break;
		}
	}
	if (pending.length && !(timeoutMs && timeoutMs > 0)) err(`[simulator] kubectl drain would keep retrying until the budget allows; the simulation stopped after ${boundMs / 1000} s of virtual time\n`);
	return {world, left: pending, bounded: pending.length > 0 && !(timeoutMs && timeoutMs > 0), failed};
}

/** drain's --timeout, a Go duration (0 waits for ever), or kubectl's flag error. */
export function goDurationMs(text: string): number | string {
	if (/^[+-]?0$/.test(text)) return 0;
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
	if (!parts.length || parts.map(p => p[0]).join('') !== text) return `error: invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"\nSee 'kubectl drain --help' for usage.`;
	const unit = {ms: 1, s: 1000, m: 60_000, h: 3600_000} as const;
	return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}
