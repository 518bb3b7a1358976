// `challenge start`: the clock starts and the seed's incidents are planned. Call on a draft.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {planIncidents} from './plan-challenge.ts';
import {servingReplicas} from './serving-replicas.ts';

export type StartResult = {ok: true} | {ok: false; error: string};

export function startChallenge(w: World, seed: number, historyLength: number): StartResult {
	const ch = w.challenge;
	if (!ch) return {ok: false, error: 'there is no challenge in this world (start chapter 10, the final challenge)'};
	if (ch.startedAt !== undefined) return {ok: false, error: ch.finished ? 'this game is over; reset the step to play again' : 'the game is already running'};
	const workers = (w.cluster?.nodes ?? []).filter(n => n !== w.cluster?.controlPlane);
	ch.seed = seed;
	ch.incidents = planIncidents(seed, workers);
	ch.startedAt = w.time;
	ch.historyStart = historyLength;
	ch.serving = servingReplicas(w, ch.app);
	ch.timeline = [{atMs: 0, kind: 'start', text: `game ${seed} starts, ${Math.min(ch.serving, ch.app.desired)}/${ch.app.desired} serving`, serving: ch.serving}];
	recordEvent(w, {type: 'Normal', component: 'challenge', reason: 'ChallengeStarted', object: `deployment/${ch.app.namespace}/${ch.app.deployment}`, message: `Game ${seed} started: keep ${ch.app.desired} replicas of ${ch.app.deployment} serving for ${ch.durationMs / 60_000} minutes`});
	return {ok: true};
}
