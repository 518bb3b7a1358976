// Replays the requests the real kubectl 1.32 sent for a second fixed script (recorded once against
// this endpoint, fixtures/kubectl-1.32-requests-drain-token-ssa.json; protobuf bodies are kept as
// the JSON the endpoint decoded them to): create pdb, drain refused by the budget (429) and cut by
// --timeout, drain after the budget is gone (eviction, then polling until the pod is gone),
// uncordon, create token, apply --server-side, scale, the 409 conflict, --force-conflicts, auth
// can-i. Runs everywhere, with or without a kubectl on PATH.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import {handleRequest} from '../../source/api/handle-request.ts';

type Recorded = {command: string; method: string; url: string; headers: Record<string, string>; body?: string; status: number};

const recorded: Recorded[] = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/kubectl-1.32-requests-drain-token-ssa.json'), 'utf8'));

function answer(world: World, r: Recorded) {
	const url = new URL(r.url, 'https://127.0.0.1');
	return handleRequest({method: r.method, path: url.pathname, query: url.searchParams, headers: {...r.headers}, body: r.body}, world);
}

test('drain, create token and server-side apply requests of a real kubectl 1.32 get the answers they got', () => {
	let world = tick(createSandboxWorld({seed: 7}), 60_000);
	const statuses: string[] = [];
	for (let i = 0; i < recorded.length; i++) {
		const r = recorded[i]!;
		if (i === 0 || recorded[i - 1]!.command !== r.command) world = tick(world, 40_000); // the pause between commands (pods start)
		// kubectl drain polls the evicted pod each second until it is gone: one poll here, the clock running until its last answer.
		if (r.method === 'GET' && recorded[i + 1]?.url === r.url && recorded[i + 1]?.command === r.command) continue;
		let handled = answer(world, r);
		for (let s = 0; s < 120 && handled.response.status !== r.status && r.method === 'GET' && recorded[i - 1]?.url === r.url; s++) {
			world = tick(world, 1000);
			handled = answer(world, r);
		}
		assert.equal(handled.response.status, r.status, `${r.command}: ${r.method} ${r.url} answered ${JSON.stringify(handled.response.body).slice(0, 300)}`);
		if (handled.world) world = handled.world;
		statuses.push(`${r.method} ${r.status}`);
	}
	assert.ok(statuses.includes('POST 429') && statuses.includes('POST 201') && statuses.includes('PATCH 409'), statuses.join(', '));
	const evicted = /pods\/([^/]+)\/eviction$/.exec(recorded.find(r => r.url.endsWith('/eviction'))!.url)![1]!;
	assert.equal(world.cluster!.store.pods.has(`default/${evicted}`), false, 'the evicted pod is gone');
	assert.equal(world.cluster!.store.deployments.get('default/ssa')!.spec.replicas, 3, 'the forced apply took .spec.replicas back');
});
