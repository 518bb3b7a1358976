// What a quiet second of a cluster (every pod running, nothing due but heartbeats) costs in
// drafts: immer makes a proxy for every object read through a draft (and copies the draft Map
// on the first), so the per-tick loops read hosts from the tick's base state and draft only the
// hosts they change. On a 1,000-node cluster drafting every host each tick was ~0.7 MB of
// garbage a tick (issue 15's benchmark). No timing here: this counts drafts.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isDraft, produce} from 'immer';
import {advanceDockers} from '../../../source/engine/docker/advance-docker.ts';
import {advanceHosts} from '../../../source/engine/host/advance-hosts.ts';
import {advanceCluster} from '../../../source/engine/k8s/advance-cluster.ts';
import {msOf} from '../../../source/engine/k8s/metadata.ts';
import {createClusterWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../../source/engine/tick.ts';

/** How many of the Map's entries a recipe drafted (immer keeps them, as proxies, in the draft Map's copy). */
function draftedEntries(map: Map<string, unknown>): number {
	const state = (map as unknown as Record<symbol, {copy_?: Map<string, unknown>} | undefined>)[Symbol.for('immer-state')];
	// If immer stops keeping its state there, fail here instead of counting nothing.
	assert.ok(isDraft(map) && state, "immer's draft state is not where this count reads it");
	return state.copy_ ? [...state.copy_.values()].filter(value => isDraft(value)).length : 0;
}

test('the draft count sees a host read through a draft (so a count of 0 below means none was drafted)', () => {
	const world = createClusterWorld({workers: 2});
	let counted = -1;
	produce(world, w => {
		void w.hosts.get('worker-1')!.reachable;
		counted = draftedEntries(w.hosts);
	});
	assert.equal(counted, 1);
});

test('a quiet second of a cluster drafts no host, through every loop of the tick', () => {
	// Settled: the kube-proxy warm-up and every system pod are done; heartbeats still run each second.
	let world = tick(createClusterWorld({workers: 3}), 120_000);
	for (let second = 0; second < 12; second++) {
		let drafted = -1;
		const before = world;
		world = produce(world, w => {
			w.time += 1000;
			advanceHosts(w, 1000);
			advanceDockers(w, 1000);
			advanceCluster(w, 1000);
			drafted = draftedEntries(w.hosts);
		});
		assert.equal(drafted, 0, `second ${second}`);
		assert.equal(world.hosts, before.hosts, `second ${second}: the hosts changed`);
	}
	// The heartbeats did run: every node's Lease was renewed in those 12 seconds.
	const renewed = [...world.cluster!.store.leases.values()].filter(lease => lease.metadata.namespace === 'kube-node-lease' && msOf(String(lease.spec?.renewTime)) > world.time - 12_000);
	assert.equal(renewed.length, 4);
});
