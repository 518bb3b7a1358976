// The final challenge's words (`challenge` and the chapter's game-over screen): the briefing, the
// live status, the summary, the timeline and the hints.
import type {IncidentKind} from '../engine/challenge/challenge-types.ts';

export type ChallengeText = {
	noGame: string;
	usage: string;
	unknownArgument: (arg: string) => string;
	badSeed: (value: string) => string;
	unknownSubcommand: (sub: string) => string;
	started: (seed: number) => string;
	startFirst: string;
	hint: (points: number, text: string) => string;
	/** The briefing before a game: its lines. */
	briefing: (deployment: string, desired: number, minutes: number, perCommand: number, free: number, perHint: number) => string[];
	status: (seed: number, played: string, total: string, left: string) => string;
	servingNow: (serving: number, desired: number, availability: string) => string;
	counts: (commands: number, hints: number) => string;
	soFar: string;
	over: (seed: number) => string;
	/** The summary's row labels, padded to one width in the table. */
	rows: {availability: string; commands: string; hints: string; score: string};
	rules: (free: number, perCommand: number, perHint: number) => string[];
	won: (percent: number) => string[];
	lost: (percent: number) => string[];
	whatHappened: string;
	/** The timeline: the start, each incident, each change in serving replicas, the end. */
	gameStarts: (seed: number, serving: number, desired: number) => string;
	serving: (serving: number, desired: number) => string;
	incident: (kind: IncidentKind, target: string) => string;
	timeUp: (availability: string) => string;
	noWins: string;
	highScoreHeader: string;
	highScoreRow: (rank: string, score: string, seed: string, served: string) => string;
	hints: {
		badImage: (deployment: string, image: string) => string;
		deadNode: (node: string) => string;
		overcommit: (batch: string) => string;
		cordoned: (node: string) => string;
		pending: string;
		fewer: (desired: number) => string;
		allServe: (desired: number) => string;
	};
};
