// YAML as kubectl's printer writes it (sigs.k8s.io/yaml over go-yaml v2).
import {Document, visit} from 'yaml';

/** Keys sorted as kubectl's YAML printer sorts them (it goes through a map). */
export function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([k, v]) => [k, sortKeys(v)]),
		);
	}
	return value;
}

/** A string go-yaml v2 would read back as another type (null, bool, number, timestamp): it double-quotes those. */
const resolvesToOtherType = /^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|\d{4}-\d\d?-\d\d?([Tt ]\d\d?:\d\d?:\d\d?(\.\d*)?(Z|[-+]\d\d?(:\d\d)?)?)?)$/;

export function toYaml(value: unknown): string {
	// go-yaml's habits: sequences not indented under their key; a string that would read back as
	// another type double-quoted (YAML 1.1: y/n, timestamps), any other string that cannot be
	// plain single-quoted (schedule: '*/1 * * * *').
	const doc = new Document(sortKeys(value), {version: '1.1'});
	visit(doc, {
		Scalar(_, node) {
			if (typeof node.value === 'string' && (node.value === '' || resolvesToOtherType.test(node.value))) node.type = 'QUOTE_DOUBLE';
		},
	});
	// go-yaml writes managedFields' "." keys plain (.: {}), which the yaml library will not.
	return doc.toString({lineWidth: 0, indentSeq: false, singleQuote: true}).replace(/^(\s*(?:- )?)'\.':/gm, '$1.:');
}

