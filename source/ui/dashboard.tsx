// The full-screen dashboard: lesson, live cluster pane, shell, status bar. It subscribes to the
// tutor controller (an external store) and holds only screen state of its own.
import {Box, useApp, useWindowSize} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import type {Locale} from '../i18n/locale.ts';
import type {TutorController} from '../app/tutor-controller.ts';
import type {Clock} from './clock.ts';
import {dashboardReducer, initialDashboard} from './dashboard-state.ts';
import {KeysOverlay} from './keys-overlay.tsx';
import {computeLayout} from './layout.ts';
import {MessageOverlay} from './message-overlay.tsx';
import {LessonPane} from './lesson/lesson-pane.tsx';
import {ChapterMenuView} from './menu/chapter-menu.tsx';
import {useChapterMenu, type ChapterSwitch} from './menu/use-chapter-menu.ts';
import {ClusterPane} from './pane/cluster-pane.tsx';
import {usePaneModel} from './pane/use-pane-model.ts';
import {initialPrompt, promptReducer} from './prompt/prompt-state.ts';
import {usePromptActions, type Completer, type EditorOpener} from './prompt/use-prompt-actions.ts';
import {ShellRegion} from './shell/shell-region.tsx';
import {lastRunHeight} from './shell/shell-lines.ts';
import {noticeOnOwnLine, StatusBar} from './status-bar.tsx';
import {Providers} from './providers.tsx';
import {makeTheme} from './theme.tsx';
import {TooSmall} from './too-small.tsx';
import {useCelebration} from './use-celebration.ts';
import {useDashboardKeys} from './use-dashboard-keys.ts';
import {useLessonReveal} from './use-lesson-reveal.ts';
import {useRefReducer} from './use-ref-reducer.ts';
import {useVirtualTime} from './use-virtual-time.ts';
import {messages} from '../i18n/catalog.ts';

export type {ChapterSwitch, Completer, EditorOpener};

export type DashboardProps = {
	controller: TutorController;
	clock: Clock;
	title: string;
	color: boolean;
	locale?: Locale;
	complete?: Completer;
	chapters?: ChapterSwitch;
	/** Opens the learner's editor on a file (`edit FILE`); the dashboard hands it the terminal meanwhile. */
	openEditor?: EditorOpener;
	onQuit?: () => void;
	/** Fixed size for tests and benchmarks; otherwise the terminal's. */
	size?: {columns: number; rows: number};
};

