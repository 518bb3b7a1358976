// The conformance tests' comparison of the real tool's lines with the built-in's.

/** The lines only one side printed, in order (a longest-common-subsequence diff): `real: ...` or `built-in: ...`. */
export function lineDiff(real: string[], builtIn: string[]): string[] {
	const n = real.length;
	const m = builtIn.length;
	const common: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) common[i]![j] = real[i] === builtIn[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
	const out: string[] = [];
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && real[i] === builtIn[j]) {
			i++;
			j++;
		} else if (j >= m || (i < n && common[i + 1]![j]! >= common[i]![j + 1]!)) out.push(`real: ${real[i++]}`);
		else out.push(`built-in: ${builtIn[j++]}`);
	}
	return out;
}
