import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {lookupFile, writeFile} from '../../../source/engine/host/filesystem.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {containerChanges, createContainer, execInContainer, findContainer, planPull, pullImage, reconcileContainers, removeContainer, resolveImage, startContainer, stopContainer} from '../../../source/engine/docker/runtime.ts';
import type {World} from '../../../source/engine/world.ts';

function withKubia(): World {
	return produce(createSandboxWorld(), w => {
		const pulled = pullImage(w, 'host-1', 'luksa/kubia');
		assert.ok(pulled.ok);
	});
}

test('a pull plan lists the missing layers; a second image on the same base finds them present', () => {
	const world = withKubia();
	const plan = planPull(world, 'host-1', 'node:7');
	assert.ok(plan.ok);
	assert.ok(plan.plan.layers.length >= 7);
	assert.ok(plan.plan.layers.every(l => l.present), 'node:7 layers are all shared with luksa/kubia');
	const fresh = planPull(world, 'host-2', 'luksa/kubia');
	assert.ok(fresh.ok && fresh.plan.layers.every(l => !l.present));
});

test('an unknown repository gives the real pull access denied error', () => {
	const result = planPull(createSandboxWorld(), 'host-1', 'nosuch');
	assert.equal(result.ok, false);
	assert.match((result as {error: string}).error, /^pull access denied for nosuch, repository does not exist or may require 'docker login'/);
});

test('image references resolve by name, tag, full name and id prefix', () => {
	const world = withKubia();
	const daemon = world.dockers.get('host-1')!;
	const image = resolveImage(daemon, 'luksa/kubia')!;
	assert.ok(image);
	assert.equal(resolveImage(daemon, 'luksa/kubia:latest')?.id, image.id);
	assert.equal(resolveImage(daemon, 'docker.io/luksa/kubia:latest')?.id, image.id);
	assert.equal(resolveImage(daemon, image.id.slice(7, 19))?.id, image.id);
	assert.equal(resolveImage(daemon, 'nginx'), undefined);
});

test('a started container has its own namespaces, a cgroup with its limits and a server process', () => {
	const world = produce(withKubia(), w => {
		const created = createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'kubia-container', memoryBytes: 64 * 1024 * 1024, cpus: 0.5, ports: [{hostIp: '0.0.0.0', hostPort: 8080, containerPort: 8080, protocol: 'tcp'}]});
		assert.ok(created.ok);
		const started = startContainer(w, 'host-1', 'kubia-container');
		assert.ok(started.ok, started.ok ? '' : started.error);
	});
	const host = world.hosts.get('host-1')!;
	const container = findContainer(world.dockers.get('host-1')!, 'kubia-container')!;
	assert.equal(container.state, 'running');
	const main = host.processes.get(container.pid!)!;
	assert.equal(main.command, 'node app.js');
	assert.deepEqual(main.workload, {kind: 'server', port: 8080, protocol: 'http', app: 'kubia'});
	assert.equal(main.nsPids[main.namespaces.pid], 1, 'PID 1 in its own pid namespace');
	for (const kind of ['mnt', 'pid', 'net', 'uts', 'ipc'] as const) assert.notEqual(main.namespaces[kind], host.initNamespaces[kind], kind);
	assert.equal(host.namespaces.get(main.namespaces.uts)!.hostname, container.id.slice(0, 12));
	const group = host.cgroups.get(`/system.slice/docker-${container.id}.scope`)!;
	assert.equal(group.memoryMax, 64 * 1024 * 1024);
	assert.deepEqual(group.cpuMax, {quota: 50000, period: 100000});
	assert.equal(container.ipAddress, '172.17.0.2');
});

