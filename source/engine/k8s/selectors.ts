// Label selectors: the `-l app=kubia,env!=prod` of kubectl and the selectors of controllers and services.

export type Requirement =
	| {key: string; op: '=' | '!='; value: string}
	| {key: string; op: 'in' | 'notin'; values: string[]}
	| {key: string; op: 'exists' | '!exists'};

/** Parses a selector string; undefined when it does not parse. */
export function parseSelector(text: string): Requirement[] | undefined {
	const out: Requirement[] = [];
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (ch === ',' && depth === 0) {
			parts.push(current);
			current = '';
		} else current += ch;
	}
	parts.push(current);
	for (const raw of parts) {
		const part = raw.trim();
		if (!part) {
			if (text.trim() === '') continue;
			return undefined;
		}
		let m: RegExpMatchArray | null;
		if ((m = part.match(/^([A-Za-z0-9_./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
			out.push({key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map(v => v.trim())});
		} else if ((m = part.match(/^([A-Za-z0-9_./-]+)\s*(!=|==|=)\s*([A-Za-z0-9_.-]*)$/))) {
			out.push({key: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]!});
		} else if ((m = part.match(/^!([A-Za-z0-9_./-]+)$/))) {
			out.push({key: m[1]!, op: '!exists'});
		} else if ((m = part.match(/^([A-Za-z0-9_./-]+)$/))) {
			out.push({key: m[1]!, op: 'exists'});
		} else return undefined;
	}
	return out;
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
	const l = labels ?? {};
	return reqs.every(r => {
		const has = Object.prototype.hasOwnProperty.call(l, r.key);
		switch (r.op) {
			case '=':
				return has && l[r.key] === r.value;
			case '!=':
				return !has || l[r.key] !== r.value;
			case 'in':
				return has && r.values.includes(l[r.key]!);
			case 'notin':
				return !has || !r.values.includes(l[r.key]!);
			case 'exists':
				return has;
			case '!exists':
				return !has;
		}
	});
}

/** An equality selector (a map) matches when every pair is present. An empty map matches nothing for services. */
export function matchesMap(labels: Record<string, string> | undefined, selector: Record<string, string> | undefined): boolean {
	if (!selector) return false;
	const entries = Object.entries(selector);
	if (entries.length === 0) return false;
	return entries.every(([k, v]) => labels?.[k] === v);
}

export function formatLabels(labels: Record<string, string> | undefined): string {
	const entries = Object.entries(labels ?? {});
	return entries.length ? entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** A metav1.LabelSelector (matchLabels + matchExpressions) as requirements. */
export function labelSelectorRequirements(sel: {matchLabels?: Record<string, string>; matchExpressions?: {key: string; operator: string; values?: string[]}[]} | undefined): Requirement[] {
	const reqs: Requirement[] = Object.entries(sel?.matchLabels ?? {}).map(([key, value]) => ({key, op: '=' as const, value}));
	for (const e of sel?.matchExpressions ?? []) {
		const op = String(e.operator).toLowerCase();
		if (op === 'in' || op === 'notin') reqs.push({key: e.key, op, values: e.values ?? []});
		else if (op === 'exists') reqs.push({key: e.key, op: 'exists'});
		else if (op === 'doesnotexist') reqs.push({key: e.key, op: '!exists'});
	}
	return reqs;
}

/** Whether labels match a LabelSelector; an empty selector matches everything (a PodDisruptionBudget's, in policy/v1). */
export function matchesSelector(labels: Record<string, string> | undefined, sel: Parameters<typeof labelSelectorRequirements>[0]): boolean {
	return matchesRequirements(labels, labelSelectorRequirements(sel));
}
