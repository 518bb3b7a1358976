// What a stream sends as the world changes after the first answer: new log lines (logs -f, an
// attached `docker run`), the wait result when the container stops, the next events.
import type {Container} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import type {Continuation} from './docker-types.ts';
import type {eventMessages as EventMessages} from './events.ts';
import {framed} from './stream-frames.ts';

export type Sink = {write(chunk: Buffer | string): void; end(): void; onClose(stop: () => void): void};

const byId = (world: World, host: string, id: string): Container | undefined => world.dockers.get(host)?.containers.get(id);
const stopped = (c: Container) => c.state !== 'running' && c.state !== 'restarting' && c.state !== 'paused';

/** A step function: called after every change of the world, it writes what is new and says whether the stream is done. */
/** The exit code the world's events last gave a container that is gone (docker run --rm). */
function lastExitCode(world: World, name: string): number | undefined {
	for (let i = world.events.length - 1; i >= 0; i--) {
		const e = world.events[i]!;
		if (e.object !== `container/${name}`) continue;
		const code = e.message.match(/(?:exited with code|exit code) (\d+)/)?.[1];
		if (code !== undefined) return Number(code);
	}
	return undefined;
}

export function streamedContinuation(continuation: Continuation, host: string, world: () => World, offset: () => number, events: typeof EventMessages, startOutput: (container: string) => string | undefined = () => undefined): (sink: Sink) => 'more' | 'done' {
	switch (continuation.kind) {
		case 'logs':
		case 'attach': {
			let sent = continuation.sent;
			const startedAt = continuation.kind === 'attach' ? continuation.startedAt : undefined;
			let lastLogs: string[] = [];
			return sink => {
				const c = byId(world(), host, continuation.container);
				const logs = c?.logs ?? lastLogs;
				lastLogs = logs;
				if (logs.length < sent) sent = 0; // a restart began a new log
				for (const line of logs.slice(sent)) sink.write(framed(1, line + '\n', continuation.tty));
				sent = logs.length;
				if (!c) {
					// Removed as it exited (--rm): what its start printed is all there was.
					const output = continuation.kind === 'attach' ? startOutput(continuation.container) : undefined;
					if (output) sink.write(framed(1, output, continuation.tty));
					return 'done';
				}
				// An attach made before start waits for the start; logs -f ends when the container stops.
				if (continuation.kind === 'attach' && c.startedAt === startedAt && c.state === 'created') return 'more';
				return stopped(c) ? 'done' : 'more';
			};
		}
		case 'wait': {
			let lastExit = 0;
			let seenStartedAt = continuation.startedAt;
			let ran = false;
			return sink => {
				const c = byId(world(), host, continuation.container);
				if (c) {
					lastExit = c.exitCode;
					if (c.startedAt !== seenStartedAt) {
						ran = true;
						seenStartedAt = c.startedAt;
					}
				}
				const answer = () => {
					sink.write(JSON.stringify({StatusCode: lastExit, Error: null}) + '\n');
					return 'done' as const;
				};
				if (!c) {
					lastExit = lastExitCode(world(), continuation.name) ?? lastExit;
					return answer();
				}
				if (continuation.condition === 'removed') return 'more';
				if (continuation.condition === 'next-exit' && !ran) return 'more';
				return stopped(c) && c.state !== 'created' ? answer() : 'more';
			};
		}
		case 'events': {
			let after = continuation.afterSeq;
			return sink => {
				const now = world();
				const found = events(now, host, after, continuation.filters, offset(), continuation.untilMs);
				after = found.lastSeq;
				for (const message of found.messages) sink.write(JSON.stringify(message) + '\n');
				return continuation.untilMs !== undefined && Date.now() >= continuation.untilMs ? 'done' : 'more';
			};
		}
		case 'exec':
			return () => 'done';
	}
}
