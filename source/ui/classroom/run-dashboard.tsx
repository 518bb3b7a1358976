import {render} from 'ink';
import type {AppIO, AppOptions} from '../../app/app-options.ts';
import type {ClassroomHost} from '../../classroom/host-server.ts';
import type {StuckRule} from '../../classroom/room.ts';
import {realClock} from '../clock.ts';
import {makeTheme, ThemeContext} from '../theme.tsx';
import {InstructorDashboard, type WallClock} from './instructor-dashboard.tsx';
import {messages} from '../../i18n/catalog.ts';

export const wallClock: WallClock = {...realClock, now: () => Date.now()};

/** Shows the instructor's dashboard until they quit (q, then y); resolves with the exit code. */
export async function runInstructorDashboard(host: ClassroomHost, options: AppOptions, io: AppIO, screen: {joinLines: string[]; projectorUrl?: string; sessionDir: string; resumed: boolean; stuckRule?: StuckRule}): Promise<number> {
	let quit: () => void = () => {};
	const quitted = new Promise<void>(resolve => (quit = resolve));
	const app = render(
		<ThemeContext.Provider value={makeTheme(options.color)}>
			<InstructorDashboard host={host} joinLines={screen.joinLines} projectorUrl={screen.projectorUrl} sessionDir={screen.sessionDir} clock={wallClock} onQuit={() => quit()} locale={options.lang} stuckRule={screen.stuckRule} />
		</ThemeContext.Provider>,
		{stdout: io.stdout as NodeJS.WriteStream, stdin: io.stdin as NodeJS.ReadStream, exitOnCtrlC: false},
	);
	io.onSignal(() => quit());
	await quitted;
	app.unmount();
	await app.waitUntilExit().catch(() => {});
	io.stdout.write(messages(options.lang).hostCommand.sessionKept(screen.sessionDir) + '\n');
	return 0;
}
