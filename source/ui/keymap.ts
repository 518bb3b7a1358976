// Every key of the dashboard, as data: the `?` overlay prints this list, and the key router
// follows it. Single letters act only where they cannot be the start of a command: on an empty
// prompt for `?` and `q` (no command starts with them), n and quiz letters on steps with
// nothing to type, in the lesson or cluster pane (reached with Tab on an empty prompt), or
// with Alt (or Esc then the key) from anywhere.

import type {KeysText} from '../i18n/messages.ts';

/** What a key does and a group's title name messages (`keys.does.*`, `keys.groups.*`), in every locale. */
export type KeyHelp = {keys: string; does: keyof KeysText['does']};
export type KeyGroup = {title: keyof KeysText['groups']; keys: KeyHelp[]};

const k = (keys: string, does: KeyHelp['does']): KeyHelp => ({keys, does});

export const keyGroups: KeyGroup[] = [
	{
		title: 'prompt',
		keys: [
			k('Enter', 'run'),
			k('← → Home End', 'move'),
			k('Ctrl-W U K', 'delete'),
			k('↑ ↓', 'history'),
			k('Tab', 'complete'),
			k('paste', 'paste'),
			k('Alt-↑ Alt-↓', 'scrollOutput'),
			k('Ctrl-L', 'clear'),
		],
	},
	{
		title: 'anywhere',
		keys: [
			k('?', 'keys'),
			k('q  Ctrl-C', 'quit'),
			k('Alt-m', 'chapters'),
			k('Esc', 'back'),
			k('PgUp PgDn', 'scrollLesson'),
		],
	},
	{
		title: 'lesson',
		keys: [
			k('h', 'hint'),
			k('c', 'check'),
			k('s', 'solution'),
			k('r', 'reset'),
			k('n', 'next'),
			k('a b c d', 'answer'),
			k('u', 'hand'),
		],
	},
	{
		title: 'time',
		keys: [
			k('p', 'pause'),
			k('t', 'tick'),
			k('f', 'speed'),
			k('d', 'depthNext'),
			k('1 2 3', 'depthPick'),
			k('x', 'select'),
		],
	},
];
