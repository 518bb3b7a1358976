// kubectl explain (kubectl 1.32, the OpenAPI v3 "plaintext" template): a kind or a field path
// (pod.spec.containers) with its description and its fields, or --recursive the field tree.
import {explainEnums} from '../../../engine/k8s/explain-enums.ts';
import {explainSchemaJson} from '../../../engine/k8s/explain-schema.ts';
import {resourceByKind} from '../../../engine/k8s/resources.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool} from './args.ts';
import {fail, type Kctx} from './context.ts';
import {findResource, unknownResourceType} from './resource-names.ts';

/** [name, type as kubectl prints it, required (1), description, the key of the type it refers to]. */
type Field = [string, string, number, string, string?];
type Schema = {kinds: Record<string, string>; types: Record<string, {description: string; fields: Field[]}>};

let schema: Schema | undefined;
function loaded(): Schema {
	schema ??= JSON.parse(explainSchemaJson) as Schema;
	return schema;
}

/** mitchellh/go-wordwrap's WrapString, which kubectl's `wrap` uses: breaks at spaces, never inside a word. */
export function wordWrap(text: string, limit: number): string {
	let out = '';
	let current = 0;
	let word = '';
	let space = '';
	for (const ch of text) {
		if (ch === '\n') {
			if (word.length === 0) {
				if (current + space.length > limit) current = 0;
				else out += space;
			} else out += space + word;
			space = '';
			word = '';
			out += ch;
			current = 0;
		} else if (/\s/.test(ch) && ch !== '\u00a0') {
			if (space.length === 0 || word.length > 0) {
				current += space.length + word.length;
				out += space + word;
				space = '';
				word = '';
			}
			space += ch;
		} else {
			word += ch;
			if (current + space.length + word.length > limit && word.length < limit) {
				out += '\n';
				current = 0;
				space = '';
			}
		}
	}
	if (word.length === 0) {
		if (current + space.length <= limit) out += space;
	} else out += space + word;
	return out;
}

function indent(amount: number, text: string): string {
	const pad = ' '.repeat(amount);
	return pad + text.replace(/\n/g, `\n${pad}`);
}

/** A field's enum (its values and the "Possible enum values" text the API appends to its description). */
function enumOf(typeKey: string, field: string): {values: string[]; doc: string} | undefined {
	return explainEnums[`${typeKey}.${field}`];
}

/** The template's extractEnum: `""` for the empty value. */
function enumValue(value: string): string {
	return value === '' ? '""' : value;
}

/** The description as the API serves it: with its "Possible enum values" block for an enum field. */
function fieldDescription(typeKey: string, field: Field): string {
	const found = enumOf(typeKey, field[0]);
	return found ? `${field[3]}\n\n${found.doc}` : field[3];
}

/** The fields of a type, one block each: `  name\t<type>`, its enum (4 values at most), and the wrapped description, or the bare tree for --recursive. */
function fieldList(s: Schema, key: string, level: number, recursive: boolean, seen: string[]): string {
	const type = s.types[key];
	if (!type || seen.includes(key)) return '';
	let out = '';
	for (const field of [...type.fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const [name, typeName, required, , ref] = field;
		const pad = level * 2;
		out += `${indent(pad, name)}\t<${typeName}>${required ? ' -required-' : ''}`;
		const values = enumOf(key, name)?.values;
		if (values) out += `\n${' '.repeat(pad)}enum: ${values.slice(0, 4).map(enumValue).join(', ')}${values.length > 4 ? ', ....' : ''}`;
		out += '\n';
		if (recursive) {
			if (ref) out += fieldList(s, ref, level + 1, recursive, [...seen, key]);
		} else out += `${indent(pad + 2, wordWrap(fieldDescription(key, field) || '<no description>', 78 - pad))}\n\n`;
	}
	return out;
}

export function kubectlExplain(k: Kctx): CommandOutcome {
	const what = k.args.positional[0];
	if (!what) return fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples');
	const [typed, ...path] = what.split('.');
	const info = findResource(typed!);
	if (!info) return fail(unknownResourceType(typed!));
	const kind = resourceByKind(info.kind)!;
	const s = loaded();
	let key: string | undefined = s.kinds[kind.kind];
	if (!key) return fail(`[simulator] kubectl explain has no documentation for ${kind.kind} in this version`);
	let description = s.types[key]!.description;
	let fieldLine = '';
	for (let i = 0; i < path.length; i++) {
		const field: Field | undefined = s.types[key!]?.fields.find(f => f[0] === path[i]);
		if (!field) return fail(`error: field "${path[i]}" does not exist`);
		if (i === path.length - 1) {
			// The template: the FIELD line, ENUM: and one value a line when there are some, then two newlines.
			const values = enumOf(key!, field[0])?.values;
			fieldLine = `FIELD: ${field[0]} <${field[1]}>\n${values ? `ENUM:${values.map(v => `\n    ${enumValue(v)}`).join('')}` : ''}\n\n`;
			// The template prints the field's description, then the description of the type it holds.
			description = [fieldDescription(key!, field), field[4] ? s.types[field[4]]!.description : ''].filter(Boolean).join('\n');
		}
		key = field[4];
		if (!key && i < path.length - 1) return fail(`error: field "${path[i + 1]}" does not exist`);
	}
	const recursive = bool(k.args, 'recursive');
	const fields = key ? fieldList(s, key, 1, recursive, []) : '';
	const group = kind.apiVersion.includes('/') ? `GROUP:      ${kind.apiVersion.split('/')[0]}\n` : '';
	const body = `DESCRIPTION:\n${indent(4, wordWrap(`${description || '<empty>'}\n`, 76))}\n${fields ? `FIELDS:\n${fields}` : ''}`;
	return {stdout: `${group}KIND:       ${kind.kind}\nVERSION:    ${kind.apiVersion.split('/').pop()}\n\n${fieldLine}${body}\n`, exitCode: 0};
}
