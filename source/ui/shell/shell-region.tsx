import {useMemo} from 'react';
import type {OutputEntry} from '../../app/tutor-controller.ts';
import {clampScroll} from '../dashboard-state.ts';
import {Lines} from '../frame/lines.tsx';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import {useTheme} from '../theme.tsx';
import {useUiText} from '../ui-text.ts';
import {continuationNeeded, promptLimit, promptLineLimit} from '../prompt/prompt-state.ts';
import {outputLines, promptLines} from './shell-lines.ts';

export type ShellRegionProps = {
	output: OutputEntry[];
	prompt: string;
	value: string;
	cursor: number;
	cut?: boolean; // the last paste was cut to what the prompt holds
	width: number;
	height: number;
	scroll: number;
	focused: boolean;
	completions: string[];
	/** Lines the newest command and its output take (lastRunHeight): when taller than the area, the area says so. */
	lastRun?: number;
};

export function ShellRegion({output, prompt, value, cursor, cut, width, height, scroll, focused, completions, lastRun = 0}: ShellRegionProps) {
	const theme = useTheme();
	const text = useUiText();
	const editing = useMemo(() => promptLines(prompt, value, cursor, width, theme, focused), [prompt, value, cursor, width, theme, focused]);
	// A long paste shows its last lines; the scrollback gets what is left (at least two lines).
	const promptShown = editing.slice(-Math.max(1, height - 3));
	const completionLine: StyledLine[] = completions.length > 1 ? [{segments: [{text: completions.join('  '), color: theme.accent}]}] : cut ? [{segments: [{text: text.promptCut(promptLineLimit, promptLimit / 1024), color: theme.bad}]}] : [];
	// Under the "> " continuation prompt, one line says what the shell waits for and how to finish.
	const needed = useMemo(() => (value.includes('\n') ? continuationNeeded(value) : undefined), [value]);
	const hintLine: StyledLine[] = needed ? [{segments: [{text: text.continuation(needed), dim: theme.dim}]}] : [];
	const area = height - 1 - promptShown.length - completionLine.length - hintLine.length;
	const scrollback = useMemo(() => outputLines(output, width, theme, area + scroll + 1), [output, width, theme, area, scroll]);
	const start = Math.max(0, scrollback.length - area - clampScroll(scroll, scrollback.length, area));
	const visible = scrollback.slice(start, start + area);
	// The newest output scrolled past the top: say so, and which key scrolls back (learners missed Alt-↑).
	const right = scroll > 0 ? text.linesUp(scroll) : lastRun > area ? text.outputAbove(lastRun - area) : '';
	const lines: StyledLine[] = [ruleLine('', width, {dim: theme.dim}, right)];
	for (let i = visible.length; i < area; i++) lines.push({segments: []});
	lines.push(...visible, ...completionLine, ...promptShown, ...hintLine);
	return <Lines lines={lines} width={width} height={height} />;
}
