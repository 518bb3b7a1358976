// The `filters` query parameter: JSON {"name":{"web":true}} (what the CLI sends) or {"name":["web"]}.

export type Filters = Record<string, string[]>;

export function parseFilters(text: string | null): {filters: Filters} | {error: string} {
	if (!text) return {filters: {}};
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return {error: `invalid filter: ${error instanceof Error ? error.message : String(error)}`};
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {error: 'invalid filter: filters must be a JSON object'};
	const out: Filters = {};
	for (const [key, value] of Object.entries(raw)) {
		if (Array.isArray(value)) out[key] = value.map(String);
		else if (value && typeof value === 'object') out[key] = Object.entries(value).filter(([, on]) => on).map(([v]) => v);
		else return {error: `invalid filter '${key}'`};
	}
	return {filters: out};
}

/** The first filter key not in `known`: dockerd answers `invalid filter 'KEY'`. */
export function unknownFilter(filters: Filters, known: string[]): string | undefined {
	return Object.keys(filters).find(key => !known.includes(key));
}
