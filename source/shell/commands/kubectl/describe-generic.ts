// kubectl's generic describer, for kinds without a describer of their own (a Lease): Name,
// Namespace, Labels and Annotations, then every other field of the object, sorted, under labels
// made from the field names ("Holder Identity"), as pkg/describe's printUnstructuredContent does.
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {annotationList, eventsSection, labelList} from './describe-parts.ts';
import {tabwrite} from './tabwriter.ts';

const acronyms = ['API', 'URL', 'UID', 'GUID'];

/** camelcase.Split as kubectl uses it: runs of lower case, upper case, digits and other characters. */
function camelSplit(word: string): string[] {
	const kind = (ch: string) => (/[a-z]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 3 : 4);
	const runs: string[][] = [];
	let last = 0;
	for (const ch of word) {
		const k = kind(ch);
		if (k === last) runs[runs.length - 1]!.push(ch);
		else runs.push([ch]);
		last = k;
	}
	// "HTTPServer": the last upper-case letter before lower case starts the next word.
	for (let i = 0; i < runs.length - 1; i++) {
		if (kind(runs[i]![0]!) === 2 && kind(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!);
	}
	return runs.map(r => r.join('')).filter(Boolean);
}

/** smartLabelFor: "leaseDurationSeconds" -> "Lease Duration Seconds", "uid" -> "UID". */
export function smartLabel(field: string): string {
	if ([...field].some(ch => !/\p{L}/u.test(ch) && ch !== '-')) return field;
	const parts = camelSplit(field);
	const merged: string[] = [];
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i]!;
		const next = parts[i + 1];
		if (next !== undefined && part.length >= 2 && part === part.toUpperCase() && /^[A-Z]/.test(next)) {
			merged.push(part + next);
			i++;
		} else merged.push(part);
	}
	return merged
		.filter(p => p !== '_')
		.map(p => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.toLowerCase() === p ? p.charAt(0).toUpperCase() + p.slice(1) : p))
		.join(' ');
}

function scalar(value: unknown): string {
	if (value === null || value === undefined) return '<nil>';
	return String(value);
}

const skipped = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

function content(lines: string[], level: number, map: Record<string, unknown>, prefix: string): void {
	const indent = '  '.repeat(level);
	for (const field of Object.keys(map).sort()) {
		const value = map[field];
		const path = `${prefix}.${field}`;
		if (skipped.includes(path)) continue;
		if (Array.isArray(value)) {
			lines.push(`${indent}${smartLabel(field)}:`);
			for (const child of value) {
				if (child && typeof child === 'object' && !Array.isArray(child)) content(lines, level + 1, child as Record<string, unknown>, path);
				else lines.push(`${indent}  ${scalar(child)}`);
			}
		} else if (value && typeof value === 'object') {
			lines.push(`${indent}${smartLabel(field)}:`);
			content(lines, level + 1, value as Record<string, unknown>, path);
		} else lines.push(`${indent}${smartLabel(field)}:\t${scalar(value)}`);
	}
}

function multiline(label: string, values: string[]): string[] {
	if (values.length === 0) return [`${label}:\t<none>`];
	return values.map((v, i) => `${i === 0 ? `${label}:` : ''}\t${v}`);
}

export function describeUnstructured(w: World, obj: KubeObject): string {
	const lines = [`Name:\t${obj.metadata.name}`, `Namespace:\t${obj.metadata.namespace ?? ''}`, ...multiline('Labels', labelList(obj.metadata.labels)), ...multiline('Annotations', annotationList(obj.metadata.annotations))];
	content(lines, 0, obj as Record<string, unknown>, '');
	const events = eventsSection(w, obj);
	if (/^Events: +<none>\n$/.test(events)) return tabwrite(`${lines.join('\n')}\nEvents:\t<none>\n`);
	return tabwrite(`${lines.join('\n')}\n`) + events;
}
