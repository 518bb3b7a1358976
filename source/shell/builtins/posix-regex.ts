// POSIX regular expressions (basic, as grep and sed read them by default, or extended with -E)
// translated to JavaScript ones, with GNU's extensions (\+ \? \| in basic, \< \> \w \s, classes
// such as [[:digit:]]) and GNU's message when the pattern does not compile.

const classes: Record<string, string> = {
	alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
	blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~', word: '\\w',
};

/** A bracket expression from `[` at `start`: its JavaScript form and where it ends, or undefined when unterminated. */
function bracket(pattern: string, start: number): {js: string; end: number} | undefined {
	let i = start + 1;
	let js = '[';
	if (pattern[i] === '^') {
		js += '^';
		i++;
	}
	let first = true;
	for (; i < pattern.length; i++) {
		const c = pattern[i]!;
		if (c === ']' && !first) return {js: js + ']', end: i};
		first = false;
		if (c === '[' && pattern[i + 1] === ':') {
			const close = pattern.indexOf(':]', i + 2);
			const name = close > 0 ? pattern.slice(i + 2, close) : '';
			if (close > 0 && classes[name]) {
				js += classes[name];
				i = close + 1;
				continue;
			}
		}
		// Inside brackets a backslash is literal in POSIX; ] [ and ^ need escaping for JavaScript.
		js += c === '\\' || c === ']' || c === '[' || (c === '^' && js.length > 1) ? `\\${c}` : c;
	}
	return undefined;
}

const escapesEverywhere: Record<string, string> = {n: '\\n', t: '\\t', w: '\\w', W: '\\W', s: '\\s', S: '\\S', b: '\\b', B: '\\B', '<': '\\b(?=\\w)', '>': '\\b(?<=\\w)', '`': '^', "'": '$'};

/** The JavaScript source of a POSIX pattern; throws GNU's message ("Unmatched ( or \\(") when it is malformed. */
export function posixToJs(pattern: string, extended: boolean): string {
	let out = '';
	let depth = 0;
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i]!;
		if (c === '\\') {
			const next = pattern[++i];
			if (next === undefined) throw new Error('Trailing backslash');
			if (escapesEverywhere[next]) out += escapesEverywhere[next];
			else if (!extended && '(){}|+?'.includes(next)) {
				if (next === '(') depth++;
				if (next === ')' && --depth < 0) throw new Error('Unmatched ) or \\)');
				out += next;
			} else if (/[1-9]/.test(next)) out += `\\${next}`;
			else out += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
			continue;
		}
		if (c === '[') {
			const b = bracket(pattern, i);
			if (!b) throw new Error('Unmatched [, [^, [:, [., or [=');
			out += b.js;
			i = b.end;
			continue;
		}
		if (extended) {
			if (c === '(') depth++;
			if (c === ')' && --depth < 0) throw new Error('Unmatched ) or \\)');
			// A brace that does not start an interval is a plain brace, as GNU reads it.
			out += c === '{' && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i)) ? '\\{' : c === '}' && !/\{\d+(,\d*)?$/.test(pattern.slice(0, i)) ? '\\}' : c;
			continue;
		}
		// Basic: ( ) { } | + ? are plain characters; * at the start (or after \( or ^) is too.
		if ('(){}|+?'.includes(c)) out += `\\${c}`;
		else if (c === '*' && (out === '' || out.endsWith('(') || out === '^')) out += '\\*';
		else out += c;
	}
	if (depth > 0) throw new Error('Unmatched ( or \\(');
	return out;
}

/** A compiled pattern, or GNU's message for why it does not compile. */
export function compilePosix(pattern: string, options: {extended: boolean; ignoreCase?: boolean; global?: boolean; multiline?: boolean}): RegExp | {error: string} {
	try {
		const flags = (options.ignoreCase ? 'i' : '') + (options.global ? 'g' : '') + (options.multiline ? 'm' : '');
		return new RegExp(posixToJs(pattern, options.extended), flags);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {error: message.startsWith('Invalid regular expression') ? 'Invalid regular expression' : message};
	}
}
