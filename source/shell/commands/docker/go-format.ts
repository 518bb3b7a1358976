// `--format` for list commands: Go-template fields ({{.Names}}), `table` for a header row, and
// `\t` separated columns laid out like docker's tabwriter. `{{json .}}` prints the row as JSON.
import {worldEpoch} from '../../../engine/world.ts';
import {table} from './format.ts';

export type FormatRow = Record<string, string>;

/** Go's time.Time.String() of a Unix time (whole seconds) in UTC, as --format's CreatedAt prints it: "2026-01-05 09:00:00 +0000 UTC". */
export function goTimeString(at: number): string {
	return new Date(worldEpoch + at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');
}

/**
 * A formatter context's MarshalJSON: json.Marshal of a map of its fields, so Go sorts the keys and
 * escapes <, > and & ("\u003cnone\u003e").
 */
export function marshalContext(row: Record<string, unknown>): string {
	const sorted = Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return JSON.stringify(sorted).replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/**
 * Renders rows with a docker --format template; `headers` names each field's column. An unknown
 * field is Go's template error, naming `context` ("*formatter.ContainerContext").
 */
export function formatRows(template: string, rows: FormatRow[], headers: Record<string, string>, context = '*formatter.ContainerContext'): string | {error: string} {
	for (const m of template.matchAll(/\{\{\s*(?:json\s+)?\.([A-Za-z]+)\s*\}\}/g)) {
		if (!(m[1]! in headers)) return {error: `template: :1:${m.index! + m[0].indexOf('.')}: executing "" at <.${m[1]}>: can't evaluate field ${m[1]} in type ${context}`};
	}
	// formatter.JSONFormatKey: "json" is {{json .}}.
	let body = (template === 'json' ? '{{json .}}' : template).replace(/\\t/g, '\t').replace(/\\n/g, '\n');
	const asTable = /^table(\s|$)/.test(body);
	if (asTable) body = body.replace(/^table\s*/, '');
	const render = (row: FormatRow) =>
		body.replace(/\{\{\s*(json\s+)?\.([A-Za-z]*)\s*\}\}/g, (_, json: string | undefined, field: string) => {
			// The context's MarshalJSON is a map of its fields: Go writes a map's keys sorted.
			if (field === '') return marshalContext(row);
			const value = row[field];
			if (value === undefined) return json ? 'null' : '<no value>';
			return json ? JSON.stringify(value) : value;
		});
	if (!asTable) return rows.map(row => render(row) + '\n').join('');
	const headerRow: FormatRow = Object.fromEntries(Object.keys(headers).map(k => [k, headers[k]!]));
	const lines = [render(headerRow), ...rows.map(render)].map(line => line.split('\t'));
	return table(lines);
}
