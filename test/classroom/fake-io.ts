// A fake terminal for the classroom commands (plain mode): input in, output collected, Ctrl-C on demand.
import {PassThrough, Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import type {AppIO, AppOptions} from '../../source/app/app-options.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

export const packDir = fileURLToPath(new URL('./fixtures/pack', import.meta.url));

export function fakeIO(input: string | PassThrough): {io: AppIO; out: () => string; err: () => string; interrupt(): void} {
	const handlers: ((signal: 'SIGINT') => void)[] = [];
	let out = '';
	let err = '';
	const stdout = new PassThrough();
	stdout.on('data', chunk => (out += chunk));
	const stderr = new PassThrough();
	stderr.on('data', chunk => (err += chunk));
	const io: AppIO = {
		stdin: typeof input === 'string' ? Readable.from([input]) : input,
		stdout,
		stderr,
		onSignal: handler => (handlers.push(handler), () => handlers.splice(handlers.indexOf(handler), 1)),
		exit: code => {
			throw new Error(`exit ${code}`);
		},
	};
	return {io, out: () => out, err: () => err, interrupt() {
			// Every handler hears the signal; a plain session's one "exits" (throws here), the join's one stops waiting.
			for (const handler of handlers) {
				try {
					handler('SIGINT');
				} catch {}
			}
		}};
}

/** A promise, or a failure after `ms`: no test waits forever. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export const options = (home: string): AppOptions => ({lang: 'en', plain: true, color: false, interactiveInput: false, configDir: home, disk: memoryDisk(), version: 'test', lessonsDir: packDir});

