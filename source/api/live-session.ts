// The one hook between outside clients (the Kubernetes API endpoint; later a Docker Engine
// endpoint) and the tutor's live session: read the world, hand back a changed world and the
// command it stands for, hear about changes. Built from the tutor controller by the composition
// root (app/), so nothing here reaches a session through a module-level singleton.
import type {World} from '../engine/world.ts';

export type LiveWorld = {
	world(): World;
	/** An outside client's request: its new world (if it changed one) and the equivalent command line for lesson checks. */
	commit(change: {world?: World; line?: string; exitCode?: number}): void;
	/** Called after every change of the session (a typed command, time passing, an outside request). */
	subscribe(listener: () => void): () => void;
	/**
	 * Runs a tutor command line (the built-in `kubectl exec ...`) for an outside client; its world is kept and the line recorded.
	 * Without `session` it runs in the learner's login shell; a line that leaves a shell open (`kubectl exec -it POD -- sh`)
	 * answers with that shell's session, and the next lines of that client run in it until it exits.
	 */
	run(line: string, session?: OutsideSession): OutsideRun;
};

/** A shell an outside client holds open (an interactive kubectl exec): opaque outside the live session. */
export type OutsideSession = {readonly outsideShell: unknown};

export type OutsideRun = {stdout: string; stderr: string; exitCode: number; /** the shell is still open: its session and prompt */ open?: {session: OutsideSession; prompt: string}};

/** What the hook needs of the tutor controller (app/tutor-controller.ts), so tests can pass a plain object. */
export type LiveController = {
	snapshot(): {world: World};
	subscribe(listener: () => void): () => void;
	applyOutside(change: {world?: World; line?: string; exitCode?: number}): void;
	runOutside(line: string, session?: OutsideSession): OutsideRun;
};

export function liveWorldOf(controller: LiveController): LiveWorld {
	return {
		world: () => controller.snapshot().world,
		commit: change => controller.applyOutside(change),
		subscribe: listener => controller.subscribe(listener),
		run: (line, session) => controller.runOutside(line, session),
	};
}

/** How a standalone world runs a command line: the caller brings the shell (see shell-runner.ts). */
export type LineRunner = (world: World, line: string, session?: OutsideSession) => OutsideRun & {world: World};

/** A live world with no tutor around it (tests, benchmarks): a variable and its listeners. */
export function standaloneWorld(initial: World, onCommit?: (line: string | undefined) => void, runner?: LineRunner): LiveWorld & {set(world: World): void} {
	let current = initial;
	const listeners = new Set<() => void>();
	const tell = () => {
		for (const listener of listeners) listener();
	};
	return {
		world: () => current,
		commit(change) {
			if (change.world) current = change.world;
			onCommit?.(change.line);
			tell();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(world) {
			current = world;
			tell();
		},
		run(line, session) {
			if (!runner) return {stdout: '', stderr: '[simulator] this world runs no commands\n', exitCode: 1};
			const {world, ...result} = runner(current, line, session);
			current = world;
			onCommit?.(line);
			tell();
			return result;
		},
	};
}

/** A controller that can be swapped (the learner opens another chapter) while outside clients stay connected. */
export function switchableController(initial: LiveController): LiveController & {switchTo(next: LiveController): void} {
	let current = initial;
	const listeners = new Set<() => void>();
	const tell = () => {
		for (const listener of listeners) listener();
	};
	let unsubscribe = current.subscribe(tell);
	return {
		snapshot: () => current.snapshot(),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		applyOutside: change => current.applyOutside(change),
		runOutside: (line, session) => current.runOutside(line, session),
		switchTo(next) {
			unsubscribe();
			current = next;
			unsubscribe = current.subscribe(tell);
			tell();
		},
	};
}
