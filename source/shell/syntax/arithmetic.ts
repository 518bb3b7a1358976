// $(( ... )): integer arithmetic as bash does it, for counters in loops (`i=$((i + 1))`).
// Variables may be named without a $; an unset or non-numeric one counts as 0.

export class ArithmeticError extends Error {}

const binary: Record<string, [number, (a: number, b: number) => number]> = {
	'||': [1, (a, b) => Number(a !== 0 || b !== 0)],
	'&&': [2, (a, b) => Number(a !== 0 && b !== 0)],
	'|': [3, (a, b) => a | b],
	'^': [4, (a, b) => a ^ b],
	'&': [5, (a, b) => a & b],
	'==': [6, (a, b) => Number(a === b)],
	'!=': [6, (a, b) => Number(a !== b)],
	'<': [7, (a, b) => Number(a < b)],
	'<=': [7, (a, b) => Number(a <= b)],
	'>': [7, (a, b) => Number(a > b)],
	'>=': [7, (a, b) => Number(a >= b)],
	'<<': [8, (a, b) => a << b],
	'>>': [8, (a, b) => a >> b],
	'+': [9, (a, b) => a + b],
	'-': [9, (a, b) => a - b],
	'*': [10, (a, b) => a * b],
	'/': [10, (a, b) => Math.trunc(a / b)],
	'%': [10, (a, b) => a % b],
};

export function evaluateArithmetic(text: string, variable: (name: string) => string | undefined): number {
	const tokens = text.match(/\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|\S)/g)?.map(t => t.trim()) ?? [];
	let at = 0;
	const fail = (): never => {
		const rest = tokens.slice(at).join(' ');
		throw new ArithmeticError(`${text.trim()}: syntax error: ${rest ? `invalid arithmetic operator (error token is "${rest}")` : 'operand expected (error token is "' + (tokens[at - 1] ?? '') + '")'}`);
	};
	const value = (name: string, depth: number): number => {
		const raw = (variable(name) ?? '').trim();
		if (raw === '') return 0;
		if (/^-?\d+$/.test(raw)) return Number(raw);
		return depth > 5 ? 0 : evaluateArithmetic(raw, variable);
	};
	const primary = (): number => {
		const token = tokens[at++];
		if (token === undefined) return fail();
		if (token === '(') {
			const inner = expression(0);
			if (tokens[at++] !== ')') fail();
			return inner;
		}
		if (token === '-') return -primary();
		if (token === '+') return primary();
		if (token === '!') return Number(primary() === 0);
		if (token === '~') return ~primary();
		if (/^0[xX]/.test(token)) return parseInt(token, 16);
		if (/^\d/.test(token)) return Number(token);
		if (/^[A-Za-z_]/.test(token)) return value(token, 0);
		return fail();
	};
	const expression = (min: number): number => {
		let left = primary();
		for (;;) {
			const op = tokens[at];
			const entry = op === undefined ? undefined : binary[op];
			if (!entry || entry[0] <= min) return left;
			at++;
			const right = expression(entry[0]);
			if ((op === '/' || op === '%') && right === 0) throw new ArithmeticError(`${text.trim()}: division by 0 (error token is "${tokens.slice(at - 1).join(' ')}")`);
			left = entry[1](left, right);
		}
	};
	if (tokens.length === 0) return 0;
	const result = expression(0);
	if (at < tokens.length) fail();
	return result;
}
