// `challenge`: the final game's controls (start, status, hint) and its summary screen.
import {produce} from 'immer';
import {pointsPerHint} from '../../../engine/challenge/challenge-score.ts';
import {startChallenge} from '../../../engine/challenge/start-challenge.ts';
import type {CommandSpec} from '../../types.ts';
import {currentHint} from './challenge-hints.ts';
import {briefing, status, summary} from './challenge-report.ts';

const usage = 'Usage: challenge [start [--seed N] | status | hint | help]\n';

export const challengeCommand: CommandSpec = {
	name: 'challenge',
	summary: 'the final challenge: start a game, see how it goes, ask for a hint',
	usage,
	subcommands: ['start', 'status', 'hint', 'help'],
	flags: ['--seed'],
	run(args, ctx) {
		const ch = ctx.world.challenge;
		if (!ch) return {stdout: '', stderr: 'challenge: there is no game in this world; it is part of chapter 10, the final challenge (k8s-tutor start 10)\n', exitCode: 1};
		const [sub = 'status', ...rest] = args;
		if (sub === 'help' || sub === '--help' || sub === '-h') return {stdout: briefing(ch), exitCode: 0};
		if (sub === 'start') {
			let seed = ch.seed;
			for (let i = 0; i < rest.length; i++) {
				const arg = rest[i]!;
				const value = arg === '--seed' ? rest[++i] : arg.startsWith('--seed=') ? arg.slice(7) : undefined;
				if (value === undefined || !/^\d{1,9}$/.test(value)) return {stdout: '', stderr: `challenge: ${value === undefined ? `unknown argument "${arg}"` : `the seed must be a whole number, not "${value}"`}\n${usage}`, exitCode: 2};
				seed = Number(value);
			}
			let error: string | undefined;
			const world = produce(ctx.world, w => {
				const result = startChallenge(w, seed, ctx.session.history.length);
				if (!result.ok) error = result.error;
			});
			if (error) return {stdout: '', stderr: `challenge: ${error}\n`, exitCode: 1};
			return {stdout: `Game ${seed} is on. Virtual time runs; \`sleep N\` jumps ahead. Good luck.\n`, exitCode: 0, world};
		}
		if (sub === 'status') {
			if (ch.startedAt === undefined) return {stdout: briefing(ch), exitCode: 0};
			return {stdout: ch.finished ? summary(ch, ctx.session.history) : status(ctx.world, ch, ctx.session.history), exitCode: 0};
		}
		if (sub === 'hint') {
			if (ch.startedAt === undefined) return {stdout: 'Start the game first: challenge start\n', exitCode: 0};
			if (ch.finished) return {stdout: summary(ch, ctx.session.history), exitCode: 0};
			const text = currentHint(ctx.world, ch);
			const world = produce(ctx.world, w => {
				w.challenge!.hintsUsed++;
			});
			return {stdout: `Hint (-${pointsPerHint} points): ${text}\n`, exitCode: 0, world};
		}
		return {stdout: '', stderr: `challenge: unknown subcommand "${sub}"\n${usage}`, exitCode: 2};
	},
};
