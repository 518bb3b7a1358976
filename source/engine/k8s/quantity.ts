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

const decimalSuffix: Record<number, string> = {[-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E'};
const binarySuffix: Record<string, bigint> = {Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n};
const decimalPower: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18};

/** resource.ParseQuantity(...).String(): the canonical form a Quantity serializes to ("1000m" -> "1", "1024Mi" -> "1Gi"). */
export function canonicalQuantity(text: string): string | undefined {
	const m = /^([+-]?)(\d+)?(?:\.(\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/.exec(text);
	if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
	const sign = m[1] === '-' ? -1n : 1n;
	const fraction = m[3] ?? '';
	const suffix = m[4] ?? '';
	// The value in units of 10^-(9 + fraction digits), exactly.
	const digits = BigInt((m[2] ?? '0') + fraction) * sign;
	if (suffix in binarySuffix) {
		const scaled = digits * binarySuffix[suffix]!;
		const divisor = 10n ** BigInt(fraction.length);
		if (scaled % divisor === 0n) {
			const bytes = scaled / divisor;
			const magnitude = bytes < 0n ? -bytes : bytes;
			if (magnitude >= 1024n) {
				for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (bytes % binarySuffix[unit]! === 0n) return `${bytes / binarySuffix[unit]!}${unit}`;
				return String(bytes);
			}
		}
		return canonicalDecimal(scaled, -fraction.length, '');
	}
	const exponent = /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : decimalPower[suffix]!;
	return canonicalDecimal(digits, exponent - fraction.length, /^[eE]/.test(suffix) ? 'e' : '');
}

/** value x 10^exponent written with the largest exponent of 3 that keeps the mantissa whole (rounded up to nanos). */
function canonicalDecimal(value: bigint, exponent: number, style: 'e' | ''): string {
	let nanos: bigint;
	if (exponent + 9 >= 0) nanos = value * 10n ** BigInt(exponent + 9);
	else {
		const divisor = 10n ** BigInt(-(exponent + 9));
		nanos = value / divisor + (value % divisor > 0n ? 1n : 0n);
	}
	if (nanos === 0n) return '0';
	for (let e = 18; e >= -9; e -= 3) {
		const unit = 10n ** BigInt(e + 9);
		if (nanos % unit === 0n) return `${nanos / unit}${style === 'e' ? (e === 0 ? '' : `e${e}`) : decimalSuffix[e]}`;
	}
	return `${nanos}n`;
}
