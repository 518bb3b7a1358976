// Powering hosts off and on: everything in memory is lost (processes, namespaces, cgroups made by
// hand, iptables rules, VMs' guests); files on disk stay. Events let Docker and Kubernetes react.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {ensureCgroup} from './cgroups.ts';
import {bootHost} from './create-host.ts';
import {stopVm} from './vms.ts';
import type {Host} from './types.ts';

/** How long a powered-on host takes to boot before it answers again. */
export const hostBootMillis = 25_000;

export type PowerResult = {ok: true} | {ok: false; error: string};

/** Cuts a host's power (or `poweroff` ran on it). Call on a draft. */
export function powerOffHost(w: World, hostName: string, component = 'systemd'): PowerResult {
	const host = w.hosts.get(hostName);
	if (!host) return {ok: false, error: `no such host: ${hostName}`};
	if (!host.reachable && host.bootsAt === undefined) return {ok: false, error: `${hostName} is already powered off`};
	if (host.guestOf) {
		// A guest that shuts down ends its VM: qemu exits and gives the RAM back.
		const physical = w.hosts.get(host.guestOf);
		if (physical?.vms.has(hostName)) stopVm(w, physical, hostName);
		return {ok: true};
	}
	for (const vm of host.vms.values()) if (vm.state === 'running' || vm.state === 'starting') stopVm(w, host, vm.name, 'power-off');
	wipeRuntimeState(host);
	host.reachable = false;
	host.poweredOffAt = w.time;
	delete host.bootsAt;
	recordEvent(w, {type: 'Warning', component, reason: 'PoweredOff', object: `host/${hostName}`, message: `Host ${hostName} powered off`, host: hostName});
	return {ok: true};
}

/** Presses the power button of a powered-off host: it boots and answers after hostBootMillis. Call on a draft. */
export function powerOnHost(w: World, hostName: string, component = 'simulator'): PowerResult {
	const host = w.hosts.get(hostName);
	if (!host) return {ok: false, error: `no such host: ${hostName}`};
	if (host.guestOf) return {ok: false, error: `${hostName} is a virtual machine: start it with multipass on ${host.guestOf}`};
	if (host.reachable || host.bootsAt !== undefined) return {ok: false, error: `${hostName} is already powered on`};
	host.bootsAt = w.time + hostBootMillis;
	host.needsTick = true;
	recordEvent(w, {type: 'Normal', component, reason: 'PoweredOn', object: `host/${hostName}`, message: `Host ${hostName} powered on; booting`, host: hostName});
	return {ok: true};
}

/** The boot finishes: init and every enabled service start, the host answers again. Call on a draft. */
export function completeBoot(w: World, host: Host): void {
	delete host.bootsAt;
	wipeRuntimeState(host);
	host.kernelLog = [];
	host.reachable = true;
	delete host.poweredOffAt;
	bootHost(w, host, Object.keys(host.services));
	recordEvent(w, {type: 'Normal', component: 'systemd', reason: 'Booted', object: `host/${host.name}`, message: `Host ${host.name} booted (kernel ${host.kernel})`, host: host.name});
}

/** Clears what lives only in RAM: processes, namespaces beyond the initial ones, cgroups, NAT rules. */
function wipeRuntimeState(host: Host): void {
	host.processes.clear();
	host.activePids = [];
	delete host.serviceRestarts;
	host.natRules = [];
	const initial = new Set(Object.values(host.initNamespaces));
	for (const id of [...host.namespaces.keys()]) if (!initial.has(id)) host.namespaces.delete(id);
	const initNet = host.namespaces.get(host.initNamespaces.net);
	// Addresses added by hand and veths are gone after a reboot; eth0 and lo come back as configured.
	if (initNet?.interfaces) initNet.interfaces = initNet.interfaces.filter(i => i.kind === 'loopback' || i.kind === 'ethernet');
	const initUts = host.namespaces.get(host.initNamespaces.uts);
	if (initUts) initUts.hostname = host.name;
	host.cgroups.clear();
	for (const path of ['/', '/init.scope', '/system.slice', '/user.slice']) ensureCgroup(host, path);
	host.nextPid = 1;
}
