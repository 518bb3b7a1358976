// The dashboard's own state (what is selected, sorted, being typed) as a pure reducer.
import {useReducer} from 'react';
import {filters, sortOrders, type Filter, type SortOrder} from './instructor-model.ts';

export type InstructorState = {
	selected: number; // index into the visible rows
	sort: SortOrder;
	filter: Filter;
	chapterIndex?: number; // undefined: follow the last open chapter
	mode: 'grid' | 'detail' | 'broadcast' | 'open-count' | 'confirm-quit';
	draft: string; // the broadcast being typed
};

export type InstructorAction =
	| {type: 'moved'; by: number; rows: number}
	| {type: 'sort-cycled'}
	| {type: 'filter-cycled'}
	| {type: 'chapter-moved'; by: number; chapters: number; current: number}
	| {type: 'detail-toggled'}
	| {type: 'broadcast-started'}
	| {type: 'open-count-asked'}
	| {type: 'draft-typed'; text: string}
	| {type: 'draft-erased'}
	| {type: 'closed'} // Esc, or a broadcast sent
	| {type: 'quit-asked'};

export const initialInstructorState: InstructorState = {selected: 0, sort: 'joined', filter: 'all', mode: 'grid', draft: ''};

const cycle = <T,>(list: readonly T[], value: T) => list[(list.indexOf(value) + 1) % list.length]!;

export function instructorReducer(state: InstructorState, action: InstructorAction): InstructorState {
	switch (action.type) {
		case 'moved':
			return {...state, selected: Math.max(0, Math.min(action.rows - 1, state.selected + action.by))};
		case 'sort-cycled':
			return {...state, sort: cycle(sortOrders, state.sort)};
		case 'filter-cycled':
			return {...state, filter: cycle(filters, state.filter), selected: 0};
		case 'chapter-moved': {
			const from = state.chapterIndex ?? action.current;
			return {...state, chapterIndex: Math.max(0, Math.min(action.chapters - 1, from + action.by))};
		}
		case 'detail-toggled':
			return {...state, mode: state.mode === 'detail' ? 'grid' : 'detail'};
		case 'broadcast-started':
			return {...state, mode: 'broadcast', draft: ''};
		case 'open-count-asked':
			return {...state, mode: 'open-count'};
		case 'draft-typed':
			return {...state, draft: (state.draft + action.text.replace(/[\r\n\t]/g, ' ')).slice(0, 300)};
		case 'draft-erased':
			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		case 'closed':
			return {...state, mode: 'grid', draft: ''};
		case 'quit-asked':
			return {...state, mode: 'confirm-quit'};
	}
}

export const useInstructorState = () => useReducer(instructorReducer, initialInstructorState);
