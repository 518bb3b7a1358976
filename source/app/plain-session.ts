// Plain mode: no boxes, no alternate screen. Commands come line by line from stdin, each
// command's output is printed, and every change in the world becomes one line.
import {eventsSince} from '../engine/events.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {chunksOf} from '../shell/output-chunks.ts';
import {eventLine} from './event-lines.ts';
import {commandEntries} from './line-reader.ts';
import {visibleText} from './visible-text.ts';
import type {TutorController} from './tutor-controller.ts';

export type PlainHooks = {
	/** Printed once before the first prompt (a lesson's first step, a banner). */
	intro?: () => string;
	/** Printed after each command (a passed step, the next step's text). */
	afterCommand?: () => string;
	/** Lines typed that the plain session handles itself (e.g. `hint`, `check`, quiz answers); return printed text or undefined. */
	interceptLine?: (line: string) => string | undefined;
	/** Printed at the end of input. */
	outro?: () => string;
	/** True when the flow is finished and the session should stop reading. */
	finished?: () => boolean;
	/** Something else advances the virtual clock in real time (the API endpoint's clock): input does not. */
	clockRunsElsewhere?: boolean;
};

export async function runPlainSession(controller: TutorController, options: AppOptions, io: AppIO, hooks: PlainHooks = {}): Promise<number> {
	const write = (text: string) => {
		if (text) io.stdout.write(text.endsWith('\n') ? text : text + '\n');
	};
	let lastEvent = controller.snapshot().world.eventSeq;
	let lastInputAt = performance.now();
	let exitCode = 0;
	write(hooks.intro?.() ?? '');
	const stopListening = io.onSignal(() => {
		controller.flush();
		io.stdout.write('\n');
		io.exit(130);
	});
	if (options.interactiveInput) io.stdout.write(controller.snapshot().prompt);
	for await (const entry of commandEntries(io.stdin)) {
		if (options.interactiveInput && !hooks.clockRunsElsewhere) {
			// A person typing: the simulated cluster kept running while they thought.
			const now = performance.now();
			controller.advance(now - lastInputAt);
			lastInputAt = now;
		} else if (entry.trim()) {
			write(controller.snapshot().prompt + visibleText(entry));
		}
		const intercepted = hooks.interceptLine?.(entry.trim());
		if (intercepted !== undefined) write(intercepted);
		else if (entry.trim()) {
			const result = controller.submit(entry);
			exitCode = result.exitCode;
			for (const chunk of chunksOf(result)) write(visibleText(chunk.text));
			// No Ctrl-C here: a command that keeps printing (kubectl get -w) runs for a bounded while.
			write(visibleText(controller.settleFollow()));
		}
		const world = controller.snapshot().world;
		for (const event of eventsSince(world, lastEvent)) write(visibleText(eventLine(event)));
		lastEvent = world.eventSeq;
		write(hooks.afterCommand?.() ?? '');
		if (controller.snapshot().exitRequested || hooks.finished?.()) break;
		if (options.interactiveInput) io.stdout.write(controller.snapshot().prompt);
	}
	write(hooks.outro?.() ?? '');
	controller.flush();
	stopListening();
	return exitCode;
}
