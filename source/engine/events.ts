import type {World, WorldEvent} from './world.ts';

/** How many events the world keeps for the pane's stream and `kubectl get events`. */
export const eventHistoryLimit = 2000;

export type NewEvent = Omit<WorldEvent, 'seq' | 'time'>;

/** Records that something happened, naming the component that did it. Call on a draft. */
export function recordEvent(w: World, event: NewEvent): WorldEvent {
	const full: WorldEvent = {...event, seq: ++w.eventSeq, time: w.time};
	w.events.push(full);
	// Trim in batches: a splice on an immer draft array costs a proxy trap per moved element,
	// so trimming one event at a time made a 10,000-pod tick spend minutes here.
	if (w.events.length > eventHistoryLimit + eventHistoryLimit / 4) w.events = w.events.slice(w.events.length - eventHistoryLimit);
	return full;
}

export function eventsSince(w: World, seq: number): WorldEvent[] {
	const out: WorldEvent[] = [];
	for (let i = w.events.length - 1; i >= 0; i--) {
		const e = w.events[i]!;
		if (e.seq <= seq) break;
		out.push(e);
	}
	return out.reverse();
}
