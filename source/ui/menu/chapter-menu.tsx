import type {ChapterMenu} from '../../lessons/chapter-menu.ts';
import {Lines} from '../frame/lines.tsx';
import {useTheme} from '../theme.tsx';
import {useUiText} from '../ui-text.ts';
import {chapterMenuLines} from './chapter-menu-lines.ts';

export function ChapterMenuView({menu, selection, width, height}: {menu: ChapterMenu; selection: number; width: number; height: number}) {
	const theme = useTheme();
	const text = useUiText();
	return <Lines lines={chapterMenuLines(menu, selection, width, height, theme, text)} width={width} height={height} />;
}
