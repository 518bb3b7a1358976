// VMs (their own kernel and memory, one qemu process on the host) and powering hosts off and on.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {hostMemoryAvailable} from '../../../source/engine/host/memory.ts';
import {powerOffHost, powerOnHost} from '../../../source/engine/host/power.ts';
import {noteServiceProcessDied, startService, stopService} from '../../../source/engine/host/services.ts';
import {killProcess} from '../../../source/engine/host/processes.ts';
import {launchVm, stopVm} from '../../../source/engine/host/vms.ts';
import {tick} from '../../../source/engine/tick.ts';
import {emptyWorld, type World} from '../../../source/engine/world.ts';

function world(): World {
	return produce(emptyWorld(5), w => {
		createHost(w, {name: 'h', ip: '10.1.0.5', cpus: 2, memoryBytes: 4 * gib, services: ['sshd', 'kubelet']});
	});
}

test('a VM boots for tens of seconds, runs its own kernel, and shows on the host as one qemu process', () => {
	let w = produce(world(), d => {
		const r = launchVm(d, d.hosts.get('h')!, {name: 'vm1', image: '22.04', memoryBytes: 1 * gib});
		assert.ok(r.ok);
	});
	const vm = w.hosts.get('h')!.vms.get('vm1')!;
	assert.equal(vm.state, 'starting');
	assert.ok(vm.bootMillis >= 30_000 && vm.bootMillis < 60_000, `boot ${vm.bootMillis}ms`);
	assert.equal(w.hosts.get('vm1')!.reachable, false);
	w = tick(w, vm.bootMillis);
	const guest = w.hosts.get('vm1')!;
	assert.equal(w.hosts.get('h')!.vms.get('vm1')!.state, 'running');
	assert.equal(guest.reachable, true);
	assert.equal(guest.kernel, '5.15.0-161-generic');
	assert.notEqual(guest.kernel, w.hosts.get('h')!.kernel);
	const qemu = [...w.hosts.get('h')!.processes.values()].filter(p => p.command.includes('qemu-system-x86_64'));
	assert.equal(qemu.length, 1);
	assert.ok(qemu[0]!.memoryBytes > 1 * gib);
	assert.ok(guest.processes.size > 5, 'the guest runs its own system processes');
	assert.ok(w.hosts.get('h')!.vms.get('vm1')!.osOverheadBytes > 200 * 1024 * 1024);
});

test('on a 4 GiB host the third 1 GiB VM does not fit', () => {
	let w = world();
	const results: boolean[] = [];
	for (const name of ['a', 'b', 'c']) {
		w = produce(w, d => {
			results.push(launchVm(d, d.hosts.get('h')!, {name, memoryBytes: 1 * gib}).ok);
		});
	}
	assert.deepEqual(results, [true, true, false]);
	assert.equal(w.hosts.has('c'), false);
	assert.ok(hostMemoryAvailable(w.hosts.get('h')!) < 1.2 * gib);
	// Stopping one gives its memory back.
	w = produce(w, d => {
		stopVm(d, d.hosts.get('h')!, 'a');
		assert.ok(launchVm(d, d.hosts.get('h')!, {name: 'c', memoryBytes: 1 * gib}).ok);
	});
});

test('power off ends every process; power on boots the host with its services after a while', () => {
	let w = produce(world(), d => {
		assert.ok(powerOffHost(d, 'h').ok);
	});
	const off = w.hosts.get('h')!;
	assert.equal(off.reachable, false);
	assert.equal(off.processes.size, 0);
	assert.ok(w.events.some(e => e.reason === 'PoweredOff' && e.object === 'host/h'));
	w = produce(w, d => {
		assert.ok(powerOnHost(d, 'h').ok);
	});
	w = tick(w, 10_000);
	assert.equal(w.hosts.get('h')!.reachable, false);
	w = tick(w, 20_000);
	const on = w.hosts.get('h')!;
	assert.equal(on.reachable, true);
	assert.equal(on.services.kubelet, 'active');
	assert.ok([...on.processes.values()].some(p => p.command.startsWith('/usr/bin/kubelet')));
});

test('stopping a service ends its process and marks it inactive; starting brings it back', () => {
	let w = produce(world(), d => stopService(d, d.hosts.get('h')!, 'kubelet'));
	assert.equal(w.hosts.get('h')!.services.kubelet, 'inactive');
	assert.equal([...w.hosts.get('h')!.processes.values()].some(p => p.command.includes('kubelet')), false);
	w = produce(w, d => {
		startService(d, d.hosts.get('h')!, 'kubelet');
	});
	assert.equal(w.hosts.get('h')!.services.kubelet, 'active');
	assert.ok([...w.hosts.get('h')!.processes.values()].some(p => p.command.includes('kubelet')));
});

test('a killed service process fails its unit; systemd restarts it after RestartSec (kubelet: 10s)', () => {
	let w = produce(world(), d => {
		const host = d.hosts.get('h')!;
		const kubelet = [...host.processes.values()].find(p => p.command.startsWith('/usr/bin/kubelet'))!;
		killProcess(host, kubelet.pid);
		noteServiceProcessDied(d, host, 'kubelet', '9/KILL');
	});
	assert.equal(w.hosts.get('h')!.services.kubelet, 'inactive');
	w = tick(w, 9000);
	assert.equal(w.hosts.get('h')!.services.kubelet, 'inactive');
	w = tick(w, 1000);
	assert.equal(w.hosts.get('h')!.services.kubelet, 'active');
	assert.ok([...w.hosts.get('h')!.processes.values()].some(p => p.command.startsWith('/usr/bin/kubelet')));
	assert.deepEqual(w.events.filter(e => e.object === 'service/h/kubelet').map(e => e.reason), ['Failed', 'Started']);
});
