// The dashboard's own state (what is selected, sorted, being typed) as a pure reducer.
import {useReducer} from 'react';
import {filters, sortOrders, type Filter, type SortOrder} from './instructor-model.ts';

export type InstructorState = {
	/** The selected student's id: the selection follows them when the rows re-sort. */
	selected?: string;
	sort: SortOrder;
	filter: Filter;
	chapterIndex?: number; // undefined: follow the last open chapter
	mode: 'grid' | 'detail' | 'broadcast' | 'message' | 'rename' | 'timebox' | 'chapters' | 'open-count' | 'confirm-quit' | 'confirm-remove';
	draft: string; // the broadcast or message being typed
	messageTo?: string; // the student a message, a rename or a removal is about
};

export type InstructorAction =
	| {type: 'moved'; by: number; ids: string[]} // ids: the visible rows, in order
	| {type: 'moved-to-end'; last: boolean; ids: string[]}
	| {type: 'sort-cycled'}
	| {type: 'filter-cycled'}
	| {type: 'chapter-moved'; by: number; chapters: number; current: number}
	| {type: 'detail-toggled'}
	| {type: 'broadcast-started'}
	| {type: 'timebox-started'}
	| {type: 'chapters-started'}
	| {type: 'message-started'; studentId: string}
	| {type: 'rename-started'; studentId: string}
	| {type: 'remove-asked'; studentId: string}
	| {type: 'open-count-asked'}
	| {type: 'draft-typed'; text: string}
	| {type: 'draft-erased'}
	| {type: 'closed'} // Esc, or a broadcast sent
	| {type: 'quit-asked'};

export const initialInstructorState: InstructorState = {sort: 'joined', filter: 'all', mode: 'grid', draft: ''};

const cycle = <T,>(list: readonly T[], value: T) => list[(list.indexOf(value) + 1) % list.length]!;

export function instructorReducer(state: InstructorState, action: InstructorAction): InstructorState {
	switch (action.type) {
		case 'moved': {
			const at = Math.max(0, action.ids.indexOf(state.selected ?? ''));
			return {...state, selected: action.ids[Math.max(0, Math.min(action.ids.length - 1, at + action.by))]};
		}
		case 'moved-to-end':
			return {...state, selected: action.last ? action.ids.at(-1) : action.ids[0]};
		case 'sort-cycled':
			return {...state, sort: cycle(sortOrders, state.sort)};
		case 'filter-cycled':
			return {...state, filter: cycle(filters, state.filter), selected: undefined};
		case 'chapter-moved': {
			const from = state.chapterIndex ?? action.current;
			return {...state, chapterIndex: Math.max(0, Math.min(action.chapters - 1, from + action.by))};
		}
		case 'detail-toggled':
			return {...state, mode: state.mode === 'detail' ? 'grid' : 'detail'};
		case 'broadcast-started':
			return {...state, mode: 'broadcast', draft: ''};
		case 'timebox-started':
			return {...state, mode: 'timebox', draft: ''};
		case 'chapters-started':
			return {...state, mode: 'chapters', draft: ''};
		case 'message-started':
			return {...state, mode: 'message', draft: '', messageTo: action.studentId};
		case 'rename-started':
			return {...state, mode: 'rename', draft: '', messageTo: action.studentId};
		case 'remove-asked':
			return {...state, mode: 'confirm-remove', messageTo: action.studentId};
		case 'open-count-asked':
			return {...state, mode: 'open-count'};
		case 'draft-typed':
			return {...state, draft: (state.draft + action.text.replace(/[\r\n\t]/g, ' ')).slice(0, 300)};
		case 'draft-erased':
			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		case 'closed':
			return {...state, mode: 'grid', draft: '', messageTo: undefined};
		case 'quit-asked':
			return {...state, mode: 'confirm-quit'};
	}
}

export const useInstructorState = () => useReducer(instructorReducer, initialInstructorState);
