import {useCallback, useState, type Dispatch} from 'react';
import type {TutorController} from '../../app/tutor-controller.ts';
import type {ShellState} from '../../shell/types.ts';
import type {DashboardAction} from '../dashboard-state.ts';
import {continuationNeeded, lineToRun, needsMoreLines, splitPaste, type PromptAction, type PromptState} from './prompt-state.ts';
import type {UiText} from '../../i18n/messages.ts';

export type Completer = (line: string, cursor: number, shell: ShellState) => {value: string; cursor: number; candidates: string[]};
export type EditorOpener = (path: string) => {ok: true} | {ok: false; error: string};

/**
 * Enter and Tab: run the line (or continue a here-document), hand the terminal to the editor
 * for `edit FILE`, complete the word. A paste runs the lines it completes; Ctrl-C cancels the
 * line; Ctrl-D ends a here-document. Completion candidates belong to the line they completed.
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

	const run = useCallback(
		(value: string) => {
			editPrompt({type: 'replaced', value});
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
		},
		[controller, editPrompt, dispatch, openEditor, suspendTerminal, text],
	);

	const submit = useCallback(() => {
		const value = promptRef.current.value;
		if (needsMoreLines(value)) {
			editPrompt({type: 'replaced', value: value + '\n'});
			return;
		}
		run(value);
	}, [promptRef, editPrompt, run]);

	const paste = useCallback(
		(pasted: string) => {
			const {value, cursor} = promptRef.current;
			editPrompt({type: 'inserted', text: pasted});
			// A paste in the middle of the line, or one cut to what the prompt holds, waits for Enter.
			if (cursor < value.length || promptRef.current.cut) return;
			const split = splitPaste(value, pasted);
			if (split.run === undefined) return;
			run(split.run);
			editPrompt({type: 'replaced', value: split.keep});
		},
		[promptRef, editPrompt, run],
	);

	/** Ctrl-C on a line being typed: the line is dropped (shown with ^C), as in every shell. */
	const cancel = useCallback(() => {
		const {value} = promptRef.current;
		controller.cancelLine(value);
		editPrompt({type: 'cleared'});
	}, [controller, promptRef, editPrompt]);

	/** Ctrl-D on a here-document (or any unfinished line) ends the input: bash runs what it has. */
	const endInput = useCallback(() => {
		const {value} = promptRef.current;
		if (continuationNeeded(value)) run(value.replace(/\n$/, ''));
		else editPrompt({type: 'deleted-forward'});
	}, [promptRef, editPrompt, run]);

	const completeWord = useCallback(() => {
		if (!complete) return;
		const {value, cursor} = promptRef.current;
		const result = complete(value, cursor, controller.snapshot().shell);
		editPrompt({type: 'replaced', value: result.value, cursor: result.cursor});
		setCompletion({line: result.value, candidates: result.candidates});
	}, [complete, controller, editPrompt, promptRef]);

	const candidates = completion.line === promptRef.current.value ? completion.candidates : [];
	return {submit, paste, cancel, endInput, completeWord, candidates};
}
