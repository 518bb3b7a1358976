// Where a line may break inside a run without spaces: between Chinese (and other CJK) characters,
// but never before closing punctuation (，。）) or after opening punctuation (（“), and never
// inside a run of Latin letters and digits ("container-1", "VM"). Used by both wrappers: the
// plain renderer's and the lesson pane's.

const cjk = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const closing = /[，。、；：！？）」』》〉”’,.;:!?)\]}]/;
const opening = /[（「『《〈“‘([{]/;

/** A word (no spaces) cut into the smallest pieces a line may break between. */
export function breakablePieces(word: string): string[] {
	if (!cjk.test(word)) return [word];
	const out: string[] = [];
	let current = '';
	let previous = '';
	for (const char of word) {
		const mayBreak = current !== '' && (cjk.test(char) || cjk.test(previous)) && !closing.test(char) && !opening.test(previous);
		if (mayBreak) {
			out.push(current);
			current = '';
		}
		current += char;
		previous = char;
	}
	if (current) out.push(current);
	return out;
}
