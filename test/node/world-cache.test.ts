import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {cachedWorld} from '../../source/node/world-cache.ts';

const sandbox = () => createSandboxWorld({seed: 3, cluster: false});

test('a cached world is the world the program built, frozen once the first frame is out, and it runs on the same', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-worlds-'));
	let builds = 0;
	const build = () => (builds++, sandbox());
	const first = cachedWorld({dir, programStamp: 'a'}, 'sandbox-3', build);
	const second = cachedWorld({dir, programStamp: 'a'}, 'sandbox-3', build);
	assert.equal(builds, 1);
	assert.notEqual(second, first);
	assert.deepStrictEqual(second, first);
	await new Promise(resolve => setImmediate(resolve));
	assert.ok(Object.isFrozen(second) && Object.isFrozen(second.hosts.get('host-1')));
	assert.deepStrictEqual(tick(second, 5_000), tick(first, 5_000));
});

test('another build of the program builds the world again and drops the old one', () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-worlds-'));
	let builds = 0;
	const build = () => (builds++, sandbox());
	cachedWorld({dir, programStamp: 'a'}, 'sandbox-3', build);
	cachedWorld({dir, programStamp: 'b'}, 'sandbox-3', build);
	assert.equal(builds, 2);
	assert.deepEqual(readdirSync(dir), ['sandbox_3-b.v8']);
});

test('a damaged cache file, or no cache, just builds the world', () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-worlds-'));
	writeFileSync(join(dir, 'sandbox-3-a.v8'), 'not a world');
	let builds = 0;
	const world = cachedWorld({dir, programStamp: 'a'}, 'sandbox-3', () => (builds++, sandbox()));
	assert.equal(builds, 1);
	assert.ok(world.hosts.has('host-1'));
	assert.ok(cachedWorld(undefined, 'sandbox-3', sandbox).hosts.has('host-1'));
});
