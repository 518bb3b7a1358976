import assert from 'node:assert/strict';
import {test} from 'node:test';
import {deserializeShell, deserializeWorld, serializeShell, serializeWorld} from '../../source/lessons/world-serializer.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('a world with Maps and Sets survives JSON and back, equal in every part', () => {
	const shell = sandboxShell();
	run(shell, 'echo hello > /root/hello.txt');
	run(shell, 'sleep 5');
	const json = JSON.stringify(serializeWorld(shell.state.world));
	const back = deserializeWorld(JSON.parse(json));
	// Equal up to properties set to undefined, which JSON leaves out (and which mean the same).
	assert.ok(JSON.stringify(serializeWorld(back)) === json, 'the same world back');
	assert.equal(back.hosts.size, shell.state.world.hosts.size);
	assert.ok(back.hosts instanceof Map);
	assert.ok(back.hosts.get('host-1')!.processes instanceof Map);
	assert.ok(back.registry.layers instanceof Set);
});

test('a restored shell keeps working: commands run on the restored world', () => {
	const shell = sandboxShell();
	run(shell, 'echo one > /root/a.txt');
	const restored = deserializeShell(JSON.parse(JSON.stringify(serializeShell(shell.state))));
	const again = {state: restored, runtime: shell.runtime};
	run(again, 'echo two >> /root/a.txt');
	assert.equal(run(again, 'grep t /root/a.txt').text, 'two\n');
	assert.deepEqual(restored.session.history, shell.state.session.history);
});

test('garbage is refused with an error, not a half world', () => {
	assert.throws(() => deserializeWorld({hello: 1}));
	assert.throws(() => deserializeShell({world: serializeWorld(sandboxShell().state.world), session: {frames: []}}));
});

test('non-finite numbers survive', () => {
	const shell = sandboxShell();
	const world = {...shell.state.world, time: 5, extra: Infinity} as never;
	assert.equal((deserializeWorld(JSON.parse(JSON.stringify(serializeWorld(world)))) as unknown as {extra: number}).extra, Infinity);
});

test('against the chapter\'s fresh world, seeded layers and images are only named, and come back whole', () => {
	const shell = sandboxShell();
	run(shell, 'docker run -d --name web nginx');
	const base = createSandboxWorld();
	const full = JSON.stringify(serializeShell(shell.state)).length;
	const saved = JSON.stringify(serializeShell(shell.state, base));
	assert.ok(saved.length < full, `${saved.length} < ${full}`);
	const back = deserializeShell(JSON.parse(saved), base);
	assert.ok(JSON.stringify(serializeWorld(back.world)) === JSON.stringify(serializeWorld(shell.state.world)), 'the same world back');
	assert.throws(() => deserializeShell(JSON.parse(saved)), /needs the world it was saved against/);
});
