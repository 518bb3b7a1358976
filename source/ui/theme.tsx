// Colours, or none under NO_COLOR: components ask the theme instead of naming colours.
import {createContext, useContext} from 'react';

export type Theme = {
	color: boolean;
	accent?: string;
	dim: boolean;
	ok?: string;
	warn?: string;
	bad?: string;
	prompt?: string;
	highlight: {backgroundColor?: string; color?: string; inverse?: boolean};
	/** A colour per group (per namespace, per node). */
	palette: (index: number) => string | undefined;
};

const groupColours = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'redBright', 'cyanBright', 'magentaBright'];

export function makeTheme(color: boolean): Theme {
	if (!color) return {color, dim: false, highlight: {inverse: true}, palette: () => undefined};
	return {
		color,
		accent: 'cyan',
		dim: true,
		ok: 'green',
		warn: 'yellow',
		bad: 'red',
		prompt: 'green',
		highlight: {backgroundColor: 'yellow', color: 'black'},
		palette: index => groupColours[index % groupColours.length],
	};
}

export const ThemeContext = createContext<Theme>(makeTheme(true));
export const useTheme = () => useContext(ThemeContext);
