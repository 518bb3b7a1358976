// Where a kubectl command line sits in kubectl's command tree (`create secret generic`, `rollout
// status`, `get`): the flags it takes and which of them take a value depend on it (verb-flags.ts).
import {commandFlags} from './verb-flags.ts';

/** The aliases kubectl's subcommands answer to (`kubectl create cm` is `kubectl create configmap`). */
const subcommandAliases: Record<string, string> = {
	'create cm': 'create configmap',
	'create deploy': 'create deployment',
	'create ns': 'create namespace',
	'create sa': 'create serviceaccount',
	'create svc': 'create service',
	'create cj': 'create cronjob',
	'create ing': 'create ingress',
	'create pdb': 'create poddisruptionbudget',
	'create pc': 'create priorityclass',
	'create resourcequota': 'create quota',
};

/** The command's path in kubectl's tree: `create secret generic`, `rollout status`, `get`. */
export function commandPath(verb: string, positional: string[]): string {
	let path = verb;
	for (const word of positional.slice(0, 2)) {
		const next = subcommandAliases[`${path} ${word}`] ?? `${path} ${word}`;
		if (commandFlags[next] === undefined) break;
		path = next;
	}
	return path;
}
