import {useMemo, useState, type Dispatch} from 'react';
import type {ChapterMenu} from '../../lessons/chapter-menu.ts';
import type {DashboardAction} from '../dashboard-state.ts';

/** What the dashboard needs to offer the chapter menu: the list with progress, and a way to open one. */
export type ChapterSwitch = {menu(): ChapterMenu; current: string; open(chapterId: string): void};

/** The menu's data (read fresh from the progress store each time it opens) and its actions for the keys. */
export function useChapterMenu(chapters: ChapterSwitch | undefined, dispatch: Dispatch<DashboardAction>) {
	const [menu, setMenu] = useState<ChapterMenu | null>(null);
	const actions = useMemo(
		() =>
			chapters && {
				count: menu?.chapters.length ?? 0,
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
	return {menu, actions};
}
