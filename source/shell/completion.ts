// Tab completion: command names, subcommands, flags, and object names from the world
// (pods, nodes, images, containers, hosts), else paths as the shell's frame sees them.
import {resourceInfos} from '../engine/k8s/resources.ts';
import type {World} from '../engine/world.ts';
import type {CommandTable} from './command-table.ts';
import {listPath, pathKind} from './paths.ts';
import type {ShellFrame, ShellState} from './types.ts';

export type CompletionResult = {
	value: string; // the line after completion
	cursor: number;
	candidates: string[]; // more than one: what the learner can choose from (shown under the prompt)
};

const kubectlNeedsResource = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'patch', 'explain', 'rollout']);
const kubectlNeedsPod = new Set(['logs', 'exec', 'port-forward', 'attach', 'cp']);
const dockerImageVerbs = new Set(['run', 'pull', 'push', 'rmi', 'history', 'tag', 'create', 'save']);
const dockerContainerVerbs = new Set(['start', 'stop', 'rm', 'exec', 'logs', 'kill', 'restart', 'inspect', 'top', 'pause', 'unpause', 'attach', 'port', 'stats', 'diff', 'cp', 'commit', 'wait']);

function resourceOf(word: string): (typeof resourceInfos)[number] | undefined {
	const lower = word.toLowerCase();
	return resourceInfos.find(r => r.resource === lower || r.singular === lower || r.shortNames.includes(lower));
}

/** Names of objects of `resource` visible in `namespace` (cluster-scoped ones ignore it). */
export function kubeObjectNames(world: World, resource: string, namespace: string): string[] {
	const info = resourceOf(resource);
	const store = info && world.cluster?.store[info.resource];
	if (!info || !store) return [];
	const out: string[] = [];
	for (const key of store.keys()) {
		if (!info.namespaced) out.push(key);
		else if (key.startsWith(namespace + '/')) out.push(key.slice(namespace.length + 1));
	}
	return out.sort();
}

function dockerImages(world: World, host: string): string[] {
	const daemon = world.dockers.get(host);
	if (!daemon) return [];
	return [...daemon.tags.keys()].map(ref => ref.replace(/:latest$/, '')).sort();
}

function registryImages(world: World, withTags: boolean): string[] {
	const out: string[] = [];
	for (const repo of world.registry.repositories.values()) {
		const name = repo.name.replace(/^library\//, '');
		out.push(name);
		if (withTags) for (const tag of Object.keys(repo.tags)) out.push(`${name}:${tag}`);
	}
	return out;
}

function dockerContainers(world: World, host: string): string[] {
	const daemon = world.dockers.get(host);
	return daemon ? [...daemon.containers.values()].map(c => c.name).sort() : [];
}

function pathCandidates(world: World, frame: ShellFrame, word: string): string[] {
	const slash = word.lastIndexOf('/');
	const dir = slash === -1 ? '.' : word.slice(0, slash + 1) || '/';
	const base = slash === -1 ? '' : word.slice(0, slash + 1);
	const names = listPath(world, frame, dir) ?? [];
	return names.map(name => {
		const full = base + name;
		return pathKind(world, frame, full) === 'dir' ? full + '/' : full;
	});
}

function frameOf(state: ShellState): ShellFrame {
	return state.session.frames[state.session.frames.length - 1]!;
}

/** What could stand at the word being typed, given the words before it. */
export function candidatesFor(words: string[], word: string, ctx: {commands: CommandTable; state: ShellState}): string[] {
	const {state} = ctx;
	const frame = state.session.frames[state.session.frames.length - 1]!;
	const world = state.world;
	if (words.length === 0) return [...ctx.commands.keys()].sort();
	const command = words[0]!;
	const spec = ctx.commands.get(command);
	// After a redirection operator (`> /sys/fs/cgroup/...`) any command takes a path.
	if (/^(\d*>>?|<|&>)$/.test(words[words.length - 1] ?? '')) return pathCandidates(world, frame, word);
	// Words after the command that are not flags, nor the value of a flag that takes one.
	const positional = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !['-n', '--namespace', '-o', '--output', '-c', '--container', '-l', '--selector'].includes(all[i - 1] ?? ''));
	if (word.startsWith('-')) return [...new Set(spec?.flagsAfter?.(positional) ?? spec?.flagsAt?.(world, frame) ?? spec?.flags ?? [])].sort();
	if (command === 'kubectl') {
		const previous = words[words.length - 1];
		if (previous === '-n' || previous === '--namespace') return kubeObjectNames(world, 'namespaces', state.session.namespace);
		const verb = positional[0];
		if (!verb) return [...(spec?.subcommands ?? [])].sort();
		if (kubectlNeedsPod.has(verb) && positional.length === 1) return kubeObjectNames(world, 'pods', state.session.namespace);
		if (kubectlNeedsResource.has(verb)) {
			if (positional.length === 1) {
				if (word.includes('/')) {
					const [type] = word.split('/');
					return kubeObjectNames(world, type!, state.session.namespace).map(n => `${type}/${n}`);
				}
				return resourceInfos.map(r => r.resource).sort();
			}
			return kubeObjectNames(world, positional[1]!, state.session.namespace);
		}
		if (['apply', 'create', 'replace'].includes(verb) && words[words.length - 1] === '-f') return pathCandidates(world, frame, word);
		if (['cordon', 'uncordon', 'drain', 'taint'].includes(verb)) return kubeObjectNames(world, 'nodes', state.session.namespace);
		return [];
	}
	if (command === 'docker') {
		const verb = positional[0];
		if (!verb) return [...(spec?.subcommands ?? [])].sort();
		if (dockerImageVerbs.has(verb) && positional.length === 1) {
			// run and pull also reach the registry: its repositories (and their tags once a ':' is typed).
			const remote = verb === 'run' || verb === 'pull' || verb === 'create' ? registryImages(world, word.includes(':')) : [];
			return [...new Set([...dockerImages(world, frame.host), ...remote])].sort();
		}
		if (dockerContainerVerbs.has(verb)) return dockerContainers(world, frame.host);
		if (verb === 'build') return pathCandidates(world, frame, word);
		return [];
	}
	if (command === 'ssh' || command === 'ping') return [...world.hosts.keys()].sort();
	if (spec?.subcommands?.length && positional.length === 0) return [...spec.subcommands].sort();
	return pathCandidates(world, frame, word);
}

