// PUT of a whole object: a change outside spec (a ConfigMap's data) is a change, not "unchanged".
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createObject, replaceObject} from '../../../source/engine/k8s/api-server.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';

test("replacing a ConfigMap's data stores it (server-side apply sends no annotation that would differ)", () => {
	const map = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'settings', namespace: 'default'}, data: {mode: 'a'}} as any;
	let world = produce(createSandboxWorld({seed: 1}), w => void createObject(w, map));
	let unchanged: boolean | undefined;
	world = produce(world, w => {
		const result = replaceObject(w, {...map, data: {mode: 'b'}});
		unchanged = result.ok ? Boolean(result.unchanged) : undefined;
	});
	assert.equal(unchanged, false);
	assert.deepEqual(world.cluster!.store.configmaps.get('default/settings')!.data, {mode: 'b'});
});
