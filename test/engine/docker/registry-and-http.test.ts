import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {pushImage} from '../../../source/engine/docker/registry.ts';
import {createContainer, planPull, pullImage, startContainer, stopContainer} from '../../../source/engine/docker/runtime.ts';
import {tagImage} from '../../../source/engine/docker/images.ts';
import {writeFile} from '../../../source/engine/host/filesystem.ts';
import {httpRequest} from '../../../source/engine/network/http.ts';
import {createSandboxWorld, startLoginShell} from '../../../source/engine/scenarios/sandbox.ts';
import type {World} from '../../../source/engine/world.ts';

function curl(world: World, host: string, target: string, port: number): {world: World; body: string} {
	let body = '';
	const next = produce(world, w => {
		const shell = startLoginShell(w, host);
		const r = httpRequest(w, {host, pid: shell}, target, port, '/');
		body = r.ok ? r.response.body : `error:${r.connection.error}`;
	});
	return {world: next, body};
}

test('push on host-1 uploads only missing layers; pull on host-2 downloads them; a second push finds them all', () => {
	let first: ReturnType<typeof pushImage> | undefined;
	let second: ReturnType<typeof pushImage> | undefined;
	let denied: ReturnType<typeof pushImage> | undefined;
	const world = produce(createSandboxWorld(), w => {
		assert.ok(pullImage(w, 'host-1', 'luksa/kubia').ok);
		assert.ok(tagImage(w, 'host-1', 'luksa/kubia', 'learner/kubia:v1').ok);
		const daemon = w.dockers.get('host-1')!;
		daemon.loggedIn = 'learner';
		denied = pushImage(w, 'host-1', daemon, 'luksa/kubia');
		first = pushImage(w, 'host-1', daemon, 'learner/kubia:v1');
		second = pushImage(w, 'host-1', daemon, 'learner/kubia:v1');
	});
	assert.equal(denied!.ok, false);
	assert.equal((denied as {error: string}).error, 'denied: requested access to the resource is denied');
	const pushed = first!;
	assert.ok(pushed.ok && second!.ok);
	assert.ok(pushed.layers.every(l => l.existed), 'all of luksa/kubia layers are on the hub already');
	assert.match(pushed.digest, /^sha256:[0-9a-f]{64}$/);
	const plan = planPull(world, 'host-2', 'learner/kubia:v1');
	assert.ok(plan.ok);
	assert.ok(plan.plan.layers.every(l => !l.present));
	const pulled = produce(world, w => {
		assert.ok(pullImage(w, 'host-2', 'learner/kubia:v1').ok);
	});
	assert.equal(pulled.dockers.get('host-2')!.tags.get('learner/kubia:v1'), world.dockers.get('host-1')!.tags.get('luksa/kubia:latest'));
});

test('a published port answers curl on the host; the container address answers too; stop closes it', () => {
	let ip = '';
	const world = produce(createSandboxWorld(), w => {
		assert.ok(pullImage(w, 'host-1', 'luksa/kubia').ok);
		const c = createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'kubia-container', ports: [{hostIp: '0.0.0.0', hostPort: 8080, containerPort: 8080, protocol: 'tcp'}]});
		assert.ok(c.ok);
		assert.ok(startContainer(w, 'host-1', 'kubia-container').ok);
		ip = c.container.ipAddress!;
	});
	const container = world.dockers.get('host-1')!.containers.values().next().value!;
	const viaPort = curl(world, 'host-1', 'localhost', 8080);
	assert.equal(viaPort.body, `You've hit ${container.id.slice(0, 12)}\n`);
	assert.equal(curl(world, 'host-1', ip, 8080).body, `You've hit ${container.id.slice(0, 12)}\n`);
	assert.deepEqual(viaPort.world.dockers.get('host-1')!.containers.get(container.id)!.logs, ['Kubia server starting...', 'Received request from ::ffff:172.17.0.1']);
	assert.equal(curl(world, 'host-1', 'localhost', 8081).body, 'error:refused');
	const stopped = produce(world, w => {
		assert.ok(stopContainer(w, 'host-1', 'kubia-container').ok);
	});
	assert.equal(curl(stopped, 'host-1', 'localhost', 8080).body, 'error:refused');
	assert.equal(stopped.hosts.get('host-1')!.natRules.length, 0);
});

test('nginx serves index.html from each container own filesystem: a change in one is not seen by the other', () => {
	const world = produce(createSandboxWorld(), w => {
		assert.ok(pullImage(w, 'host-1', 'nginx').ok);
		for (const [name, port] of [['web1', 8081], ['web2', 8082]] as const) {
			assert.ok(createContainer(w, 'host-1', {image: 'nginx', name, ports: [{hostIp: '0.0.0.0', hostPort: port, containerPort: 80, protocol: 'tcp'}]}).ok);
			assert.ok(startContainer(w, 'host-1', name).ok);
		}
		const web1 = [...w.dockers.get('host-1')!.containers.values()].find(c => c.name === 'web1')!;
		writeFile(w, w.hosts.get('host-1')!.filesystems.get(web1.rootfs)!, '/usr/share/nginx/html/index.html', '<h1>changed in web1</h1>\n');
	});
	assert.equal(curl(world, 'host-1', 'localhost', 8081).body, '<h1>changed in web1</h1>\n');
	assert.match(curl(world, 'host-1', 'localhost', 8082).body, /<title>Welcome to nginx!<\/title>/);
});
