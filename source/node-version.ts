/** The oldest Node.js major version k8s-tutor runs on. */
export const minimumNodeMajor = 22;

/** One line for a too-old Node.js, or undefined when `version` (like "20.20.2") is new enough. */
export function nodeVersionProblem(version: string): string | undefined {
	const major = Number(version.replace(/^v/, '').split('.')[0]);
	if (Number.isFinite(major) && major >= minimumNodeMajor) return undefined;
	return `k8s-tutor needs Node.js ${minimumNodeMajor} or newer; this is Node.js ${version.replace(/^v/, '')}. Install Node.js ${minimumNodeMajor}+ (https://nodejs.org) and run it again.`;
}
