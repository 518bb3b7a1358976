import {useCallback, useState, type Dispatch} from 'react';
import type {TutorController} from '../../app/tutor-controller.ts';
import type {ShellState} from '../../shell/types.ts';
import type {DashboardAction} from '../dashboard-state.ts';
import type {UiText} from '../ui-text.ts';
import {lineToRun, needsMoreLines, type PromptAction, type PromptState} from './prompt-state.ts';

export type Completer = (line: string, cursor: number, shell: ShellState) => {value: string; cursor: number; candidates: string[]};
export type EditorOpener = (path: string) => {ok: true} | {ok: false; error: string};

/**
 * Enter and Tab: run the line (or continue a here-document), hand the terminal to the editor
 * for `edit FILE`, complete the word. Completion candidates belong to the line they completed.
 */
export function usePromptActions(options: {
	controller: TutorController;
	promptRef: {readonly current: PromptState};
	editPrompt: (action: PromptAction) => void;
	dispatch: Dispatch<DashboardAction>;
	complete?: Completer;
	openEditor?: EditorOpener;
	suspendTerminal: (run: () => void) => Promise<void>;
	text: UiText;
}) {
	const {controller, promptRef, editPrompt, dispatch, complete, openEditor, suspendTerminal, text} = options;
	const [completion, setCompletion] = useState<{line: string; candidates: string[]}>({line: '', candidates: []});

	const submit = useCallback(() => {
		const value = promptRef.current.value;
		if (needsMoreLines(value)) {
			editPrompt({type: 'replaced', value: value + '\n'});
			return;
		}
		editPrompt({type: 'submitted'});
		dispatch({type: 'output-scroll-reset'});
		const result = controller.submit(lineToRun(value));
		for (const effect of result.effects) {
			if (effect.kind !== 'edit') continue;
			if (!openEditor) {
				controller.appendSystem('edit: no editor in this session');
				continue;
			}
			void suspendTerminal(() => {
				const outcome = openEditor(effect.path);
				controller.appendSystem(outcome.ok ? text.editedBack(effect.path) : outcome.error);
			});
		}
	}, [controller, promptRef, editPrompt, dispatch, openEditor, suspendTerminal, text]);

	const completeWord = useCallback(() => {
		if (!complete) return;
		const {value, cursor} = promptRef.current;
		const result = complete(value, cursor, controller.snapshot().shell);
		editPrompt({type: 'replaced', value: result.value, cursor: result.cursor});
		setCompletion({line: result.value, candidates: result.candidates});
	}, [complete, controller, editPrompt, promptRef]);

	const candidates = completion.line === promptRef.current.value ? completion.candidates : [];
	return {submit, completeWord, candidates};
}
