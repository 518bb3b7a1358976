// Docker's human-readable units (docker/go-units), so sizes and ages print as the real CLI prints them.

/** go-units HumanDuration: "Less than a second", "3 seconds", "About a minute", "7 years". */
export function humanDuration(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.floor(ms / 60_000);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.floor(ms / 3_600_000 + 0.5);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
	return `${Math.floor(Math.floor(ms / 3_600_000) / 24 / 365)} years`;
}

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** go-units HumanSizeWithPrecision: decimal units, `%.{precision}g`: "660MB", "4.26MB", "1.24kB". */
export function humanSize(bytes: number, precision = 3): string {
	let size = bytes;
	let i = 0;
	while (size >= 1000 && i < decimalUnits.length - 1) {
		size /= 1000;
		i++;
	}
	return `${formatG(size, precision)}${decimalUnits[i]}`;
}

/** C's %g: `precision` significant digits, trailing zeros dropped. */
function formatG(value: number, precision: number): string {
	if (value === 0) return '0';
	const text = value.toPrecision(precision);
	if (text.includes('e')) return String(Number(text));
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** `docker ps`/`docker images` ids: the first 12 hex characters, without "sha256:". */
export function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Parses docker's memory strings: "64m", "1g", "512000", "100M", "1.5g". */
export function parseMemoryBytes(text: string): number | undefined {
	const m = text.trim().match(/^(\d+(?:\.\d+)?)\s*([bkmgt]?)b?$/i);
	if (!m) return undefined;
	const unit = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4}[m[2]!.toLowerCase()]!;
	return Math.floor(Number(m[1]) * unit);
}
