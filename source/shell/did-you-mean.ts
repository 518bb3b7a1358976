// "Did you mean" for a mistyped command or resource: the closest known word by edit distance,
// close enough to be a typo (not just any short word).
import {distance} from 'fastest-levenshtein';
import {resourceInfos} from '../engine/k8s/resources.ts';

/** The candidate closest to `word`, if it is within typo distance (about a third of its length). */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	// Short words are too easily one edit from anything: only a swapped pair counts there (sl -> ls).
	const limit = lower.length < 3 ? 0 : Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === word) return undefined;
		const d = distance(lower, candidate.toLowerCase());
		// A swapped pair of letters (kubeclt) counts as one typo, as people make them.
		const score = isTransposition(lower, candidate.toLowerCase()) ? Math.min(d, limit || 1) : d;
		// Ties go to the word as long as the one typed (podz: pods, not pod), then alphabetical.
		const closerLength = best !== undefined && Math.abs(candidate.length - lower.length) < Math.abs(best.length - lower.length);
		const sameLength = best !== undefined && Math.abs(candidate.length - lower.length) === Math.abs(best.length - lower.length);
		if (score < bestDistance || (score === bestDistance && (closerLength || (sameLength && candidate < best!)))) {
			best = candidate;
			bestDistance = score;
		}
	}
	return bestDistance <= Math.max(limit, best && isTransposition(lower, best.toLowerCase()) ? 1 : 0) ? best : undefined;
}

function isTransposition(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	const diff: number[] = [];
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
	return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * The hint is the tutor's own: bash prints none after "command not found" (Ubuntu's
 * command-not-found package prints its own text, from its package database), nor does kubectl
 * after an unknown resource type. So it is marked as the simulator's.
 */
function didYouMean(best: string): string {
	return `[simulator] did you mean '${best}'?`;
}

/** The line printed under "x: command not found", or undefined when nothing is close. */
export function suggestCommand(name: string, commandNames: Iterable<string>): string | undefined {
	const best = closestWord(name, commandNames);
	return best ? didYouMean(best) : undefined;
}

/** Every word kubectl accepts for a resource type: plural, singular, short names. */
export function resourceWords(): string[] {
	return resourceInfos.flatMap(r => [r.resource, r.singular, ...r.shortNames]);
}

/** For kubectl: `the server doesn't have a resource type "podz"` can add this line. */
export function suggestResource(word: string): string | undefined {
	const best = closestWord(word, resourceWords());
	return best ? didYouMean(best) : undefined;
}
