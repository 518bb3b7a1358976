import {render, type RenderOptions} from 'ink';
import type {AppIO, AppOptions} from '../../app/app-options.ts';
import type {ClassroomHost} from '../../classroom/host-server.ts';
import type {StuckRule} from '../../classroom/room.ts';
import {realClock} from '../clock.ts';
import {makeTheme, ThemeContext} from '../theme.tsx';
import {InstructorDashboard, type WallClock} from './instructor-dashboard.tsx';
import {messages} from '../../i18n/catalog.ts';

export const wallClock: WallClock = {...realClock, now: () => Date.now()};

/**
 * How Ink draws the dashboard; the classroom bench draws it with the same options. A busy room is
 * already held to one frame per redraw window (instructor-dashboard.tsx). Ink's own 30 fps throttle
 * on top of that held back about every other frame by up to one more window (its timer restarts
 * when a frame comes early), so it is set high enough to hold none back. Only changed lines are
 * written: a student's event changes one row of the 140x40 frame.
 */
export const dashboardRenderOptions = {exitOnCtrlC: false, maxFps: 1000, incrementalRendering: true} satisfies RenderOptions;

/** Shows the instructor's dashboard until they quit (q, then y); resolves with the exit code. */
export async function runInstructorDashboard(host: ClassroomHost, options: AppOptions, io: AppIO, screen: {joinLines: string[]; projectorUrl?: string; sessionDir: string; resumed: boolean; stuckRule?: StuckRule}): Promise<number> {
	let quit: () => void = () => {};
	const quitted = new Promise<void>(resolve => (quit = resolve));
	const app = render(
		<ThemeContext.Provider value={makeTheme(options.color)}>
			<InstructorDashboard host={host} joinLines={screen.joinLines} projectorUrl={screen.projectorUrl} sessionDir={screen.sessionDir} clock={wallClock} onQuit={() => quit()} locale={options.lang} stuckRule={screen.stuckRule} />
		</ThemeContext.Provider>,
		{...dashboardRenderOptions, stdout: io.stdout as NodeJS.WriteStream, stdin: io.stdin as NodeJS.ReadStream},
	);
	io.onSignal(() => quit());
	await quitted;
	app.unmount();
	await app.waitUntilExit().catch(() => {});
	io.stdout.write(messages(options.lang).hostCommand.sessionKept(screen.sessionDir) + '\n');
	return 0;
}
