// How many terminal cells text takes (CJK and emoji two, marks and controls none): string-width's
// answer, the one Ink lays the screen out with, so our wrapping and padding agree with Ink's.
import stringWidth from 'string-width';

export function textWidth(text: string): number {
	return stringWidth(text);
}

/** The cells of one character (a code point, or a grapheme such as an emoji with its modifiers). */
export function charWidth(char: string): number {
	return stringWidth(char);
}
