// $(( ... )) for container scripts: integers, + - * / %, comparisons, && || !, parentheses and
// variable names. A tiny recursive-descent evaluator (no eval); a bad expression is an error.

export function evaluateArithmetic(expression: string, lookup: (name: string) => string | undefined): number | {error: string} {
	const tokens = expression.match(/\d+|[A-Za-z_]\w*|\$[A-Za-z_]\w*|&&|\|\||==|!=|<=|>=|[-+*/%()<>!]|\S/g) ?? [];
	let i = 0;
	const fail = (): never => {
		throw new Error(`arithmetic syntax error`);
	};
	const primary = (): number => {
		const t = tokens[i++];
		if (t === undefined) return fail();
		if (t === '(') {
			const v = or();
			if (tokens[i++] !== ')') fail();
			return v;
		}
		if (t === '-') return -primary();
		if (t === '+') return primary();
		if (t === '!') return primary() === 0 ? 1 : 0;
		if (/^\d+$/.test(t)) return Number(t);
		if (/^\$?[A-Za-z_]\w*$/.test(t)) {
			const value = lookup(t.replace(/^\$/, '')) ?? '0';
			return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : 0;
		}
		return fail();
	};
	const binary = (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
		let v = next();
		while (tokens[i] !== undefined && ops[tokens[i]!]) {
			const op = ops[tokens[i++]!]!;
			v = op(v, next());
		}
		return v;
	};
	const divide = (a: number, b: number) => (b === 0 ? fail() : Math.trunc(a / b));
	const product = binary(primary, {'*': (a, b) => a * b, '/': divide, '%': (a, b) => (b === 0 ? fail() : a % b)});
	const sum = binary(product, {'+': (a, b) => a + b, '-': (a, b) => a - b});
	const compare = binary(sum, {'<': (a, b) => +(a < b), '>': (a, b) => +(a > b), '<=': (a, b) => +(a <= b), '>=': (a, b) => +(a >= b)});
	const equal = binary(compare, {'==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b)});
	const and = binary(equal, {'&&': (a, b) => +(a !== 0 && b !== 0)});
	const or = binary(and, {'||': (a, b) => +(a !== 0 || b !== 0)});
	try {
		if (tokens.length === 0) return 0;
		const value = or();
		if (i < tokens.length) fail();
		return value;
	} catch {
		return {error: `arithmetic syntax error`};
	}
}
