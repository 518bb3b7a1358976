// Chapter 1's virtual machines: a hypervisor (qemu, driven by multipass) on a physical host runs
// guests. Each guest is a whole simulated Host with its own kernel, its own system processes and
// its own memory, and the physical host sees only one qemu-system-x86_64 process per guest, which
// holds all of the guest's RAM plus the emulator's overhead from the moment it starts.
import {recordEvent} from '../events.ts';
import {digestHex} from '../hash.ts';
import {randomInt} from '../rng.ts';
import type {World} from '../world.ts';
import {createHost, gib, mib} from './create-host.ts';
import {hostMemoryAvailable, hostMemoryUsed} from './memory.ts';
import {killProcess, spawnProcess} from './processes.ts';
import type {Host, VirtualMachine} from './types.ts';

/** Ubuntu cloud images multipass can launch, with the kernel each one boots. */
export const vmImages: Record<string, {os: string; kernel: string; aliases: string[]; codename: string}> = {
	'24.04': {os: 'Ubuntu 24.04.3 LTS', kernel: '6.8.0-88-generic', aliases: ['noble', 'lts'], codename: 'noble'},
	'22.04': {os: 'Ubuntu 22.04.5 LTS', kernel: '5.15.0-161-generic', aliases: ['jammy'], codename: 'jammy'},
	'20.04': {os: 'Ubuntu 20.04.6 LTS', kernel: '5.4.0-216-generic', aliases: ['focal'], codename: 'focal'},
};

export function findVmImage(name: string): string | undefined {
	if (vmImages[name]) return name;
	return Object.keys(vmImages).find(key => vmImages[key]!.aliases.includes(name));
}

/** Memory the qemu process needs on top of the guest's RAM: device emulation, page tables, buffers. */
export const hypervisorOverheadBytes = 128 * mib;
/** The smallest guest multipass accepts. */
export const minimumVmMemory = 128 * mib;

export type LaunchSpec = {name: string; image?: string; memoryBytes?: number; cpus?: number; diskBytes?: number};
export type VmResult = {ok: true; vm: VirtualMachine} | {ok: false; error: string};

function guestIp(host: Host, index: number): string {
	const third = parseInt(digestHex(host.name, 2), 16);
	return `10.${120 + (third % 8)}.${third}.${index + 2}`;
}

function qemuCommand(vm: VirtualMachine): string {
	const dir = `/var/snap/multipass/common/data/multipassd/vault/instances/${vm.name}`;
	const mac = `52:54:00:${digestHex(vm.name, 6).match(/../g)!.join(':')}`;
	return `/snap/multipass/current/usr/bin/qemu-system-x86_64 -bios OVMF.fd --enable-kvm -cpu host -nic tap,ifname=tap-${digestHex(vm.name, 11)},script=no,downscript=no,model=virtio-net-pci,mac=${mac} -device virtio-scsi-pci,id=scsi0 -drive file=${dir}/ubuntu-${vm.image}-server-cloudimg-amd64.img,if=none,format=qcow2,discard=unmap,id=hda -device scsi-hd,drive=hda,bus=scsi0.0 -smp ${vm.cpus} -m ${Math.round(vm.memoryBytes / mib)}M -qmp stdio -chardev null,id=char0 -serial chardev:char0 -nographic -cdrom ${dir}/cloud-init-config.iso`;
}

/** Memory a VM of this size takes from its host while it runs. */
export function vmFootprint(memoryBytes: number): number {
	return memoryBytes + hypervisorOverheadBytes;
}

