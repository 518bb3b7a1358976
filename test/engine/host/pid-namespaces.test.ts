// Pids inside a pid namespace: the first process is 1, the counter lives in the namespace
// (no scan of the host's processes) and, as in the kernel, a freed pid is not handed out again at once.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {createNamespace} from '../../../source/engine/host/namespaces.ts';
import {killProcess, spawnProcess} from '../../../source/engine/host/processes.ts';
import {emptyWorld} from '../../../source/engine/world.ts';

test('pids in a new pid namespace start at 1, count up and are not reused right after an exit', () => {
	const w = produce(emptyWorld(3), d => {
		createHost(d, {name: 'h', ip: '10.1.0.5', cpus: 2, memoryBytes: 4 * gib});
	});
	const out = produce(w, d => {
		const host = d.hosts.get('h')!;
		const ns = createNamespace(host, 'pid', 1, {parentId: host.initNamespaces.pid});
		assert.equal(ns.lastPid, 0);
		const first = spawnProcess(d, host, {parentPid: 1, command: 'init', namespaces: {pid: ns.id}});
		const second = spawnProcess(d, host, {parentPid: first.pid, command: 'sh'});
		assert.deepEqual([first.nsPids[ns.id], second.nsPids[ns.id]], [1, 2]);
		assert.equal(first.nsPids[host.initNamespaces.pid], first.pid); // the host still sees its own pid
		killProcess(host, second.pid);
		const third = spawnProcess(d, host, {parentPid: first.pid, command: 'sleep 100'});
		assert.equal(third.nsPids[ns.id], 3);
		// A nested namespace counts on its own; its processes also get a pid in the parent namespace.
		const inner = createNamespace(host, 'pid', first.pid, {parentId: ns.id});
		const nested = spawnProcess(d, host, {parentPid: first.pid, command: 'init', namespaces: {pid: inner.id}});
		assert.deepEqual([nested.nsPids[inner.id], nested.nsPids[ns.id]], [1, 4]);
	});
	assert.equal(out.hosts.get('h')!.namespaces.size, w.hosts.get('h')!.namespaces.size + 2);
});
