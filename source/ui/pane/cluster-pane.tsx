import type {PaneDepth} from '../../app/lesson-view.ts';
import type {World} from '../../engine/world.ts';
import type {Clock} from '../clock.ts';
import {Lines} from '../frame/lines.tsx';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import {useTheme} from '../theme.tsx';
import {useUiText} from '../ui-text.ts';
import {eventLinesFor} from './event-lines-for.ts';
import {eventStreamLines} from './event-stream.ts';
import {paintRows, watchedCells, type PaneModel} from './pane-model.ts';
import {useChangeHighlights} from './use-change-highlights.ts';
import {xrayLines} from './xray-lines.ts';
import {useMemo} from 'react';

export type ClusterPaneProps = {
	world: World;
	model: PaneModel;
	depth: PaneDepth;
	hostName: string;
	width: number;
	height: number;
	focused: boolean;
	selectedId?: string;
	xray: string | null;
	xrayScroll?: number;
	clock: Clock;
};


export function ClusterPane({world, model, depth, hostName, width, height, focused, selectedId, xray, xrayScroll = 0, clock}: ClusterPaneProps) {
	const theme = useTheme();
	const text = useUiText();
	const values = useMemo(() => watchedCells(model.rows, model.unseen), [model]);
	const lit = useChangeHighlights(values, `${depth}:${hostName}:${model.rows.length > 0 ? 'rows' : 'empty'}`, clock);
	const events = useMemo(() => eventStreamLines(world, depth, hostName, width, eventLinesFor(height) - 1, theme, text), [world.events, depth, hostName, width, height, theme, text]);
	const lines: StyledLine[] = [];
	if (xray) {
		const all = xrayLines(world, xray, width, theme, text);
		const start = Math.max(0, Math.min(xrayScroll, all.length - height));
		lines.push(all[0]!, ...all.slice(1 + start, start + height - 1));
		if (all.length > height) lines[lines.length - 1] = {segments: [{text: text.pane.scroll(start + height - 1, all.length - 1), dim: theme.dim}]};
	} else {
		const depthKeys = `${text.pane.depth[depth]} · Alt-d`;
		lines.push(ruleLine(model.title, width, {bold: true, color: focused ? theme.accent : undefined}, depthKeys));
		const area = height - 1 - events.length;
		const painted = paintRows(model.rows, {highlighted: lit, selectedId, focused, theme});
		if (model.empty && painted.length === 0) painted.push({segments: [{text: ' ' + model.empty, dim: theme.dim}]});
		let start = 0;
		const selectedIndex = selectedId ? model.rows.findIndex(r => r.selectId === selectedId) : -1;
		if (painted.length > area) {
			if (selectedIndex >= 0) start = Math.max(0, Math.min(selectedIndex - Math.floor(area / 2), painted.length - area));
		}
		const visible = painted.slice(start, start + area);
		const hidden = painted.length - start - visible.length;
		if (hidden > 0 && visible.length > 0) {
			visible[visible.length - 1] = {segments: [{text: text.moreRows(hidden + 1), dim: theme.dim}]};
		}
		lines.push(...visible);
		while (lines.length < 1 + area) lines.push({segments: []});
		lines.push(...events);
	}
	return <Lines lines={lines} width={width} height={height} />;
}
