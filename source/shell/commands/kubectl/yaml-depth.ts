// How deep a YAML text nests, measured before it is parsed: the yaml package recurses per level
// and, some 900 flow levels down, V8 dies compiling a regular expression ("RegExpCompiler
// Allocation failed"), taking the tutor with it. go-yaml stops at 10,000 levels; this stops sooner.

/** The deepest nesting of flow collections ([ {) and of block indentation, outside quotes and comments. */
export function yamlDepth(text: string): number {
	let deepest = 0;
	let flow = 0;
	const indents: number[] = [];
	for (const line of text.split('\n')) {
		if (flow === 0) {
			const indent = line.length - line.trimStart().length;
			const body = line.trim();
			if (body && !body.startsWith('#')) {
				while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
				indents.push(indent);
				// "- - - a" nests a sequence per dash
				const dashes = /^(-\s+)+/.exec(body)?.[0].split('-').length ?? 1;
				deepest = Math.max(deepest, indents.length + dashes - 1);
			}
		}
		let quote = '';
		for (let i = 0; i < line.length; i++) {
			const char = line[i]!;
			if (quote) {
				if (char === quote) quote = '';
				continue;
			}
			if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
			if (char === '"' || (char === "'" && (i === 0 || /[\s[{,:]/.test(line[i - 1]!)))) quote = char;
			else if (char === '[' || char === '{') deepest = Math.max(deepest, Math.max(0, indents.length - 1) + ++flow);
			else if ((char === ']' || char === '}') && flow > 0) flow--;
		}
	}
	return deepest;
}

/** go-yaml's own limit, and the deepest this simulator parses. */
export const goYamlMaxDepth = 10_000;
export const parsedMaxDepth = 500;