function commonPrefix(words: string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0]!;
	for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** Completes the word before the cursor, as bash does: the unique match, else the common prefix and the list. */
export function complete(line: string, cursor: number, ctx: {commands: CommandTable; state: ShellState}): CompletionResult {
	const before = line.slice(0, cursor);
	const after = line.slice(cursor);
	// The command being typed starts after the last pipe, ; or && / ||.
	const segmentStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
	const segment = before.slice(segmentStart);
	const wordStart = Math.max(segment.lastIndexOf(' '), segment.lastIndexOf('\t')) + 1;
	const word = segment.slice(wordStart);
	const words = segment.slice(0, wordStart).trim().split(/\s+/).filter(Boolean);
	// A path glued to a redirection (`>/sys/...`, `2>>log`), an assignment (`D=/sys/...`) or behind an
	// opening quote completes as the path alone; what stands before it is kept as typed.
	const glued = /^(\d*>>?|<|&>|[A-Za-z_][A-Za-z0-9_]*=)?(["']?)(.*)$/s.exec(word)!;
	const lead = (glued[1] ?? '') + glued[2]!;
	const quote = glued[2]!;
	const bare = glued[3]!;
	// `--flag=va<Tab>` and `type/na<Tab>` complete the part after = only for flags; the rest as typed.
	const candidates = glued[1] ? pathCandidates(ctx.state.world, frameOf(ctx.state), bare) : candidatesFor(words, bare, ctx);
	const matches = [...new Set(candidates.filter(c => c.startsWith(bare)).map(c => lead + c))];
	if (matches.length === 0) return {value: line, cursor, candidates: []};
	const absoluteStart = segmentStart + wordStart;
	if (matches.length === 1) {
		const match = matches[0]!;
		const closing = quote && !match.endsWith('/') ? quote : '';
		const suffix = closing + (match.endsWith('/') || after.startsWith(' ') ? '' : ' ');
		const value = line.slice(0, absoluteStart) + match + suffix + after;
		return {value, cursor: absoluteStart + match.length + suffix.length, candidates: []};
	}
	const prefix = commonPrefix(matches);
	const value = line.slice(0, absoluteStart) + prefix + after;
	return {value, cursor: absoluteStart + prefix.length, candidates: matches.slice(0, 40)};
}