/** Creates and starts a VM (state 'starting' until its guest has booted). Call on a draft. */
export function launchVm(w: World, host: Host, spec: LaunchSpec): VmResult {
	const image = findVmImage(spec.image ?? '24.04');
	if (!image) return {ok: false, error: `Unable to find an image matching "${spec.image}", see \`multipass find\` for available images.`};
	if (host.vms.has(spec.name) || w.hosts.has(spec.name)) return {ok: false, error: `instance "${spec.name}" already exists`};
	const memoryBytes = spec.memoryBytes ?? 1 * gib;
	const info = vmImages[image]!;
	const vm: VirtualMachine = {
		id: digestHex(`${host.name}/${spec.name}/${w.time}`, 32),
		name: spec.name,
		image,
		kernel: info.kernel,
		os: info.os,
		memoryBytes,
		osOverheadBytes: 0,
		diskBytes: spec.diskBytes ?? 5 * gib,
		cpus: spec.cpus ?? 1,
		state: 'stopped',
		bootStartedAt: w.time,
		bootMillis: 0,
		hypervisorPid: 0,
		ip: guestIp(host, host.vms.size),
		guestHost: spec.name,
	};
	createHost(w, {name: vm.guestHost, ip: vm.ip, kernel: vm.kernel, os: vm.os, cpus: vm.cpus, memoryBytes: vm.memoryBytes, services: ['sshd'], users: {ubuntu: 1000}, guestOf: host.name, reachable: false});
	const guest = w.hosts.get(vm.guestHost)!;
	guest.processes.clear();
	guest.nextPid = 1;
	host.vms.set(vm.name, vm);
	const started = startVm(w, host, vm.name, 38_000 + randomInt(w, 14_000));
	if (!started.ok) {
		host.vms.delete(vm.name);
		w.hosts.delete(vm.guestHost);
		return started;
	}
	return {ok: true, vm: host.vms.get(vm.name)!};
}

/** Starts a stopped VM: qemu takes the guest's RAM at once; the guest boots for `bootMillis`. Call on a draft. */
export function startVm(w: World, host: Host, name: string, bootMillis = 18_000 + randomInt(w, 6_000)): VmResult {
	const vm = host.vms.get(name);
	if (!vm) return {ok: false, error: `instance "${name}" does not exist`};
	if (vm.state === 'deleted') return {ok: false, error: `instance "${name}" is deleted`};
	if (vm.state === 'running' || vm.state === 'starting') return {ok: true, vm};
	const needed = vmFootprint(vm.memoryBytes);
	if (needed > hostMemoryAvailable(host)) {
		recordEvent(w, {type: 'Warning', component: 'multipassd', reason: 'FailedToStart', object: `vm/${host.name}/${name}`, message: `qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory`, host: host.name});
		return {ok: false, error: `qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory`};
	}
	const parent = [...host.processes.values()].find(p => p.command.includes('multipassd'))?.pid ?? 1;
	const qemu = spawnProcess(w, host, {parentPid: parent, command: qemuCommand(vm), cgroup: '/system.slice/snap.multipass.multipassd.service', memoryBytes: needed, vmId: vm.id, user: 'root', uid: 0});
	vm.hypervisorPid = qemu.pid;
	host.needsTick = true;
	vm.state = 'starting';
	vm.bootStartedAt = w.time;
	vm.bootMillis = bootMillis;
	recordEvent(w, {type: 'Normal', component: 'multipassd', reason: 'Starting', object: `vm/${host.name}/${name}`, message: `Starting ${name} (${vm.os}, ${vm.cpus} CPU, ${Math.round(vm.memoryBytes / mib)}MiB)`, host: host.name});
	return {ok: true, vm};
}

