import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {checkSchema} from '../../../source/lessons/checks/check-schema.ts';
import {runCheck} from '../../../source/lessons/checks/checker.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {createShellState} from '../../../source/shell/session.ts';
import type {World} from '../../../source/engine/world.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const check = (yamlShape: unknown, world: World) => {
	const shell = createShellState(world, 'host-1');
	return runCheck(checkSchema.parse(yamlShape), {world, session: shell.session, host: 'host-1', commands: [], sinceEventSeq: 0, locale: 'en'});
};

test('interface: finds an interface in the host namespace or in a named one, and says where it is', () => {
	const world = createSandboxWorld();
	assert.equal(check({interface: {name: 'eth0'}}, world).passed, true);
	const missing = check({interface: {name: 'veth-blue', netns: 'blue'}}, world);
	assert.equal(missing.passed, false);
	assert.match(missing.unmet[0]!, /no such interface/);
	const moved = produce(world, w => {
		const host = w.hosts.get('host-1')!;
		host.namespaces.set(999, {id: 999, kind: 'net', creatorPid: 1, name: 'blue', interfaces: [{name: 'veth-blue', kind: 'veth', state: 'DOWN', mac: '02:00:00:00:00:01', mtu: 1500, addresses: [], index: 3}]});
	});
	assert.equal(check({interface: {name: 'veth-blue', netns: 'blue'}}, moved).passed, true);
	const wrongPlace = check({interface: {name: 'veth-blue', netns: 'host'}}, moved);
	assert.equal(wrongPlace.passed, false);
	assert.match(wrongPlace.unmet[0]!, /it is in the network namespace blue/);
});

test('containerCgroup: reads the limits of the cgroup Docker made for a container', () => {
	const world = createSandboxWorld();
	const absent = check({containerCgroup: {name: 'limited', memoryMax: 67108864}}, world);
	assert.equal(absent.passed, false);
	assert.match(absent.unmet[0]!, /no container limited/);
	assert.throws(() => checkSchema.parse({containerCgroup: {name: 'x', memory: 1}}));
	const shell = sandboxShell();
	assert.equal(run(shell, 'docker run -d --name limited --memory 64m --cpus 0.5 nginx').exitCode, 0);
	assert.equal(check({containerCgroup: {name: 'limited', memoryMax: 67108864, cpuQuota: 50000}}, shell.state.world).passed, true);
	const wrong = check({containerCgroup: {name: 'limited', memoryMax: 104857600}}, shell.state.world);
	assert.equal(wrong.passed, false);
	assert.match(wrong.unmet[0]!, /memory.max = 67108864, not 104857600/);
});
