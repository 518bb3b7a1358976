// The bottom of the pane: the newest events, each naming the component that acted.
import type {World} from '../../engine/world.ts';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import type {Theme} from '../theme.tsx';
import {eventsForDepth, recentEvents} from './selectors/events.ts';
import type {UiText} from '../../i18n/messages.ts';

/**
 * An event's object without its host or namespace (pod/default/web -> pod/web, process/host-1/7
 * -> process/7); an image's name keeps every part (image/learner/kubia:latest is not kubia).
 */
export function paneObject(object: string): string {
	return object.startsWith('image/') ? object : object.replace(/^([a-z]+)\/[^/]*\//, '$1/');
}

export function eventStreamLines(world: World, depth: 'host' | 'docker' | 'cluster', hostName: string, width: number, count: number, theme: Theme, text: UiText): StyledLine[] {
	if (count <= 0) return [];
	const rows = recentEvents(world, count, eventsForDepth(depth, hostName));
	const lines: StyledLine[] = [ruleLine(text.events, width, {dim: theme.dim})];
	for (const e of rows) {
		lines.push({
			key: `event:${e.seq}`,
			segments: [
				{text: e.clock.padStart(5) + ' ', dim: theme.dim},
				{text: e.component + ' ', color: e.warning ? theme.bad : theme.accent, bold: e.warning},
				{text: `${e.reason} ${paneObject(e.object)}${e.message ? ': ' + e.message : ''}`},
			],
		});
	}
	if (rows.length === 0) lines.push({segments: [{text: text.nothingYet, dim: theme.dim}]});
	return lines;
}
