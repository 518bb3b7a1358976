// The pane's event stream: the newest world events, each naming the component that acted.
import type {World, WorldEvent} from '../../../engine/world.ts';
import {worldEpoch} from '../../../engine/world.ts';

export type EventRow = {seq: number; clock: string; component: string; reason: string; object: string; message: string; warning: boolean};

/** "09:00:05": the virtual wall clock, as `kubectl get events` would place it. */
export function clockText(time: number): string {
	return new Date(worldEpoch + time).toISOString().slice(11, 19);
}

/**
 * The one clock the screen shows, labelled in the status bar and stamped on each event:
 * virtual time since the world began, "1:05" (m:ss), "1:02:05" past an hour.
 */
export function simClockText(time: number): string {
	const s = Math.max(0, Math.floor(time / 1000));
	const pad = (n: number) => String(n).padStart(2, '0');
	return s < 3600 ? `${Math.floor(s / 60)}:${pad(s % 60)}` : `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** "pod/kubia-7x2kq" from "pod/default/kubia-7x2kq" (default namespace left out). */
export function shortObject(object: string): string {
	const parts = object.split('/');
	if (parts.length === 3 && (parts[1] === 'default' || parts[1] === '')) return `${parts[0]}/${parts[2]}`;
	return object;
}

export function eventRow(e: WorldEvent): EventRow {
	return {seq: e.seq, clock: simClockText(e.time), component: e.component, reason: e.reason, object: shortObject(e.object), message: e.message, warning: e.type === 'Warning'};
}

export function recentEvents(world: World, count: number, filter?: (e: WorldEvent) => boolean): EventRow[] {
	const out: EventRow[] = [];
	for (let i = world.events.length - 1; i >= 0 && out.length < count; i--) {
		const e = world.events[i]!;
		if (!filter || filter(e)) out.push(eventRow(e));
	}
	return out.reverse();
}

/** Which events a depth's stream shows: kubernetes components at the cluster depth, and so on. */
export function eventsForDepth(depth: 'host' | 'docker' | 'cluster', hostName?: string): (e: WorldEvent) => boolean {
	if (depth === 'cluster') return e => /^(pod|node|replicationcontroller|replicaset|deployment|service|endpoints|namespace|job)\//.test(e.object) || /scheduler|kubelet|controller|apiserver|etcd/.test(e.component);
	if (depth === 'docker') return e => /^(container|image|layer|network|volume)\//.test(e.object) || /docker|containerd|registry/.test(e.component);
	// The host's own events, and host-level events that name no host (the learner's machine).
	return e => e.host === hostName || (!e.host && /^(process|cgroup|namespace|vm|host|file|service)\//.test(e.object));
}
