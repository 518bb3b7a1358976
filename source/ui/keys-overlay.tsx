import {Lines} from './frame/lines.tsx';
import {ruleLine, type Segment, type StyledLine} from './frame/styled-line.ts';
import {keyGroups} from './keymap.ts';
import {fit} from './text-width.ts';
import {useTheme} from './theme.tsx';

/** The `?` screen: every key, grouped, in two columns when one does not fit; any key closes it. */
export function KeysOverlay({width, height}: {width: number; height: number}) {
	const theme = useTheme();
	const header = ruleLine('keys · Esc is Alt on terminals without it: Esc then p = Alt-p', width, {bold: true, color: theme.accent}, 'any key closes');
	const groupLines = (columnWidth: number) =>
		keyGroups.map(group => [
			[{text: fit(group.title, columnWidth), bold: true, underline: true}] as Segment[],
			...group.keys.map(k => [{text: ' ' + fit(k.keys, 12), color: theme.accent, bold: true}, {text: fit(k.does, columnWidth - 13)}] as Segment[]),
		]);
	const single = groupLines(width).flatMap((group, i) => (i ? [[], ...group] : group));
	const lines: StyledLine[] = [header];
	if (single.length <= height - 1 || width < 76) lines.push(...single.map(segments => ({segments})));
	else {
		const columnWidth = Math.floor(width / 2) - 1;
		const groups = groupLines(columnWidth);
		const half = Math.ceil(groups.length / 2);
		const left = groups.slice(0, half).flatMap((group, i) => (i ? [[], ...group] : group));
		const right = groups.slice(half).flatMap((group, i) => (i ? [[], ...group] : group));
		for (let i = 0; i < Math.max(left.length, right.length); i++) {
			const l = left[i] ?? [{text: ''}];
			const lText = l.map(s => s.text).join('');
			lines.push({segments: [...l, {text: ' '.repeat(Math.max(0, columnWidth - lText.length) + 2)}, ...(right[i] ?? [])]});
		}
	}
	return <Lines lines={lines} width={width} height={height} />;
}
