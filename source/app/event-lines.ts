import type {WorldEvent} from '../engine/world.ts';

/** One line per world change, for plain mode and screen readers: "kubelet/worker-2: Started container kubia". */
export function eventLine(event: WorldEvent): string {
	const warning = event.type === 'Warning' ? 'warning: ' : '';
	return `  · ${warning}${event.component}: ${event.message}`;
}
