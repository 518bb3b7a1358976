// Kubernetes resource quantities: "250m" or "0.5" CPUs, "128Mi" or "1G" bytes.

const binary: Record<string, number> = {Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60};
const decimal: Record<string, number> = {n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18};

const quantityPattern = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|K|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** The value of a quantity in base units (cores, bytes), or undefined when it does not parse. */
export function parseQuantity(text: string | number | undefined): number | undefined {
	if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
	if (typeof text !== 'string') return undefined;
	const m = text.trim().match(quantityPattern);
	if (!m) return undefined;
	const value = Number(m[1]);
	const suffix = m[2] ?? '';
	if (suffix in binary) return value * binary[suffix]!;
	if (suffix in decimal) return value * decimal[suffix]!;
	if (/^[eE]/.test(suffix)) return value * 10 ** Number(suffix.slice(1));
	return undefined;
}

export function cpuMilli(text: string | number | undefined): number {
	const v = parseQuantity(text);
	return v === undefined ? 0 : Math.round(v * 1000);
}

export function memoryBytes(text: string | number | undefined): number {
	const v = parseQuantity(text);
	return v === undefined ? 0 : Math.round(v);
}

/** "250m" for fractions of a core, "2" for whole cores, as kubectl describe prints them. */
export function formatCpu(milli: number): string {
	return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** "128Mi", "4Gi", or plain bytes. */
export function formatMemory(bytes: number): string {
	for (const unit of ['Gi', 'Mi', 'Ki'] as const) {
		if (bytes >= binary[unit]! && bytes % binary[unit]! === 0) return `${bytes / binary[unit]!}${unit}`;
	}
	return String(bytes);
}
