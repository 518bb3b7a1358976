// Full screen or plain lines: the box UI needs a terminal on both ends that can move its cursor.

export type TerminalFacts = {plainFlag: boolean; stdinTTY: boolean; stdoutTTY: boolean; term: string | undefined};

/** Plain when asked, when input or output is not a terminal, or when the terminal cannot draw (TERM=dumb); `notice` says why when that is not obvious. */
export function terminalMode(facts: TerminalFacts): {plain: boolean; notice?: string} {
	if (facts.plainFlag) return {plain: true};
	if (!facts.stdinTTY || !facts.stdoutTTY) return {plain: true};
	if (facts.term === 'dumb') return {plain: true, notice: 'TERM=dumb: this terminal cannot draw the full screen, so k8s-tutor runs in plain mode (set TERM, e.g. xterm-256color, for the full screen)'};
	return {plain: false};
}
