// Every key of the dashboard, as data: the `?` overlay prints this list, and the key router
// follows it. Single letters act only where they cannot be the start of a command: on an empty
// prompt for `?` and `q` (no command starts with them), in the lesson or cluster pane (reached
// with Tab on an empty prompt), or with Alt (or Esc then the key) from anywhere.

export type KeyHelp = {keys: string; does: string};
export type KeyGroup = {title: string; keys: KeyHelp[]};

export const keyGroups: KeyGroup[] = [
	{
		title: 'Prompt',
		keys: [
			{keys: 'Enter', does: 'run the command'},
			{keys: '← → Home End', does: 'move (Ctrl-A/E too)'},
			{keys: 'Ctrl-W U K', does: 'delete word/to start/to end'},
			{keys: '↑ ↓', does: 'history'},
			{keys: 'Tab', does: 'complete; empty: focus panes'},
			{keys: 'paste', does: 'after `apply -f -`: the YAML'},
			{keys: 'Alt-↑ Alt-↓', does: 'scroll the output'},
			{keys: 'Ctrl-L', does: 'clear the output'},
		],
	},
	{
		title: 'Anywhere',
		keys: [
			{keys: '?', does: 'these keys (empty prompt)'},
			{keys: 'q  Ctrl-C', does: 'quit, progress saved'},
			{keys: 'Alt-m', does: 'chapters: pick another'},
			{keys: 'Esc', does: 'back to the prompt'},
			{keys: 'PgUp PgDn', does: 'scroll the lesson'},
		],
	},
	{
		title: 'Lesson: Alt-key, or key in lesson',
		keys: [
			{keys: 'h', does: 'hint'},
			{keys: 's', does: 'solution (asks y/n)'},
			{keys: 'r', does: 'reset the step (asks y/n)'},
			{keys: 'n', does: 'next (read, quiz, summary)'},
			{keys: 'a b c d', does: 'answer a quiz'},
		],
	},
	{
		title: 'Time, pane: Alt-key, or key in pane',
		keys: [
			{keys: 'p', does: 'pause / resume the clock'},
			{keys: 't', does: 'step one second'},
			{keys: 'f', does: 'speed 1x → 5x → 20x'},
			{keys: 'd  1 2 3', does: 'depth: next/host/docker/cluster'},
			{keys: 'x', does: 'select: ↑↓, Enter x-ray, Esc'},
		],
	},
];
