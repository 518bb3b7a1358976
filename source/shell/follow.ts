// Commands that keep printing as the world changes (kubectl get -w): a step per tick while the
// learner watches, or, where nobody can press Ctrl-C (plain mode, scripts), a bounded run.
import {unsimulatedPrograms, type ExternalProgramRunner} from '../engine/script/external-programs.ts';
import {tick} from '../engine/tick.ts';
import type {World} from '../engine/world.ts';
import {stepWatch} from './commands/kubectl/get-watch.ts';
import type {FollowSpec} from './types.ts';

/** What the command prints as the world moved from `before` to `after`, and its state after. */
export function followStep(spec: FollowSpec, before: World, after: World): {text: string; spec: FollowSpec} {
	return stepWatch(spec, before, after);
}

/** The longest a bounded follow runs, in virtual seconds (kubectl get -w --request-timeout). */
export const followBoundSeconds = 30;

/** Runs a follow for `seconds` of virtual time in one-second steps (container scripts' tools through `programs`): its output and the world after. */
export function followFor(spec: FollowSpec, world: World, seconds = followBoundSeconds, programs: ExternalProgramRunner = unsimulatedPrograms): {text: string; world: World} {
	let text = '';
	let current = spec;
	let now = world;
	for (let s = 0; s < seconds; s++) {
		const next = tick(now, 1000, programs);
		const step = followStep(current, now, next);
		text += step.text;
		current = step.spec;
		now = next;
	}
	return {text, world: now};
}
