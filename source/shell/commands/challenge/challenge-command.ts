// `challenge`: the final game's controls (start, status, hint) and its summary screen.
import {produce} from 'immer';
import {pointsPerHint} from '../../../engine/challenge/challenge-score.ts';
import {startChallenge} from '../../../engine/challenge/start-challenge.ts';
import {messages} from '../../../i18n/catalog.ts';
import type {CommandSpec} from '../../types.ts';
import {currentHint} from './challenge-hints.ts';
import {briefing, status, summary} from './challenge-report.ts';

export const challengeCommand: CommandSpec = {
	name: 'challenge',
	summary: 'the final challenge: start a game, see how it goes, ask for a hint',
	usage: 'challenge [start [--seed N] | status | hint | help]',
	subcommands: ['start', 'status', 'hint', 'help'],
	flags: ['--seed'],
	run(args, ctx) {
		const locale = ctx.runtime.locale;
		const t = messages(locale ?? 'en').challenge;
		const usage = t.usage + '\n';
		const ch = ctx.world.challenge;
		if (!ch) return {stdout: '', stderr: t.noGame + '\n', exitCode: 1};
		const [sub = 'status', ...rest] = args;
		if (sub === 'help' || sub === '--help' || sub === '-h') return {stdout: briefing(ch, locale), exitCode: 0};
		if (sub === 'start') {
			let seed = ch.seed;
			for (let i = 0; i < rest.length; i++) {
				const arg = rest[i]!;
				const value = arg === '--seed' ? rest[++i] : arg.startsWith('--seed=') ? arg.slice(7) : undefined;
				if (value === undefined || !/^\d{1,9}$/.test(value)) return {stdout: '', stderr: `${value === undefined ? t.unknownArgument(arg) : t.badSeed(value)}\n${usage}`, exitCode: 2};
				seed = Number(value);
			}
			let error: string | undefined;
			const world = produce(ctx.world, w => {
				const result = startChallenge(w, seed, ctx.session.history.length);
				if (!result.ok) error = result.error;
			});
			if (error) return {stdout: '', stderr: `challenge: ${error}\n`, exitCode: 1};
			return {stdout: t.started(seed) + '\n', exitCode: 0, world};
		}
		if (sub === 'status') {
			if (ch.startedAt === undefined) return {stdout: briefing(ch, locale), exitCode: 0};
			return {stdout: ch.finished ? summary(ch, ctx.session.history, locale) : status(ctx.world, ch, ctx.session.history, locale), exitCode: 0};
		}
		if (sub === 'hint') {
			if (ch.startedAt === undefined) return {stdout: t.startFirst + '\n', exitCode: 0};
			if (ch.finished) return {stdout: summary(ch, ctx.session.history, locale), exitCode: 0};
			const text = currentHint(ctx.world, ch, locale);
			const world = produce(ctx.world, w => {
				w.challenge!.hintsUsed++;
			});
			return {stdout: t.hint(pointsPerHint, text) + '\n', exitCode: 0, world};
		}
		return {stdout: '', stderr: `${t.unknownSubcommand(sub)}\n${usage}`, exitCode: 2};
	},
};
