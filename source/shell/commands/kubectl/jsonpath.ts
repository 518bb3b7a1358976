// The subset of kubectl's JSONPath templates learners use: {.status.podIP},
// {.items[*].metadata.name}, {.items[0].spec.nodeName}, literal text around them, and
// custom-columns=NAME:.metadata.name,IP:.status.podIP.

/** Values at a path like `.items[*].metadata.name` (several for [*]). */
export function evaluatePath(root: unknown, path: string): unknown[] | {error: string} {
	const steps = path.replace(/^\$/, '').match(/\.[^.[\]]+|\[[^\]]*\]/g);
	if (path !== '' && path !== '.' && (!steps || steps.join('') !== path.replace(/^\$/, ''))) return {error: `unrecognized identifier ${path}`};
	let current: unknown[] = [root];
	for (const step of steps ?? []) {
		const next: unknown[] = [];
		for (const value of current) {
			if (step.startsWith('.')) {
				if (value && typeof value === 'object' && !Array.isArray(value) && step.slice(1) in value) next.push((value as Record<string, unknown>)[step.slice(1)]);
			} else {
				const inner = step.slice(1, -1);
				if (!Array.isArray(value)) continue;
				if (inner === '*') next.push(...value);
				else if (/^-?\d+$/.test(inner)) {
					const i = Number(inner);
					const item = value[i < 0 ? value.length + i : i];
					if (item !== undefined) next.push(item);
				}
			}
		}
		current = next;
	}
	return current;
}

function show(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** Renders `-o jsonpath=TEMPLATE`, or kubectl's error. */
export function renderJsonPath(root: unknown, template: string): {text: string} | {error: string} {
	let out = '';
	let rest = template.replace(/^['"]|['"]$/g, '');
	while (rest.length) {
		const open = rest.indexOf('{');
		if (open < 0) {
			out += rest;
			break;
		}
		out += rest.slice(0, open);
		const close = rest.indexOf('}', open);
		if (close < 0) return {error: `error: error parsing jsonpath ${template}, unclosed action`};
		const expression = rest.slice(open + 1, close).trim();
		rest = rest.slice(close + 1);
		if (expression === '"\\n"' || expression === "'\\n'") {
			out += '\n';
			continue;
		}
		const values = evaluatePath(root, expression);
		if ('error' in values) return {error: `error: error parsing jsonpath ${template}, ${values.error}`};
		out += values.map(show).join(' ');
	}
	return {text: out};
}

/** Renders `-o custom-columns=NAME:.metadata.name,...` rows for a list of objects. */
export function customColumns(objects: unknown[], spec: string): {rows: string[][]} | {error: string} {
	const columns = spec.split(',').map(part => {
		const colon = part.indexOf(':');
		return colon < 0 ? undefined : {header: part.slice(0, colon), path: part.slice(colon + 1).replace(/^\{|\}$/g, '')};
	});
	if (columns.some(c => !c)) return {error: 'error: custom-columns format specified but no custom columns given'};
	const rows = [columns.map(c => c!.header)];
	for (const obj of objects) {
		rows.push(
			columns.map(c => {
				const values = evaluatePath(obj, c!.path.startsWith('.') ? c!.path : `.${c!.path}`);
				return 'error' in values || values.length === 0 ? '<none>' : values.map(show).join(',');
			}),
		);
	}
	return {rows};
}
