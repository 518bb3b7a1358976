import type {WorldCache} from '../node/world-cache.ts';
import type {HostDisk} from '../shell/types.ts';
import type {Locale} from '../i18n/locale.ts';
import type {PendingSavesRegistry} from '../lessons/progress/pending-saves.ts';

/** Everything the command line decided, handed to the flows in source/app. */
export type AppOptions = {
	lang: Locale;
	plain: boolean; // no boxes, no alternate screen, one line per event
	lessonsDir?: string; // an instructor's own lesson pack
	color: boolean; // false under NO_COLOR
	interactiveInput: boolean; // stdin is a terminal (a person typing, not a script)
	configDir?: string; // where progress lives; default: the OS's config folder
	disk: HostDisk; // the learner's real disk, relative to where the tutor started
	version: string;
	worldCache?: WorldCache; // only in the bundle: in development the engine's source changes under it
};

/** The process streams, so flows and tests never touch `process` directly. */
export type AppIO = {
	stdin: NodeJS.ReadableStream;
	stdout: NodeJS.WritableStream & {columns?: number; rows?: number; isTTY?: boolean};
	stderr: NodeJS.WritableStream;
	/** Called on SIGINT/SIGTERM so flows can save before the process ends; returns a function that removes the handler. */
	onSignal(handler: (signal: 'SIGINT' | 'SIGTERM') => void): () => void;
	/** Ends the process (after a signal, once progress is saved). */
	exit(code: number): never;
	/** The runner's saves to finish before it exits (cli.tsx makes one); the progress stores opened for it join. */
	pendingSaves?: PendingSavesRegistry;
};