/** Shuts a VM down: its guest's processes end and qemu exits, giving the RAM back. Call on a draft. */
export function stopVm(w: World, host: Host, name: string, reason: 'stop' | 'power-off' | 'killed' = 'stop'): VmResult {
	const vm = host.vms.get(name);
	if (!vm) return {ok: false, error: `instance "${name}" does not exist`};
	if (vm.hypervisorPid && host.processes.has(vm.hypervisorPid) && reason !== 'killed') killProcess(host, vm.hypervisorPid);
	vm.hypervisorPid = 0;
	if (vm.state !== 'deleted') vm.state = 'stopped';
	const guest = w.hosts.get(vm.guestHost);
	if (guest) {
		guest.processes.clear();
		guest.activePids = [];
		guest.reachable = false;
		guest.poweredOffAt = w.time;
	}
	recordEvent(w, {type: reason === 'stop' ? 'Normal' : 'Warning', component: 'multipassd', reason: 'Stopped', object: `vm/${host.name}/${name}`, message: reason === 'killed' ? `${name}: qemu-system-x86_64 exited unexpectedly` : `Stopped ${name}`, host: host.name});
	return {ok: true, vm};
}

export function deleteVm(w: World, host: Host, name: string): VmResult {
	const vm = host.vms.get(name);
	if (!vm || vm.state === 'deleted') return {ok: false, error: `instance "${name}" does not exist`};
	stopVm(w, host, name);
	vm.state = 'deleted';
	return {ok: true, vm};
}

export function recoverVm(host: Host, name: string): VmResult {
	const vm = host.vms.get(name);
	if (!vm || vm.state !== 'deleted') return {ok: false, error: `instance "${name}" does not need to be recovered`};
	vm.state = 'stopped';
	return {ok: true, vm};
}

/** Removes deleted VMs for good (their guests leave the world). */
export function purgeVms(w: World, host: Host): string[] {
	const purged: string[] = [];
	for (const vm of [...host.vms.values()]) {
		if (vm.state !== 'deleted') continue;
		host.vms.delete(vm.name);
		w.hosts.delete(vm.guestHost);
		purged.push(vm.name);
	}
	return purged;
}

/** Guests whose boot time has passed come up; a VM whose qemu died goes down. Call on a draft. */
export function advanceVms(w: World, host: Host): void {
	for (const vm of host.vms.values()) {
		if ((vm.state === 'starting' || vm.state === 'running') && !host.processes.has(vm.hypervisorPid)) {
			stopVm(w, host, vm.name, 'killed');
			continue;
		}
		if (vm.state === 'starting' && w.time >= vm.bootStartedAt + vm.bootMillis) {
			const guest = w.hosts.get(vm.guestHost);
			vm.state = 'running';
			if (guest) {
				guest.reachable = true;
				delete guest.poweredOffAt;
				guest.kernelLog = [];
				bootGuest(w, guest);
				vm.osOverheadBytes = hostMemoryUsed(guest);
			}
			recordEvent(w, {type: 'Normal', component: 'multipassd', reason: 'Started', object: `vm/${host.name}/${vm.name}`, message: `${vm.name} is running (booted in ${Math.round(vm.bootMillis / 1000)}s)`, host: host.name});
		}
	}
}

function bootGuest(w: World, guest: Host): void {
	guest.processes.clear();
	guest.nextPid = 1;
	// The guest OS pays for its own init, journald, udev, networkd, snapd... before any app runs.
	spawnProcess(w, guest, {parentPid: 0, command: '/sbin/init', cgroup: '/init.scope', memoryBytes: 13 * mib});
	const system: [string, string, number][] = [
		['systemd-journald', '/usr/lib/systemd/systemd-journald', 24 * mib],
		['systemd-udevd', '/usr/lib/systemd/systemd-udevd', 9 * mib],
		['systemd-networkd', '/usr/lib/systemd/systemd-networkd', 8 * mib],
		['systemd-resolved', '/usr/lib/systemd/systemd-resolved', 12 * mib],
		['cron', '/usr/sbin/cron -f -P', 3 * mib],
		['sshd', 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 8 * mib],
		['snapd', '/usr/lib/snapd/snapd', 34 * mib],
		['unattended-upgrades', '/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal', 21 * mib],
	];
	for (const [service, command, memoryBytes] of system) {
		guest.services[service] = 'active';
		spawnProcess(w, guest, {parentPid: 1, command, cgroup: `/system.slice/${service}.service`, memoryBytes});
	}
}
