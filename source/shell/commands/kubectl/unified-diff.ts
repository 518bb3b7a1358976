// GNU `diff -u` hunks (3 lines of context) between two texts, as `kubectl diff` prints them.

type Op = {kind: ' ' | '-' | '+'; line: string};

/** The edit script of a longest common subsequence, lines of `a` removed, of `b` added. */
function editScript(a: string[], b: string[]): Op[] {
	const n = a.length;
	const m = b.length;
	const lcs: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
	const ops: Op[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			ops.push({kind: ' ', line: a[i]!});
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({kind: '-', line: a[i++]!});
		else ops.push({kind: '+', line: b[j++]!});
	}
	while (i < n) ops.push({kind: '-', line: a[i++]!});
	while (j < m) ops.push({kind: '+', line: b[j++]!});
	return ops;
}

function lines(text: string): string[] {
	if (text === '') return [];
	return text.replace(/\n$/, '').split('\n');
}

/** The hunks (`@@ -l,s +l,s @@` and lines) of `diff -u`, or '' when the texts are equal. */
export function unifiedHunks(before: string, after: string, context = 3): string {
	const ops = editScript(lines(before), lines(after));
	if (ops.every(op => op.kind === ' ')) return '';
	const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter(i => i >= 0);
	// Group changes whose context windows touch or overlap.
	const groups: [number, number][] = [];
	for (const i of changed) {
		const last = groups[groups.length - 1];
		if (last && i - last[1] <= context * 2) last[1] = i;
		else groups.push([i, i]);
	}
	let out = '';
	for (const [first, last] of groups) {
		const start = Math.max(0, first - context);
		const end = Math.min(ops.length - 1, last + context);
		let aStart = 0;
		let bStart = 0;
		for (let i = 0; i < start; i++) {
			if (ops[i]!.kind !== '+') aStart++;
			if (ops[i]!.kind !== '-') bStart++;
		}
		const slice = ops.slice(start, end + 1);
		const aLen = slice.filter(op => op.kind !== '+').length;
		const bLen = slice.filter(op => op.kind !== '-').length;
		const range = (from: number, len: number) => (len === 1 ? `${from + 1}` : `${len === 0 ? from : from + 1},${len}`);
		out += `@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@\n`;
		out += slice.map(op => `${op.kind}${op.line}\n`).join('');
	}
	return out;
}
