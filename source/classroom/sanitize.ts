// Text from students reaches the instructor's terminal: a name like "\x1b[2J" or an OSC
// sequence could clear or retitle it, and bidi overrides could disguise a name. Strip them all.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS (ESC ] ... BEL or ST), and two-byte escapes.
const escapeSequences = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_]|.)?/gu;
// The 8-bit forms: C1 CSI (0x9b) and OSC (0x9d) with their bodies.
const c1Sequences = /\u009b[0-?]*[ -/]*[@-~]|[\u0090\u009d\u009e\u009f][^\u0007\u009c]*(?:\u0007|\u009c)?/gu;
// Remaining controls (C0 except nothing, DEL, C1), bidi controls, zero-width joiners used for spoofing, BOM.
const controls = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/** One line of safe text: no escapes, no controls, whitespace collapsed, at most `max` characters. */
export function sanitizeText(raw: string, max = 300): string {
	const cleaned = raw
		.replace(/[\t\n\r\v\f]+/g, ' ')
		.replace(escapeSequences, '')
		.replace(c1Sequences, '')
		.replace(controls, '')
		.normalize('NFC')
		.replace(/ {2,}/g, ' ')
		.trim();
	const chars = [...cleaned];
	return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : cleaned;
}

/** A student's display name; undefined when nothing printable is left. */
export function sanitizeName(raw: string, max = 32): string | undefined {
	const name = sanitizeText(raw, max);
	return name.length > 0 ? name : undefined;
}

/** Names compare case-insensitively, so "Alice" cannot pose as "alice". */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLocaleLowerCase('en');
}
