import {useInput, usePaste} from 'ink';
import {handleKey, type KeyContext} from './key-handlers.ts';

export type {KeyContext};

/** Ink's typed keys and pastes, into the dashboard's key rules. */
export function useDashboardKeys(ctx: KeyContext): void {
	useInput((input, key) => handleKey(ctx, input, key));
	usePaste(text => {
		if (ctx.ui.focus !== 'prompt') ctx.dispatch({type: 'focused', focus: 'prompt'});
		ctx.paste(text);
	});
}