export function Dashboard({controller, clock, title, color, locale = 'en', complete, openEditor, onQuit, size, chapters}: DashboardProps) {
	const text = messages(locale).ui;
	const app = useApp();
	const windowSize = useWindowSize();
	const {columns, rows} = size ?? windowSize;
	const snapshot = useSyncExternalStore(controller.subscribe, controller.snapshot);
	const theme = useMemo(() => makeTheme(color), [color]);
	const [ui, dispatch, uiRef] = useRefReducer(dashboardReducer, initialDashboard);
	const [prompt, editPrompt, promptRef] = useRefReducer(promptReducer, initialPrompt());
	useVirtualTime(controller, clock);

	const lessonMax = useLessonReveal(snapshot.lesson, dispatch);
	const {menu, actions: chapterMenu} = useChapterMenu(chapters, dispatch);
	const cheer = useCelebration(snapshot.lesson, clock);

	const quit = useCallback(() => {
		onQuit?.();
		app.exit();
	}, [app, onQuit]);
	useEffect(() => {
		if (snapshot.exitRequested) quit();
	}, [snapshot.exitRequested, quit]);

	const lines = prompt.value.split('\n').length;
	const lastRun = useMemo(() => lastRunHeight(snapshot.output, columns), [snapshot.output, columns]);
	// The ✓ lines of steps passed since (quizzes answered one after another) are not an output being read.
	const lastOutput = useMemo(() => lastRunHeight(snapshot.output, columns, {commandOutputOnly: true}), [snapshot.output, columns]);
	const focus = ui.altPending ? 'Alt' : ui.focus;
	const noticeLine = noticeOnOwnLine(snapshot, title, focus, columns, text, cheer);
	const statusLines = noticeLine ? 2 : 1;
	const usual = computeLayout(columns, rows, {hasLesson: Boolean(snapshot.lesson), promptLines: lines, statusLines});
	// A long output being read gets more of the screen (the lesson gives way until a short one follows).
	const readingOutput = usual.fits && (ui.outputScroll > 0 || lastOutput > usual.shell.height - 1 - lines);
	const layout = readingOutput ? computeLayout(columns, rows, {hasLesson: Boolean(snapshot.lesson), promptLines: lines, readingOutput, statusLines}) : usual;
	const frame = snapshot.shell.session.frames[snapshot.shell.session.frames.length - 1]!;
	const paneWidth = layout.fits ? layout.pane.width - (layout.lesson ? 1 : 0) : 0;
	const paneHeight = layout.fits ? layout.pane.height : 0;
	// The selection is an index into the objects the pane listed last time (its ids shift as the world changes).
	const listed = useRef<string[]>([]);
	const selectedId = ui.focus === 'pane' || ui.xray ? listed.current[Math.min(ui.selection, listed.current.length - 1)] : undefined;
	const model = usePaneModel(snapshot.world, snapshot.paneDepth, frame.host, paneWidth, paneHeight, theme, text.pane, selectedId);
	listed.current = model.selectable;

	const {submit, paste, cancel, endInput, completeWord, candidates} = usePromptActions({controller, promptRef, editPrompt, dispatch, complete, openEditor, suspendTerminal: app.suspendTerminal, text});

	useDashboardKeys({
		controller,
		// Live, not this render's: keys can arrive faster than frames (Alt-f twice is 20x).
		get snapshot() {
			return controller.snapshot();
		},
		get ui() {
			return uiRef.current;
		},
		dispatch,
		get prompt() {
			return promptRef.current;
		},
		editPrompt,
		submit,
		paste,
		cancelLine: cancel,
		interrupt: () => void controller.interrupt(),
		endInput,
		complete: completeWord,
		quit,
		selectable: model.selectable,
		chapterMenu,
		lessonPage: layout.fits && layout.lesson ? Math.max(1, layout.lesson.height - 3) : 10,
		get lessonMax() {
			return lessonMax.current;
		},
		outputPage: layout.fits ? Math.max(1, layout.shell.height - 3) : 5,
	});

	if (!layout.fits)
		return (
			<Providers theme={theme} text={text}>
				<TooSmall columns={columns} rows={rows} />
			</Providers>
		);
	return (
		<Providers theme={theme} text={text}>
			<Box flexDirection="column" width={columns} height={rows}>
				{ui.keysShown ? (
					<KeysOverlay width={columns} height={rows - statusLines} />
				) : ui.menuShown && menu ? (
					<ChapterMenuView menu={menu} selection={ui.menuSelection} width={columns} height={rows - statusLines} />
				) : (
					<>
						{snapshot.overlay ? (
							<MessageOverlay message={snapshot.overlay} width={columns} height={layout.pane.height} />
						) : (
							<Box flexDirection="row" height={layout.pane.height}>
								{layout.lesson && snapshot.lesson ? (
									<>
										<LessonPane view={snapshot.lesson} width={layout.lesson.width} height={layout.lesson.height} scroll={ui.lessonScroll} focused={ui.focus === 'lesson'} promptEmpty={prompt.value === ''} onMeasure={max => (lessonMax.current = max)} />
										<Box borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderDimColor height={layout.pane.height} width={1} />
									</>
								) : null}
								<ClusterPane
									world={snapshot.world}
									model={model}
									depth={snapshot.paneDepth}
									hostName={frame.host}
									width={paneWidth}
									height={layout.pane.height}
									focused={ui.focus === 'pane'}
									selectedId={selectedId}
									xray={ui.xray}
									xrayScroll={ui.xrayScroll}
									clock={clock}
								/>
							</Box>
						)}
						<ShellRegion
							output={snapshot.output}
							prompt={snapshot.prompt}
							value={prompt.value}
							cursor={prompt.cursor}
							cut={prompt.cut}
							width={columns}
							height={layout.shell.height}
							scroll={ui.outputScroll}
							focused={ui.focus === 'prompt'}
							completions={candidates}
							lastRun={lastRun}
						/>
					</>
				)}
				<StatusBar snapshot={snapshot} title={title} focus={focus} width={columns} cheer={cheer} noticeLine={noticeLine} />
			</Box>
		</Providers>
	);
}
