// The seeded plan of a game: which incidents come, in which order, when, and what they hit.
// The same seed gives the same plan on every machine (a classroom plays one scenario).
import {nextRandom} from '../rng.ts';
import type {ChallengeApp, ChallengeState, Incident, IncidentKind} from './challenge-types.ts';

/** How long one game lasts, in virtual time. */
export const challengeDurationMs = 15 * 60_000;

/** Incidents come in three windows, so each can be handled before the next one starts. */
const windowsMs: [number, number][] = [
	[45_000, 105_000],
	[255_000, 345_000],
	[465_000, 555_000],
];

/** Image names one slip of the keyboard away from luksa/kubia, none of which exists. */
const typos = ['luksa/kubai', 'lukas/kubia', 'luksa/kubia-app', 'luska/kubia', 'luksa/kuiba'];

export const challengeApp: ChallengeApp = {namespace: 'default', deployment: 'web', selector: {app: 'web'}, desired: 4, image: 'luksa/kubia'};

/** The name of the greedy batch deployment of the overcommit incident. */
export const batchDeployment = 'batch-report';

export function planIncidents(seed: number, workers: string[]): Incident[] {
	let state = seed >>> 0;
	const draw = (): number => {
		const [value, next] = nextRandom(state);
		state = next;
		return value;
	};
	const kinds: IncidentKind[] = ['node-failure', 'bad-rollout', 'overcommit'];
	for (let i = kinds.length - 1; i > 0; i--) {
		const j = Math.floor(draw() * (i + 1));
		[kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
	}
	const failed = workers[Math.floor(draw() * workers.length)]!;
	const others = workers.filter(n => n !== failed);
	const drained = others[Math.floor(draw() * others.length)]!;
	const incidents: Incident[] = [];
	kinds.forEach((kind, i) => {
		const [from, to] = windowsMs[i]!;
		const atMs = Math.round((from + draw() * (to - from)) / 1000) * 1000;
		if (kind === 'node-failure') incidents.push({kind, atMs, target: failed, fired: false});
		else if (kind === 'bad-rollout') incidents.push({kind, atMs, target: typos[Math.floor(draw() * typos.length)]!, fired: false});
		else {
			// The batch job first fills the free CPU; then a drain sends pods looking for room that is gone.
			incidents.push({kind, atMs, target: batchDeployment, fired: false});
			incidents.push({kind: 'drain', atMs: atMs + drainDelayMs, target: drained, fired: false});
		}
	});
	return incidents;
}

/** How long after the batch job the drain comes: long enough for the batch pods to be placed. */
export const drainDelayMs = 20_000;

/** A game not started yet: `challenge start` sets the seed's incidents and the clock. */
export function newChallenge(seed: number): ChallengeState {
	return {seed, app: challengeApp, durationMs: challengeDurationMs, historyStart: 0, hintsUsed: 0, incidents: [], servedMs: 0, sampledMs: 0, serving: 0, timeline: [], finished: false};
}
