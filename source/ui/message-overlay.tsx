// A message that covers the lesson and the pane, boxed and centred: the instructor's pause
// ("eyes on the front") must be seen at a glance, not read in the status bar.
import {Lines} from './frame/lines.tsx';
import type {StyledLine} from './frame/styled-line.ts';
import {fit, textWidth, wrapText} from './text-width.ts';
import type {Theme} from './theme.tsx';
import {useTheme} from './theme.tsx';

/** The message wrapped inside a box, the box centred in `width` x `height` cells. */
export function messageOverlayLines(message: string, width: number, height: number, theme: Theme): StyledLine[] {
	const inner = Math.max(1, Math.min(width - 6, 56));
	const wrapped = wrapText(message, inner);
	const textWidthUsed = Math.max(...wrapped.map(textWidth));
	const boxInner = Math.min(inner, textWidthUsed) + 2; // one blank cell each side of the text
	const left = ' '.repeat(Math.max(0, Math.floor((width - boxInner - 2) / 2)));
	const style = {bold: true, color: theme.warn};
	const boxed: StyledLine[] = [
		{segments: [{text: left}, {text: `┌${'─'.repeat(boxInner)}┐`, ...style}]},
		{segments: [{text: left}, {text: `│${' '.repeat(boxInner)}│`, ...style}]},
		...wrapped.map(text => ({segments: [{text: left}, {text: '│ ', ...style}, {text: fit(text, boxInner - 2), bold: true}, {text: ' │', ...style}]})),
		{segments: [{text: left}, {text: `│${' '.repeat(boxInner)}│`, ...style}]},
		{segments: [{text: left}, {text: `└${'─'.repeat(boxInner)}┘`, ...style}]},
	];
	const above = Math.max(0, Math.floor((height - boxed.length) / 2));
	return [...Array.from({length: above}, () => ({segments: []})), ...boxed];
}

export function MessageOverlay({message, width, height}: {message: string; width: number; height: number}) {
	const theme = useTheme();
	return <Lines lines={messageOverlayLines(message, width, height, theme)} width={width} height={height} />;
}
