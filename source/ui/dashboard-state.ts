// What the dashboard itself remembers (not the world, not the lesson): focus, overlay, scroll
// positions, the pane's selection. A pure reducer; use-dashboard-keys.ts maps keys to it.
import type {PaneDepth} from '../app/lesson-view.ts';

export type Focus = 'prompt' | 'lesson' | 'pane';

export type DashboardState = {
	focus: Focus;
	keysShown: boolean;
	menuShown: boolean;
	menuSelection: number;
	lessonScroll: number; // first lesson line shown
	outputScroll: number; // lines scrolled up from the newest output
	selection: number; // index into the pane's selectable objects
	xray: string | null; // id of the object whose x-ray is open
	xrayScroll: number;
	altPending: boolean; // Esc was pressed: the next key acts as Alt-key
};

export type DashboardAction =
	| {type: 'focus-cycled'; hasLesson: boolean}
	| {type: 'focused'; focus: Focus}
	| {type: 'keys-toggled'}
	| {type: 'menu-opened'; selection: number}
	| {type: 'menu-closed'}
	| {type: 'menu-moved'; by: number; count: number}
	| {type: 'lesson-scrolled'; by: number; max: number}
	| {type: 'lesson-scroll-reset'}
	| {type: 'output-scrolled'; by: number}
	| {type: 'output-scroll-reset'}
	| {type: 'selection-moved'; by: number; count: number}
	| {type: 'xray-opened'; id: string}
	| {type: 'xray-closed'}
	| {type: 'xray-scrolled'; by: number}
	| {type: 'alt-armed'}
	| {type: 'alt-used'}
	| {type: 'depth-changed'; depth: PaneDepth};

export const initialDashboard: DashboardState = {
	focus: 'prompt',
	keysShown: false,
	menuShown: false,
	menuSelection: 0,
	lessonScroll: 0,
	outputScroll: 0,
	selection: 0,
	xray: null,
	xrayScroll: 0,
	altPending: false,
};

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
	switch (action.type) {
		case 'focus-cycled': {
			const order: Focus[] = action.hasLesson ? ['prompt', 'lesson', 'pane'] : ['prompt', 'pane'];
			const next = order[(order.indexOf(state.focus) + 1) % order.length]!;
			return {...state, focus: next, altPending: false};
		}
		case 'focused':
			return {...state, focus: action.focus, altPending: false};
		case 'keys-toggled':
			return {...state, keysShown: !state.keysShown};
		case 'menu-opened':
			return {...state, menuShown: true, menuSelection: action.selection, keysShown: false};
		case 'menu-closed':
			return {...state, menuShown: false};
		case 'menu-moved':
			return {...state, menuSelection: Math.max(0, Math.min(action.count - 1, state.menuSelection + action.by))};
		case 'lesson-scrolled':
			return {...state, lessonScroll: Math.max(0, Math.min(action.max, state.lessonScroll + action.by))};
		case 'lesson-scroll-reset':
			return state.lessonScroll === 0 ? state : {...state, lessonScroll: 0};
		case 'output-scrolled':
			return {...state, outputScroll: Math.max(0, state.outputScroll + action.by)};
		case 'output-scroll-reset':
			return state.outputScroll === 0 ? state : {...state, outputScroll: 0};
		case 'selection-moved': {
			if (action.count === 0) return {...state, selection: 0};
			const selection = Math.min(action.count - 1, Math.max(0, state.selection + action.by));
			return {...state, selection};
		}
		case 'xray-opened':
			return {...state, xray: action.id, xrayScroll: 0, focus: 'pane'};
		case 'xray-closed':
			return {...state, xray: null};
		case 'xray-scrolled':
			return {...state, xrayScroll: Math.max(0, state.xrayScroll + action.by)};
		case 'alt-armed':
			return {...state, altPending: true};
		case 'alt-used':
			return state.altPending ? {...state, altPending: false} : state;
		case 'depth-changed':
			return {...state, selection: 0, xray: null};
	}
}

/** Scroll positions are clamped where they are drawn (the content's height is known only there). */
export function clampScroll(scroll: number, contentLines: number, visibleLines: number): number {
	return Math.max(0, Math.min(scroll, contentLines - visibleLines));
}
