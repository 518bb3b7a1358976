// Text from the simulated world on the learner's real terminal: a hostile file name or a program's
// output must not move the cursor, clear the screen or retitle the window. Control characters
// (other than newline and tab) are shown in caret notation, as `cat -v` does: ESC as ^[.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visibleText(text: string): string {
	return text.replace(controls, char => {
		const code = char.charCodeAt(0);
		if (code === 0x7f) return '^?';
		if (code < 0x20) return '^' + String.fromCharCode(code + 64);
		return 'M-^' + String.fromCharCode(code - 0x80 + 64);
	});
}
