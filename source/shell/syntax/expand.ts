// Word expansion, in bash's order: parameters, command substitutions and arithmetic first, then
// word splitting of what was unquoted, then pathname (glob) matching, then quote removal. What
// the shell knows (variables, running a command, listing a directory) comes in as an ExpandEnv,
// so this stays pure.
import {evaluateArithmetic} from './arithmetic.ts';
import type {List, Word, WordPart} from './ast.ts';
import {expandGlob, hasGlob} from './glob.ts';

export type ExpandEnv = {
	/** A variable's value, or undefined when unset. */
	variable(name: string): string | undefined;
	/** `${X:=word}` sets X. */
	assign(name: string, value: string): void;
	positional(): string[];
	home(): string;
	/** Runs `$(...)` now and returns its standard output. */
	substitute(list: List): string;
	/** The names in a directory (as the pattern spells it: '' for the working directory), or undefined. */
	listDirectory(path: string): string[] | undefined;
};

/** A piece of a field: quoted text is never split nor matched as a pattern. */
type Segment = {text: string; quoted: boolean};

/** Expands command words: one word may become several (splitting, "$@", globs) or none ($EMPTY). */
export function expandWords(words: Word[], env: ExpandEnv): string[] {
	const out: string[] = [];
	for (const word of words) {
		for (const field of fields(word.parts, env)) {
			const pattern = field.map(s => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
			const matches = field.some(s => !s.quoted && hasGlob(s.text)) ? expandGlob(pattern, env.listDirectory) : [];
			if (matches.length) out.push(...matches);
			else out.push(field.map(s => s.text).join(''));
		}
	}
	return out;
}

/** Expands one word to one string, without splitting or globbing: assignments, redirection targets, here-documents. */
export function expandWord(word: Word, env: ExpandEnv): string {
	return word.parts.map(part => partText(part, env, true)).join('');
}

function fields(parts: WordPart[], env: ExpandEnv): Segment[][] {
	const out: Segment[][] = [];
	let current: Segment[] = [];
	let started = false;
	const end = () => {
		if (started) out.push(current);
		current = [];
		started = false;
	};
	const add = (text: string, quoted: boolean) => {
		current.push({text, quoted});
		started = true;
	};
	/** Unquoted expansion results are split at blanks (IFS's default). */
	const split = (value: string) => {
		if (value === '') return;
		const pieces = value.split(/[ \t\n]+/);
		pieces.forEach((piece, i) => {
			if (i > 0) end();
			if (piece) add(piece, false);
		});
	};
	for (const part of parts) {
		switch (part.kind) {
			case 'lit':
				add(part.text, part.quoted === true);
				break;
			case 'glob':
				add(part.text, false);
				break;
			case 'sq':
				add(part.text, true);
				break;
			case 'tilde':
				add(env.home(), true);
				break;
			case 'dq': {
				const at = part.parts.findIndex(p => p.kind === 'var' && p.name === '@' && !p.fallback && !p.length);
				if (at >= 0) {
					// "$@": one field per positional parameter, the text around it joined to the first and last.
					const before = part.parts.slice(0, at).map(p => partText(p, env, true)).join('');
					const after = part.parts.slice(at + 1).map(p => partText(p, env, true)).join('');
					const args = env.positional();
					if (args.length === 0) {
						if (before || after || started) add(before + after, true);
						break;
					}
					args.forEach((arg, i) => {
						if (i > 0) end();
						add((i === 0 ? before : '') + arg + (i === args.length - 1 ? after : ''), true);
					});
					break;
				}
				add(part.parts.map(p => partText(p, env, true)).join(''), true);
				break;
			}
			default:
				split(partText(part, env, false));
		}
	}
	end();
	return out;
}

function partText(part: WordPart, env: ExpandEnv, _quoted: boolean): string {
	switch (part.kind) {
		case 'lit':
		case 'sq':
		case 'glob':
			return part.text;
		case 'tilde':
			return env.home();
		case 'dq':
			return part.parts.map(p => partText(p, env, true)).join('');
		case 'cmdsub':
			return env.substitute(part.list).replace(/\n+$/, '');
		case 'arith':
			return String(evaluateArithmetic(expandWord(part.expression, env), name => env.variable(name)));
		case 'var': {
			const value = part.name === '@' || part.name === '*' ? env.positional().join(' ') : env.variable(part.name);
			if (part.length) return String([...(value ?? '')].length);
			if (!part.fallback) return value ?? '';
			const {op, word} = part.fallback;
			const missing = op.startsWith(':') ? !value : value === undefined;
			if (op === ':+') return missing ? '' : expandWord(word, env);
			if (!missing) return value!;
			const fallback = expandWord(word, env);
			if (op === ':=') env.assign(part.name, fallback);
			return fallback;
		}
	}
}

function escapeGlob(text: string): string {
	return text.replace(/[*?[\]\\]/g, m => '\\' + m);
}
