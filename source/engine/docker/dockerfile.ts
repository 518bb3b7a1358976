// Parsing a Dockerfile the way the classic builder does: comments, `\` continuations, parser
// directives, instruction keywords in any case, exec (JSON) and shell forms.

export const knownInstructions = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'] as const;
export type Keyword = (typeof knownInstructions)[number];

export type Instruction = {
	line: number; // 1-based line where it starts
	keyword: Keyword;
	args: string; // the text after the keyword, continuations joined
	original: string; // "ADD app.js /app.js", as the Step line prints it
};

export type ParsedDockerfile = {ok: true; instructions: Instruction[]} | {ok: false; error: string};

export function parseDockerfile(text: string): ParsedDockerfile {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const instructions: Instruction[] = [];
	let escape = '\\';
	let directivesAllowed = true;
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!;
		const trimmed = raw.trim();
		if (directivesAllowed) {
			const directive = trimmed.match(/^#\s*([a-zA-Z]+)\s*=\s*(.+)$/);
			if (directive) {
				if (directive[1]!.toLowerCase() === 'escape') escape = directive[2]!.trim();
				continue;
			}
			directivesAllowed = false;
		}
		if (trimmed === '' || trimmed.startsWith('#')) continue;
		const start = i;
		let joined = trimmed;
		while (joined.endsWith(escape) && i + 1 < lines.length) {
			joined = joined.slice(0, -escape.length);
			i++;
			let next = lines[i]!;
			while (next.trim().startsWith('#') && i + 1 < lines.length) next = lines[++i]!;
			if (next.trim().startsWith('#')) break;
			joined += ' ' + next.trim();
		}
		if (joined.endsWith(escape)) joined = joined.slice(0, -escape.length);
		joined = joined.trim();
		if (joined === '') continue;
		const m = joined.match(/^(\S+)\s*([\s\S]*)$/);
		const word = m![1]!;
		const keyword = word.toUpperCase();
		if (!(knownInstructions as readonly string[]).includes(keyword)) {
			return {ok: false, error: `dockerfile parse error line ${start + 1}: unknown instruction: ${keyword}`};
		}
		const args = m![2]!.trim().replace(/\s+$/, '');
		if (args === '' && !['CMD', 'ENTRYPOINT', 'RUN'].includes(keyword)) {
			return {ok: false, error: `dockerfile parse error line ${start + 1}: ${keyword} requires at least one argument`};
		}
		instructions.push({line: start + 1, keyword: keyword as Keyword, args, original: `${keyword} ${args}`.trim()});
	}
	if (instructions.length === 0) return {ok: false, error: 'the Dockerfile (Dockerfile) cannot be empty'};
	const first = instructions.find(ins => ins.keyword !== 'ARG');
	if (!first || first.keyword !== 'FROM') return {ok: false, error: 'no build stage in current context'};
	return {ok: true, instructions};
}

/** `["node", "app.js"]` (exec form) or undefined when the text is the shell form. */
export function execForm(args: string): string[] | undefined {
	if (!args.startsWith('[')) return undefined;
	try {
		const parsed: unknown = JSON.parse(args);
		if (Array.isArray(parsed) && parsed.every(item => typeof item === 'string')) return parsed as string[];
	} catch {
		// Not valid JSON: docker treats it as the shell form.
	}
	return undefined;
}

/** Splits `a=1 b="two words"` or the legacy `KEY value words` form of ENV and LABEL. */
export function keyValues(args: string, legacySingle = true): [string, string][] {
	if (legacySingle && !/^[^\s=]+=/.test(args)) {
		const m = args.match(/^(\S+)\s+([\s\S]*)$/);
		return m ? [[m[1]!, unquote(m[2]!)]] : [[args, '']];
	}
	const out: [string, string][] = [];
	const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
	for (const m of args.matchAll(re)) out.push([unquote(m[1]!), unquote(m[2]!)]);
	return out;
}

export function unquote(text: string): string {
	if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) {
		return text.slice(1, -1).replace(/\\(.)/g, '$1');
	}
	return text.replace(/\\(.)/g, '$1');
}

/** Replaces $VAR and ${VAR} (and ${VAR:-default}) with build args and ENV values. */
export function substitute(text: string, vars: Record<string, string>): string {
	return text.replace(/\\\$/g, '\u0000').replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced?: string, fallback?: string, bare?: string) => {
		const name = braced ?? bare!;
		const value = vars[name];
		return value !== undefined && value !== '' ? value : (fallback ?? '');
	}).replace(/\u0000/g, '$');
}

/** Go's fmt of a []string, as the classic builder writes it into history: ["node" "app.js"]. */
export function goStringList(list: string[]): string {
	return `[${list.map(item => JSON.stringify(item)).join(' ')}]`;
}
