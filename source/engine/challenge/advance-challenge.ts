// One slice of virtual time in a running game: fire the incidents that are due, measure how
// many replicas serve, note every change in the timeline, and end the game when time is up.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {fireIncident} from './fire-incident.ts';
import {servingReplicas} from './serving-replicas.ts';

export function advanceChallenge(w: World, sliceMs: number): void {
	const ch = w.challenge;
	if (!ch || ch.startedAt === undefined || ch.finished) return;
	const elapsed = w.time - ch.startedAt;
	for (const incident of ch.incidents) {
		if (incident.fired || incident.atMs > elapsed) continue;
		incident.fired = true;
		const text = fireIncident(w, ch, incident);
		if (text) ch.timeline.push({atMs: incident.atMs, kind: 'incident', text});
	}
	const serving = servingReplicas(w, ch.app);
	if (serving !== ch.serving) {
		ch.timeline.push({atMs: elapsed, kind: 'serving', text: `${Math.min(serving, ch.app.desired)}/${ch.app.desired} serving`, serving});
		ch.serving = serving;
	}
	const counted = Math.min(sliceMs, Math.max(0, ch.durationMs - ch.sampledMs));
	ch.servedMs += (Math.min(serving, ch.app.desired) / ch.app.desired) * counted;
	ch.sampledMs += counted;
	if (elapsed >= ch.durationMs) {
		ch.finished = true;
		const availability = challengeAvailability(ch);
		ch.timeline.push({atMs: ch.durationMs, kind: 'end', text: `time is up: ${(availability * 100).toFixed(1)}%`});
		const passed = availability >= passingAvailability;
		recordEvent(w, {
			type: passed ? 'Normal' : 'Warning',
			component: 'challenge',
			reason: passed ? 'ChallengeCompleted' : 'ChallengeFailed',
			object: `deployment/${ch.app.namespace}/${ch.app.deployment}`,
			message: `The challenge is over: ${(availability * 100).toFixed(1)}% availability${passed ? '' : ` (${passingAvailability * 100}% needed)`}. Type \`challenge\` for your score.`,
		});
	}
}

/** The share of the game's time during which the app had all its replicas serving. */
export function challengeAvailability(ch: {servedMs: number; sampledMs: number}): number {
	return ch.sampledMs > 0 ? ch.servedMs / ch.sampledMs : 0;
}

/** Availability a game needs to count as won (and the chapter as done). */
export const passingAvailability = 0.8;
