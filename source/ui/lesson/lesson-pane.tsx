import {useMemo} from 'react';
import type {LessonView} from '../../app/lesson-view.ts';
import {clampScroll} from '../dashboard-state.ts';
import {Lines} from '../frame/lines.tsx';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import {useTheme} from '../theme.tsx';
import {useUiText} from '../ui-text.ts';
import {bareStepKeys, lessonKeysText, lessonLines} from './lesson-lines.ts';

/** `promptEmpty`: n and a quiz's letters act bare only then (see bareStepKeys); the keys shown say so. */
export function LessonPane({view, width, height, scroll, focused, promptEmpty = true, onMeasure}: {view: LessonView; width: number; height: number; scroll: number; focused: boolean; promptEmpty?: boolean; onMeasure?: (maxScroll: number) => void}) {
	const theme = useTheme();
	const text = useUiText();
	const inner = width - 2; // a margin on the right, beside the divider
	const bare = bareStepKeys(view, focused, promptEmpty);
	const content = useMemo(() => lessonLines(view, inner, theme, text, bare), [view, inner, theme, text, bare]);
	const area = height - 2;
	const start = clampScroll(scroll, content.length, area);
	onMeasure?.(Math.max(0, content.length - area));
	const more = content.length - start - area;
	const title = `${view.chapterNumber} · ${view.chapterTitle}`;
	const lines: StyledLine[] = [ruleLine(title, width, {bold: true, color: focused ? theme.accent : undefined}, start > 0 ? '↑ PgUp' : '')];
	lines.push(...content.slice(start, start + area));
	while (lines.length < height - 1) lines.push({segments: []});
	const keys = lessonKeysText(view, focused, text, bare);
	lines.push({segments: [{text: more > 0 ? `↓ PgDn (${more}) · ` : '', dim: theme.dim}, {text: keys, color: view.pendingConfirm ? theme.warn : theme.accent, bold: Boolean(view.pendingConfirm)}]});
	return <Lines lines={lines} width={width} height={height} />;
}
