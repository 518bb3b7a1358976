// The full-screen dashboard: lesson, live cluster pane, shell, status bar. It subscribes to the
// tutor controller (an external store) and holds only screen state of its own.
import {Box, useApp, useWindowSize} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {TutorController} from '../app/tutor-controller.ts';
import type {ShellState} from '../shell/types.ts';
import type {Clock} from './clock.ts';
import {dashboardReducer, initialDashboard} from './dashboard-state.ts';
import {KeysOverlay} from './keys-overlay.tsx';
import {computeLayout} from './layout.ts';
import {LessonPane} from './lesson/lesson-pane.tsx';
import {ChapterMenuView} from './menu/chapter-menu.tsx';
import type {ChapterMenu} from '../lessons/chapter-menu.ts';
import {ClusterPane} from './pane/cluster-pane.tsx';
import {usePaneModel} from './pane/use-pane-model.ts';
import {initialPrompt, lineToRun, needsMoreLines, promptReducer} from './prompt/prompt-state.ts';
import {ShellRegion} from './shell/shell-region.tsx';
import {StatusBar} from './status-bar.tsx';
import {makeTheme, ThemeContext} from './theme.tsx';
import {uiText, UiTextContext} from './ui-text.ts';
import type {Locale} from '../app/app-options.ts';
import {TooSmall} from './too-small.tsx';
import {useDashboardKeys} from './use-dashboard-keys.ts';
import {useRefReducer} from './use-ref-reducer.ts';
import {useVirtualTime} from './use-virtual-time.ts';

/** How long a passed step's message stays in the status bar. */
export const celebrationMs = 4000;

export type Completer = (line: string, cursor: number, shell: ShellState) => {value: string; cursor: number; candidates: string[]};

/** What the dashboard needs to offer the chapter menu: the list with progress, and a way to open one. */
export type ChapterSwitch = {menu(): ChapterMenu; current: string; open(chapterId: string): void};

export type DashboardProps = {
	controller: TutorController;
	clock: Clock;
	title: string;
	color: boolean;
	locale?: Locale;
	complete?: Completer;
	chapters?: ChapterSwitch;
	/** Opens the learner's editor on a file (`edit FILE`); the dashboard hands it the terminal meanwhile. */
	openEditor?: (path: string) => {ok: true} | {ok: false; error: string};
	onQuit?: () => void;
	/** Fixed size for tests and benchmarks; otherwise the terminal's. */
	size?: {columns: number; rows: number};
};

