// "Did you mean" for a mistyped command or resource: the closest known word by edit distance,
// close enough to be a typo (not just any short word).
import {distance} from 'fastest-levenshtein';
import {resourceInfos} from '../engine/k8s/resources.ts';

/** The candidate closest to `word`, if it is within typo distance (about a third of its length). */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === word) return undefined;
		const d = distance(lower, candidate.toLowerCase());
		// A swapped pair of letters (kubeclt) counts as one typo, as people make them.
		const swapped = isTransposition(lower, candidate.toLowerCase()) ? 1 : d;
		const score = Math.min(d, swapped);
		if (score < bestDistance || (score === bestDistance && best !== undefined && candidate < best)) {
			best = candidate;
			bestDistance = score;
		}
	}
	return bestDistance <= limit ? best : undefined;
}

function isTransposition(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	const diff: number[] = [];
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
	return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The line printed under "x: command not found", or undefined when nothing is close. */
export function suggestCommand(name: string, commandNames: Iterable<string>): string | undefined {
	const best = closestWord(name, commandNames);
	return best ? `Did you mean '${best}'?` : undefined;
}

/** Every word kubectl accepts for a resource type: plural, singular, short names. */
export function resourceWords(): string[] {
	return resourceInfos.flatMap(r => [r.resource, r.singular, ...r.shortNames]);
}

/** For kubectl: `the server doesn't have a resource type "podz"` can add this line. */
export function suggestResource(word: string): string | undefined {
	const best = closestWord(word, resourceWords());
	return best ? `Did you mean '${best}'?` : undefined;
}
