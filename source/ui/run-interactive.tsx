// The interactive tutor: the dashboard on the terminal's alternate screen, until the learner
// quits; the terminal is restored and progress saved on every way out.
import {render} from 'ink';
import type {AppIO, AppOptions} from '../app/app-options.ts';
import type {TutorController} from '../app/tutor-controller.ts';
import {allCommands} from '../shell/all-commands.ts';
import {complete} from '../shell/completion.ts';
import {runEditor} from '../node/editor.ts';
import {realClock} from './clock.ts';
import {Dashboard} from './dashboard.tsx';

/** Renders the full-screen dashboard until the learner quits; resolves with the exit code. */
export async function runInteractive(controller: TutorController, options: AppOptions, io: AppIO, screen: {title: string}): Promise<number> {
	const commands = allCommands();
	const app = render(
		<Dashboard
			controller={controller}
			clock={realClock}
			title={screen.title}
			color={options.color}
			complete={(line, cursor, shell) => complete(line, cursor, {commands, state: shell})}
			openEditor={path => runEditor(options.disk.displayPath?.(path) ?? path)}
		/>,
		{
			stdout: io.stdout,
			stdin: io.stdin,
			stderr: io.stderr,
			alternateScreen: true,
			incrementalRendering: true,
			exitOnCtrlC: false, // Ctrl-C quits through the dashboard, which saves first
			patchConsole: true,
			maxFps: 30,
		},
	);
	io.onSignal(() => {
		app.unmount();
		controller.flush();
		io.exit(130);
	});
	try {
		await app.waitUntilExit();
	} finally {
		controller.flush();
	}
	return 0;
}
