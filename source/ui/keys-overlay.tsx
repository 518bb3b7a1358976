import {Lines} from './frame/lines.tsx';
import {ruleLine, type Segment, type StyledLine} from './frame/styled-line.ts';
import {keyGroups} from './keymap.ts';
import {fit, textWidth} from './text-width.ts';
import {useTheme} from './theme.tsx';
import {useUiText} from './ui-text.ts';

/** The `?` screen: every key, grouped, in two columns when one does not fit; any key closes it. */
export function KeysOverlay({width, height}: {width: number; height: number}) {
	const theme = useTheme();
	const text = useUiText();
	const header = ruleLine(text.escIsAlt, width, {bold: true, color: theme.accent}, text.anyKeyCloses);
	const groupLines = (columnWidth: number) =>
		keyGroups.map(group => [
			[{text: fit(text.keys.groups[group.title], columnWidth), bold: true, underline: true}] as Segment[],
			...group.keys.map(k => [{text: ' ' + fit(k.keys, 13), color: theme.accent, bold: true}, {text: fit(text.keys.does[k.does], columnWidth - 14)}] as Segment[]),
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
			lines.push({segments: [...l, {text: ' '.repeat(Math.max(0, columnWidth - textWidth(lText)) + 2)}, ...(right[i] ?? [])]});
		}
	}
	return <Lines lines={lines} width={width} height={height} />;
}
