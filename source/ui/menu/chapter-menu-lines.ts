// The chapter menu as lines: every chapter with its progress, the selected one marked.
import type {ChapterMenu} from '../../lessons/chapter-menu.ts';
import {ruleLine, type StyledLine} from '../frame/styled-line.ts';
import {fit} from '../text-width.ts';
import type {Theme} from '../theme.tsx';
import type {UiText} from '../../i18n/messages.ts';

export function chapterMenuLines(menu: ChapterMenu, selection: number, width: number, height: number, theme: Theme, text: UiText): StyledLine[] {
	const lines: StyledLine[] = [ruleLine(text.chapters, width, {bold: true, color: theme.accent}, `${menu.totalXp} xp · ↑↓ Enter · Esc`)];
	const titleWidth = Math.max(12, Math.min(40, width - 30));
	const rows = menu.chapters.map((entry, i): StyledLine => {
		const selected = i === selection;
		const mark = entry.done ? '✓' : entry.locked ? '-' : entry.started ? '>' : ' ';
		const progress = `${entry.stepsDone}/${entry.stepCount}`;
		return {
			key: entry.id,
			segments: [
				{text: selected ? '▸' : ' ', bold: true, color: theme.accent},
				{text: ` ${mark} ${String(entry.number).padStart(2)}  `, color: entry.done ? theme.ok : undefined},
				{text: fit(entry.title, titleWidth), bold: selected, inverse: selected, dim: entry.locked && !selected ? theme.dim : false},
				{text: ` ${progress.padStart(5)} ${String(entry.xp).padStart(4)} xp`},
			],
		};
	});
	const chosen = menu.chapters[selection];
	const details: StyledLine[] = chosen
		? [
				{segments: []},
				{segments: [{text: chosen.description, dim: theme.dim}]},
				...(chosen.locked ? [{segments: [{text: text.chapterLocked(chosen.missingPrerequisites.map(p => `${p.number} (${p.title})`).join(', ')), color: theme.warn}]}] : []),
				...(chosen.resumeStep && !chosen.done ? [{segments: [{text: text.resumesAt(chosen.resumeStep.index + 1, chosen.resumeStep.title)}]}] : []),
			]
		: [];
	const room = height - 1 - details.length;
	const start = Math.max(0, Math.min(selection - Math.floor(room / 2), rows.length - room));
	lines.push(...rows.slice(start, start + room), ...details);
	return lines;
}
