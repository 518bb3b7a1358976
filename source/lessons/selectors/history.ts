// What checks read from the learner's shell: the commands typed during the step, and where the shell is.

/** A line the learner ran; `ownNamespaces`: the namespace kinds its shell had of its own (an unshare'd shell). */
export type CommandRecord = {line: string; exitCode: number; ownNamespaces?: string[]};

/** Simple commands of a line: "a && b | c" gives a, b, c (quotes are not split). */
export function simpleCommands(line: string): string[][] {
	const out: string[][] = [];
	for (const part of line.split(/&&|\|\||;|\||\n/)) {
		const words = part.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
		if (words.length) out.push(words.map(w => w.replace(/^(["'])(.*)\1$/, '$2')));
	}
	return out;
}

/**
 * True when `line` uses `pattern`: a /regular expression/ over the whole line, or words that
 * appear in this order in one simple command, starting with the command's name
 * ("docker build" matches "docker build -t kubia .", "kubectl get pods" matches "kubectl get pods -o wide").
 */
export function lineUses(line: string, pattern: string): boolean {
	const regex = pattern.match(/^\/(.*)\/([imsu]*)$/);
	if (regex) {
		try {
			return new RegExp(regex[1]!, regex[2]).test(line);
		} catch {
			return false;
		}
	}
	const wanted = pattern.trim().split(/\s+/);
	return simpleCommands(line).some(words => {
		if (words[0] !== wanted[0]) return false;
		let at = 1;
		for (const word of words.slice(1)) if (at < wanted.length && word === wanted[at]) at++;
		return at === wanted.length;
	});
}
