import type {ReactNode} from 'react';
import {ThemeContext, type Theme} from './theme.tsx';
import {UiTextContext} from './ui-text.ts';
import type {UiText} from '../i18n/messages.ts';

/** The colours and the words every region reads. */
export function Providers({theme, text, children}: {theme: Theme; text: UiText; children: ReactNode}) {
	return (
		<UiTextContext.Provider value={text}>
			<ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>
		</UiTextContext.Provider>
	);
}
