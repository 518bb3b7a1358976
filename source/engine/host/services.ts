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

/** systemd's RestartSec for the units that restart themselves (Restart=always / on-failure). */
export const restartDelayMs: Record<string, number> = {kubelet: 10_000, dockerd: 2_000, containerd: 5_000, sshd: 100, 'systemd-journald': 0, cron: 100};

/** Which service a process is the main process of, if any. */
export function serviceOf(host: Host, p: Process): string | undefined {
	const m = p.cgroup.match(/^\/system\.slice\/(.+)\.service$/);
	return m && m[1]! in host.services ? m[1] : undefined;
}

/**
 * A service's process died without `systemctl stop` (killed, OOM-killed): the unit fails and
 * systemd schedules a restart after its RestartSec. Call on a draft, after the process is gone.
 */
export function noteServiceProcessDied(w: World, host: Host, service: string, how: string): void {
	if (host.services[service] !== 'active' || serviceProcess(host, service)) return;
	host.services[service] = 'inactive';
	const delay = restartDelayMs[service];
	recordEvent(w, {type: 'Warning', component: 'systemd', reason: 'Failed', object: `service/${host.name}/${service}`, message: `${service}.service: Main process exited, code=killed, status=${how}${delay !== undefined ? `; scheduled restart in ${delay / 1000}s` : ''}`, host: host.name});
	if (delay === undefined) return;
	host.serviceRestarts = {...host.serviceRestarts, [service]: w.time + delay};
	host.needsTick = true;
}

/** Restarts the services whose restart time has come. Call on a draft. */
export function runServiceRestarts(w: World, host: Host): void {
	const due = Object.entries(host.serviceRestarts ?? {}).filter(([, at]) => w.time >= at);
	if (due.length === 0) return;
	const rest = {...host.serviceRestarts};
	for (const [service] of due) {
		delete rest[service];
		startService(w, host, service);
	}
	if (Object.keys(rest).length === 0) delete host.serviceRestarts;
	else host.serviceRestarts = rest;
}

export function stopService(w: World, host: Host, service: string, component = 'systemd'): void {
	for (let p = serviceProcess(host, service); p; p = serviceProcess(host, service)) killProcess(host, p.pid);
	if (host.serviceRestarts?.[service] !== undefined) {
		const rest = {...host.serviceRestarts};
		delete rest[service];
		host.serviceRestarts = rest;
	}
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
