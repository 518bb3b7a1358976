// The interactive tutor: the dashboard on the terminal's alternate screen, until the learner
// quits; the terminal is restored and progress saved on every way out.
import {render} from 'ink';
import {useState} from 'react';
import type {AppIO, AppOptions} from '../app/app-options.ts';
import type {TutorController} from '../app/tutor-controller.ts';
import type {ChapterMenu} from '../lessons/chapter-menu.ts';
import {runEditor} from '../node/editor.ts';
import {complete} from '../shell/completion.ts';
import {realClock} from './clock.ts';
import {Dashboard} from './dashboard.tsx';
import {messages} from '../i18n/catalog.ts';

export type InteractiveScreen = {
	title: string;
	/** A tutorial offers its chapter menu (Alt-m): the list with progress, and how to open another chapter. */
	chapters?: {menu(): ChapterMenu; current: string; open(chapterId: string): {controller: TutorController; title: string}};
};

/** Renders the full-screen dashboard until the learner quits; resolves with the exit code. */
export async function runInteractive(controller: TutorController, options: AppOptions, io: AppIO, screen: InteractiveScreen): Promise<number> {
	// The chapter menu can swap the controller; quitting must save the one in use.
	const active = {controller};

	function Tutor() {
		const [current, setCurrent] = useState({controller, title: screen.title, chapter: screen.chapters?.current ?? ''});
		const switcher = screen.chapters && {
			menu: screen.chapters.menu,
			current: current.chapter,
			open(chapterId: string) {
				current.controller.flush();
				const next = screen.chapters!.open(chapterId);
				active.controller = next.controller;
				setCurrent({...next, chapter: chapterId});
			},
		};
		return (
			<Dashboard
				key={current.chapter}
				controller={current.controller}
				clock={realClock}
				title={current.title}
				color={options.color}
				locale={options.lang}
				chapters={switcher}
				complete={(line, cursor, shell) => complete(line, cursor, {commands: current.controller.commands, state: shell})}
				openEditor={path => runEditor(options.disk.displayPath?.(path) ?? path)}
			/>
		);
	}

	const app = render(<Tutor />, {
		stdout: io.stdout,
		stdin: io.stdin,
		stderr: io.stderr,
		alternateScreen: true,
		incrementalRendering: true,
		exitOnCtrlC: false, // Ctrl-C quits through the dashboard, which saves first
		patchConsole: true,
		maxFps: 30,
	});
	const stopListening = io.onSignal(() => {
		app.unmount();
		active.controller.flush();
		io.exit(130);
	});
	try {
		await app.waitUntilExit();
	} finally {
		active.controller.flush();
		stopListening();
	}
	// Back on the normal screen: say that leaving lost nothing (a lesson's progress is saved).
	if (active.controller.snapshot().lesson) io.stdout.write(messages(options.lang).ui.progressSaved + '\n');
	return 0;
}
