// The final challenge as plain data inside the world: the seeded incidents, the availability
// measured every second of virtual time, and the timeline the summary screen tells.

export type IncidentKind = 'node-failure' | 'bad-rollout' | 'overcommit' | 'drain';

export type Incident = {
	kind: IncidentKind;
	atMs: number; // virtual ms after the start of the game
	target: string; // the node that fails, the mistyped image, or the greedy deployment
	fired: boolean;
};

export type TimelineEntry = {
	atMs: number; // virtual ms after the start
	kind: 'start' | 'incident' | 'serving' | 'end';
	text: string;
	serving?: number; // replicas serving from this moment on (kind 'serving')
};

export type ChallengeApp = {
	namespace: string;
	deployment: string; // the Deployment that runs the app
	selector: Record<string, string>;
	desired: number; // replicas that count as full availability
	image: string; // the right image
};

export type ChallengeState = {
	seed: number;
	app: ChallengeApp;
	durationMs: number;
	startedAt?: number; // world time when the learner typed `challenge start`
	historyStart: number; // shell history length at the start: commands after it count
	hintsUsed: number; // `challenge hint` asked for
	incidents: Incident[];
	servedMs: number; // sum over time of (serving replicas / desired), in ms
	sampledMs: number;
	serving: number; // replicas serving at the last sample
	timeline: TimelineEntry[];
	finished: boolean;
};