test('a pod container joins the net, uts and ipc namespaces of the pause process', () => {
	const world = produce(withKubia(), w => {
		const pause = createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'pause', command: ['sleep', 'infinity'], entrypoint: []});
		assert.ok(pause.ok);
		const started = startContainer(w, 'host-1', 'pause');
		assert.ok(started.ok);
		const app = createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'app1', joinNamespacesOf: started.process.pid});
		assert.ok(app.ok);
		assert.ok(startContainer(w, 'host-1', 'app1').ok);
	});
	const host = world.hosts.get('host-1')!;
	const daemon = world.dockers.get('host-1')!;
	const pause = host.processes.get(findContainer(daemon, 'pause')!.pid!)!;
	const app = host.processes.get(findContainer(daemon, 'app1')!.pid!)!;
	for (const kind of ['net', 'uts', 'ipc'] as const) assert.equal(app.namespaces[kind], pause.namespaces[kind], kind);
	for (const kind of ['pid', 'mnt'] as const) assert.notEqual(app.namespaces[kind], pause.namespaces[kind], kind);
});

test('copy-on-write: a write lands in one container upper layer; the other still reads the original', () => {
	let ids: string[] = [];
	const world = produce(withKubia(), w => {
		for (const name of ['c-a', 'c-b']) {
			const c = createContainer(w, 'host-1', {image: 'luksa/kubia', name});
			assert.ok(c.ok);
			ids.push(c.container.id);
		}
		const host = w.hosts.get('host-1')!;
		writeFile(w, host.filesystems.get(`overlay:${ids[0]}`)!, '/app.js', 'changed\n');
		writeFile(w, host.filesystems.get(`overlay:${ids[0]}`)!, '/tmp/new.txt', 'new\n');
	});
	const host = world.hosts.get('host-1')!;
	const read = (id: string) => lookupFile(world, host.filesystems.get(`overlay:${id}`)!, '/app.js')!.node;
	assert.deepEqual(read(ids[0]!), {type: 'file', content: 'changed\n'});
	assert.match((read(ids[1]!) as {content: string}).content, /You've hit/);
	const changes = containerChanges(world, 'host-1', findContainer(world.dockers.get('host-1')!, 'c-a')!);
	assert.deepEqual(changes, [{kind: 'C', path: '/app.js'}, {kind: 'C', path: '/tmp'}, {kind: 'A', path: '/tmp/new.txt'}]);
});

test('stop waits out node ignoring SIGTERM (137); exec runs inside; rm frees everything', () => {
	let waited = 0;
	let execPid = 0;
	const world = produce(withKubia(), w => {
		assert.ok(createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'kk'}).ok);
		assert.ok(startContainer(w, 'host-1', 'kk').ok);
		const exec = execInContainer(w, 'host-1', 'kk', ['ps', 'aux']);
		assert.ok(exec.ok);
		execPid = exec.process.pid;
		const missing = execInContainer(w, 'host-1', 'kk', ['nosuchbinary']);
		assert.equal(missing.ok, false);
		const stopped = stopContainer(w, 'host-1', 'kk');
		assert.ok(stopped.ok);
		waited = stopped.waitedMs;
		assert.equal(stopped.exitCode, 137);
	});
	assert.equal(waited, 10_000);
	const host = world.hosts.get('host-1')!;
	assert.equal(host.processes.has(execPid), false);
	const after = produce(world, w => {
		const removed = removeContainer(w, 'host-1', 'kk');
		assert.ok(removed.ok);
		reconcileContainers(w, 'host-1');
	});
	assert.equal(after.dockers.get('host-1')!.containers.size, 0);
	assert.equal([...after.hosts.get('host-1')!.filesystems.keys()].some(k => k.startsWith('overlay:')), false);
});

test('a running container whose main process died is reconciled to exited', () => {
	const world = produce(withKubia(), w => {
		assert.ok(createContainer(w, 'host-1', {image: 'luksa/kubia', name: 'kk'}).ok);
		const started = startContainer(w, 'host-1', 'kk');
		assert.ok(started.ok);
		w.hosts.get('host-1')!.processes.delete(started.process.pid);
		reconcileContainers(w, 'host-1');
	});
	const c = findContainer(world.dockers.get('host-1')!, 'kk')!;
	assert.equal(c.state, 'exited');
	assert.equal(c.pid, undefined);
});
