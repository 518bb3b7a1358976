// kubectl's output helpers: Go tabwriter columns (widest cell + 3 spaces) and HumanDuration ages.

/** Columns padded like Go's tabwriter: `kubectl get` pads 3 spaces, `kubectl describe` 2. */
export function table(rows: string[][], padding = 3): string {
	if (rows.length === 0) return '';
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + padding))).join('').trimEnd()).join('\n') + '\n';
}

/** Go's duration.HumanDuration, as kubectl prints AGE: 45s, 119s, 2m, 5m10s, 3h20m, 3d4h, 2y. */
export function humanDuration(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 0) return '0s';
	if (seconds < 60 * 2) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}
	if (minutes < 60 * 3) return `${minutes}m`;
	const hours = Math.floor(seconds / 3600);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}
	if (hours < 48) return `${hours}h`;
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
	}
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
	if (hours < 24 * 365 * 8) {
		const dy = Math.floor(hours / 24) % 365;
		return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
	}
	return `${Math.floor(hours / 24 / 365)}y`;
}
