// systemd units: `systemctl stop|start|restart UNIT` end or start the daemon's process and flip
// host.services, which Docker and Kubernetes read (a stopped kubelet makes its node NotReady).
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {startServiceProcess} from './create-host.ts';
import {killProcess} from './processes.ts';
import type {Host, Process} from './types.ts';

/** The unit's main process: the one in its /system.slice/<name>.service cgroup. */
export function serviceProcess(host: Host, service: string): Process | undefined {
	const path = `/system.slice/${service}.service`;
	for (const p of host.processes.values()) if (p.cgroup === path) return p;
	return undefined;
}

export function stopService(w: World, host: Host, service: string, component = 'systemd'): void {
	for (let p = serviceProcess(host, service); p; p = serviceProcess(host, service)) killProcess(host, p.pid);
	if (host.services[service] === 'inactive') return;
	host.services[service] = 'inactive';
	recordEvent(w, {type: 'Normal', component, reason: 'Stopped', object: `service/${host.name}/${service}`, message: `Stopped ${service}.service.`, host: host.name});
}

export function startService(w: World, host: Host, service: string, component = 'systemd'): number {
	const running = serviceProcess(host, service);
	if (running && host.services[service] === 'active') return running.pid;
	const pid = startServiceProcess(w, host, service);
	recordEvent(w, {type: 'Normal', component, reason: 'Started', object: `service/${host.name}/${service}`, message: `Started ${service}.service.`, host: host.name});
	return pid;
}

export function restartService(w: World, host: Host, service: string, component = 'systemd'): number {
	stopService(w, host, service, component);
	return startService(w, host, service, component);
}