export function Dashboard({controller, clock, title, color, locale = 'en', complete, openEditor, onQuit, size, chapters}: DashboardProps) {
	const text = uiText(locale);
	const app = useApp();
	const windowSize = useWindowSize();
	const {columns, rows} = size ?? windowSize;
	const snapshot = useSyncExternalStore(controller.subscribe, controller.snapshot);
	const theme = useMemo(() => makeTheme(color), [color]);
	const [ui, dispatch, uiRef] = useRefReducer(dashboardReducer, initialDashboard);
	const [prompt, editPrompt, promptRef] = useRefReducer(promptReducer, initialPrompt());
	const [candidates, setCandidates] = useState<string[]>([]);
	useVirtualTime(controller, clock);

	// When the lesson reveals something (a hint, the solution, a quiz answer, a pass), scroll to it;
	// a new step starts at the top.
	const lessonMax = useRef(0);
	const lesson = snapshot.lesson;
	const revealed = lesson ? `${lesson.hintsShown.length}|${lesson.solutionShown?.length ?? 0}|${lesson.quiz?.answered?.key ?? ''}|${lesson.passed}|${lesson.pendingConfirm ?? ''}` : '';
	const stepKey = lesson ? `${lesson.chapterId}/${lesson.stepId}` : '';
	const seen = useRef({stepKey, revealed});
	useEffect(() => {
		if (seen.current.stepKey !== stepKey) dispatch({type: 'lesson-scroll-reset'});
		else if (seen.current.revealed !== revealed) dispatch({type: 'lesson-scrolled', by: lessonMax.current, max: lessonMax.current});
		seen.current = {stepKey, revealed};
	}, [stepKey, revealed, dispatch]);

	const [menu, setMenu] = useState<ChapterMenu | null>(null);
	const chapterMenu = useMemo(
		() =>
			chapters && {
				get count() {
					return menu?.chapters.length ?? 0;
				},
				open() {
					const fresh = chapters.menu();
					setMenu(fresh);
					dispatch({type: 'menu-opened', selection: Math.max(0, fresh.chapters.findIndex(c => c.id === chapters.current))});
				},
				choose(index: number) {
					const entry = menu?.chapters[index];
					if (entry && entry.id !== chapters.current) chapters.open(entry.id);
				},
			},
		[chapters, menu, dispatch],
	);

	// A passed step's celebration shows in the status bar for a moment.
	const [cheer, setCheer] = useState<string | undefined>(undefined);
	const celebratedAt = useRef(lesson?.celebration?.at);
	useEffect(() => {
		const celebration = lesson?.celebration;
		if (!celebration || celebration.at === celebratedAt.current) return;
		celebratedAt.current = celebration.at;
		setCheer(celebration.message);
		return clock.after(celebrationMs, () => setCheer(undefined));
	}, [lesson?.celebration, clock]);

	const quit = useCallback(() => {
		onQuit?.();
		app.exit();
	}, [app, onQuit]);
	useEffect(() => {
		if (snapshot.exitRequested) quit();
	}, [snapshot.exitRequested, quit]);

	const lines = prompt.value.split('\n').length;
	const layout = computeLayout(columns, rows, {hasLesson: Boolean(snapshot.lesson), promptLines: lines});
	const frame = snapshot.shell.session.frames[snapshot.shell.session.frames.length - 1]!;
	const paneWidth = layout.fits ? layout.pane.width - (layout.lesson ? 1 : 0) : 0;
	const paneHeight = layout.fits ? layout.pane.height : 0;
	// The selection is an index into the objects the pane listed last time (its ids shift as the world changes).
	const listed = useRef<string[]>([]);
	const selectedId = ui.focus === 'pane' || ui.xray ? listed.current[Math.min(ui.selection, listed.current.length - 1)] : undefined;
	const model = usePaneModel(snapshot.world, snapshot.paneDepth, frame.host, paneWidth, paneHeight, theme, selectedId);
	listed.current = model.selectable;

	const submit = useCallback(() => {
		const value = promptRef.current.value;
		if (needsMoreLines(value)) {
			editPrompt({type: 'moved-end'});
			editPrompt({type: 'replaced', value: value + '\n'});
			return;
		}
		editPrompt({type: 'submitted'});
		setCandidates([]);
		dispatch({type: 'output-scroll-reset'});
		const result = controller.submit(lineToRun(value));
		for (const effect of result.effects) {
			if (effect.kind !== 'edit') continue;
			if (!openEditor) {
				controller.appendSystem('edit: no editor in this session');
				continue;
			}
			const path = effect.path;
			void app.suspendTerminal(() => {
				const outcome = openEditor(path);
				controller.appendSystem(outcome.ok ? text.editedBack(path) : outcome.error);
			});
		}
	}, [controller, editPrompt, dispatch, promptRef, openEditor, app, text]);

	const completeNow = useCallback(() => {
		if (!complete) return;
		const {value, cursor} = promptRef.current;
		const result = complete(value, cursor, controller.snapshot().shell);
		editPrompt({type: 'replaced', value: result.value, cursor: result.cursor});
		setCandidates(result.candidates);
	}, [complete, controller, editPrompt, promptRef]);

	useEffect(() => {
		if (candidates.length) setCandidates([]);
		// Candidates belong to the word they completed: any edit hides them.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [prompt.value.length > 0 ? prompt.value.slice(0, prompt.cursor).split(' ').length : 0]);

	useDashboardKeys({
		controller,
		snapshot,
		get ui() {
			return uiRef.current;
		},
		dispatch,
		get prompt() {
			return promptRef.current;
		},
		editPrompt,
		submit,
		complete: completeNow,
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
			<UiTextContext.Provider value={text}>
				<TooSmall columns={columns} rows={rows} />
			</UiTextContext.Provider>
		);
	return (
		<UiTextContext.Provider value={text}>
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns} height={rows}>
				{ui.keysShown ? (
					<KeysOverlay width={columns} height={rows - 1} />
				) : ui.menuShown && menu ? (
					<ChapterMenuView menu={menu} selection={ui.menuSelection} width={columns} height={rows - 1} />
				) : (
					<>
						<Box flexDirection="row" height={layout.pane.height}>
							{layout.lesson && snapshot.lesson ? (
								<>
									<LessonPane view={snapshot.lesson} width={layout.lesson.width} height={layout.lesson.height} scroll={ui.lessonScroll} focused={ui.focus === 'lesson'} onMeasure={max => (lessonMax.current = max)} />
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
						<ShellRegion
							output={snapshot.output}
							prompt={snapshot.prompt}
							value={prompt.value}
							cursor={prompt.cursor}
							width={columns}
							height={layout.shell.height}
							scroll={ui.outputScroll}
							focused={ui.focus === 'prompt'}
							completions={candidates}
						/>
					</>
				)}
				<StatusBar snapshot={snapshot} title={title} focus={ui.altPending ? 'Alt' : ui.focus} width={columns} cheer={cheer} />
			</Box>
		</ThemeContext.Provider>
		</UiTextContext.Provider>
	);
}
