import type {World} from '../../engine/world.ts';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import {wrapLine} from '../text-width.ts';
import type {Theme} from '../theme.tsx';
import {xrayView} from './selectors/xray.ts';
import type {UiText} from '../../i18n/messages.ts';

/** The x-ray of one object as screen lines, wrapped to the pane. */
export function xrayLines(world: World, id: string, width: number, theme: Theme, text: UiText): StyledLine[] {
	const view = xrayView(world, id, text.xray);
	if (!view) return [ruleLine(text.xray.heading, width, {bold: true}, text.back), {segments: [{text: text.xray.gone}]}];
	const lines: StyledLine[] = [ruleLine(`${text.xray.heading}: ${view.title}`, width, {bold: true, color: theme.accent}, text.back)];
	for (const section of view.sections) {
		lines.push({segments: [{text: section.title, bold: true, underline: true}]});
		for (const line of section.lines) for (const part of wrapLine('  ' + line, width)) lines.push({segments: [{text: part}]});
	}
	return lines;
}
