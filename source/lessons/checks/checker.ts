// The one checker: evaluates a check (data) against the world, the shell and the commands typed
// during the step. A result is passed, or the list of what is still unmet in plain words.
import type {Locale} from '../../i18n/locale.ts';
import type {World} from '../../engine/world.ts';
import type {ShellSession} from '../../shell/types.ts';
import {daemonOn, findContainers, localImage, registryImage, sharedLayerCount} from '../selectors/docker.ts';
import {lineUses, type CommandRecord} from '../selectors/history.ts';
import {cgroupAt, filesystemFile, hostFile, hostHostname, hostNamed, inOwnNamespace, ownUtsHostnames, pidInside, processCountInCgroup, processesMatching} from '../selectors/host.ts';
import {clusterOf, componentRunning, fieldAt, labelsMatch, nodeReady, objectNamed, objectsOf, podFacts, resourceNamed, resourceWord, statusField} from '../selectors/k8s.ts';
import type {Check, CountMatch, LeafCheck} from './check-schema.ts';
import {messages} from '../../i18n/catalog.ts';
import type {CheckMessages} from '../../i18n/messages.ts';
import {evaluateNetworkAndLimitsLeaf} from './network-and-limits-leaves.ts';

export type CheckContext = {
	world: World;
	session: ShellSession;
	host: string; // the host a check means when it names none: where the learner logged in
	commands: CommandRecord[]; // typed since the step began
	sinceEventSeq: number; // events after this one happened during the step
	sinceMs?: number; // the world's virtual time when the step began
	locale: Locale;
	unmetTexts?: Record<string, string>; // a check's label -> the author's own words for it
};

export type CheckResult = {passed: boolean; unmet: string[]};

/** stuck: why the pod a check looked at will not get there by waiting (ImagePullBackOff), said after the author's own words. */
type Outcome = {passed: boolean; met: string; unmet: string[]; stuck?: string};

export function runCheck(check: Check, ctx: CheckContext): CheckResult {
	const outcome = evaluate(check, ctx, messages(ctx.locale).check);
	return {passed: outcome.passed, unmet: outcome.passed ? [] : outcome.unmet};
}

function evaluate(check: Check, ctx: CheckContext, say: CheckMessages): Outcome {
	const outcome = evaluateInner(check, ctx, say);
	const own = check.label ? ctx.unmetTexts?.[check.label] : undefined;
	if (outcome.passed) return outcome;
	const unmet = own ? [own] : outcome.unmet;
	return outcome.stuck ? {...outcome, unmet: [...unmet.slice(0, -1), unmet.at(-1) + outcome.stuck]} : {...outcome, unmet};
}

function evaluateInner(check: Check, ctx: CheckContext, say: CheckMessages): Outcome {
	switch (check.kind) {
		case 'all': {
			const parts = check.checks.map(c => evaluate(c, ctx, say));
			return {passed: parts.every(p => p.passed), met: parts.map(p => p.met).join('; '), unmet: parts.flatMap(p => (p.passed ? [] : p.unmet))};
		}
		case 'any': {
			const parts = check.checks.map(c => evaluate(c, ctx, say));
			const passed = parts.find(p => p.passed);
			return passed ? {passed: true, met: passed.met, unmet: []} : {passed: false, met: '', unmet: [say.anyOf(parts.map(p => p.unmet.join(', ')))]};
		}
		case 'not': {
			const inner = evaluate(check.check, ctx, say);
			return {passed: !inner.passed, met: inner.unmet.join('; '), unmet: [say.notSo(inner.met)]};
		}
		default:
			return evaluateLeaf(check, ctx, say);
	}
}

export function countMatches(actual: number, match: CountMatch): boolean {
	if (typeof match === 'number') return actual === match;
	if (match.equals !== undefined && actual !== match.equals) return false;
	if (match.atLeast !== undefined && actual < match.atLeast) return false;
	if (match.atMost !== undefined && actual > match.atMost) return false;
	return true;
}

const countText = (say: CheckMessages, match: CountMatch) => say.count(typeof match === 'number' ? {equals: match} : match);
const result = (passed: boolean, met: string, unmet: string | string[]): Outcome => ({passed, met, unmet: passed ? [] : Array.isArray(unmet) ? unmet : [unmet]});
const fail = (why: string): Outcome => ({passed: false, met: '', unmet: [why]});

function evaluateLeaf(check: LeafCheck, ctx: CheckContext, say: CheckMessages): Outcome {
	const {world} = ctx;
	switch (check.kind) {
		case 'object': {
			const {spec} = check;
			const resource = resourceNamed(spec.resource);
			if (!clusterOf(world)) return fail(say.noCluster);
			const object = resource && objectNamed(world, resource, spec.name, spec.namespace);
			const word = resourceWord(spec.resource);
			if (!object) return fail(say.objectMissing(word, spec.name));
			const wrong = Object.entries(spec.fields ?? {})
				.filter(([path, wanted]) => JSON.stringify(fieldAt(object, path)) !== JSON.stringify(wanted))
				.map(([path, wanted]) => say.fieldDiffers(word, spec.name, path, JSON.stringify(fieldAt(object, path)) ?? '(nothing)', JSON.stringify(wanted)));
			// Status describes the spec its controller last saw: right after a change (kubectl set image)
			// it still describes the old one, as `kubectl rollout status` knows.
			const stale = typeof object.metadata.generation === 'number' && Number(statusField(object, 'observedGeneration') ?? Infinity) < object.metadata.generation;
			if (stale && Object.keys(spec.fields ?? {}).some(path => path.startsWith('status.'))) wrong.push(say.statusNotObserved(word, spec.name));
			return result(wrong.length === 0, spec.fields ? say.fieldsMatch(word, spec.name) : say.objectExists(word, spec.name), wrong);
		}
		case 'pod': {
			const {spec} = check;
			if (!clusterOf(world)) return fail(say.noCluster);
			const what = spec.name ?? Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
			const pods = spec.name
				? [objectNamed(world, 'pods', spec.name, spec.namespace)].filter(p => p !== undefined)
				: objectsOf(world, 'pods', spec.namespace ?? 'default').filter(p => labelsMatch(p.metadata.labels, spec.selector));
			if (pods.length === 0) return fail(say.podMissing(what));
			// With a selector, one matching pod that meets everything is enough.
			let best: string[] | undefined;
			let metText = '';
			let stuck: string | undefined;
			for (const pod of pods) {
				const facts = podFacts(pod);
				const label = spec.name ?? facts.name;
				const problems: string[] = [];
				if (spec.phase && facts.phase !== spec.phase) problems.push(say.podIsNot(label, facts.phase, spec.phase));
				if (spec.node && facts.node !== spec.node) problems.push(say.podNotOnNode(label, facts.node, spec.node));
				if (spec.containers !== undefined && facts.containers !== spec.containers) problems.push(say.podContainers(label, facts.containers, spec.containers));
				if (spec.ready !== undefined && facts.ready !== spec.ready) problems.push(say.podReady(label, facts.ready));
				if (spec.restarts !== undefined && !countMatches(facts.restarts, spec.restarts)) problems.push(say.podRestarts(label, facts.restarts, countText(say, spec.restarts)));
				if (spec.waiting && !facts.waitingReasons.includes(spec.waiting)) problems.push(say.podWaiting(label, spec.waiting, facts.waitingReasons));
				if (problems.length === 0) return result(true, say.podIs(label, spec.phase ?? facts.phase), []);
				if (!best || problems.length < best.length) {
					best = problems;
					metText = say.podIs(label, facts.phase);
					stuck = facts.stuckReasons.length && spec.waiting === undefined ? say.podStuck(label, facts.stuckReasons) : undefined;
				}
			}
			return {passed: false, met: metText, unmet: best!, ...(stuck ? {stuck} : {})};
		}
		case 'count': {
			const {spec} = check;
			if (!clusterOf(world)) return fail(say.noCluster);
			const resource = resourceNamed(spec.resource);
			const matching = resource
				? objectsOf(world, resource, spec.namespace ?? (resource === 'nodes' || resource === 'namespaces' ? undefined : 'default')).filter(
						o => labelsMatch(o.metadata.labels, spec.selector) && (!spec.phase || statusField(o, 'phase') === spec.phase) && !o.metadata.deletionTimestamp,
					)
				: [];
			const what = [spec.phase, resourceWord(spec.resource, matching.length), spec.selector ? `with ${Object.entries(spec.selector).map(([k, v]) => `${k}=${v}`).join(',')}` : ''].filter(Boolean).join(' ');
			const text = say.countIs(what, matching.length, countText(say, spec.is));
			return result(countMatches(matching.length, spec.is), text, text);
		}
		case 'node': {
			const {spec} = check;
			if (!clusterOf(world)) return fail(say.noCluster);
			const node = objectNamed(world, 'nodes', spec.name);
			if (!node) return fail(say.nodeMissing(spec.name));
			const ready = nodeReady(node);
			return result(spec.ready === undefined || ready === spec.ready, say.nodeReady(spec.name, ready), say.nodeReady(spec.name, ready));
		}
		case 'component': {
			const {spec} = check;
			const running = componentRunning(world, spec.name);
			if (running === undefined) return fail(say.noCluster);
			return result(running === spec.running, say.component(spec.name, running), say.component(spec.name, running));
		}
		case 'process': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const host = hostNamed(world, hostName);
			if (!host) return fail(say.noHost(hostName));
			const found = processesMatching(host, spec.command);
			const fits = found.filter(
				p =>
					(spec.ownNamespaces ?? []).every(kind => inOwnNamespace(host, p, kind)) &&
					(spec.pidInside === undefined || pidInside(p) === spec.pidInside) &&
					(spec.cgroup === undefined || p.cgroup === '/' + spec.cgroup.split('/').filter(Boolean).join('/')),
			);
			if (spec.count !== undefined) {
				const text = say.processCount(spec.command, fits.length, countText(say, spec.count));
				return result(countMatches(fits.length, spec.count), text, text);
			}
			if (fits.length > 0) return result(true, say.processFound(spec.command, hostName), []);
			if (found.length === 0) return fail(say.processMissing(spec.command, hostName));
			const sample = found[0]!;
			const problems: string[] = [];
			const shared = (spec.ownNamespaces ?? []).filter(kind => !inOwnNamespace(host, sample, kind));
			if (shared.length) problems.push(say.processNotOwnNamespace(spec.command, shared));
			if (spec.pidInside !== undefined && pidInside(sample) !== spec.pidInside) problems.push(say.processPidInside(spec.command, pidInside(sample), spec.pidInside));
			if (spec.cgroup !== undefined) problems.push(say.processCgroup(spec.command, sample.cgroup, spec.cgroup));
			return {passed: false, met: say.processFound(spec.command, hostName), unmet: problems.length ? problems : [say.processMissing(spec.command, hostName)]};
		}
		case 'cgroup': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const host = hostNamed(world, hostName);
			if (!host) return fail(say.noHost(hostName));
			const group = cgroupAt(host, spec.path);
			if (!group) return fail(say.cgroupMissing(spec.path, hostName));
			const problems: string[] = [];
			if (spec.memoryMax !== undefined && group.memoryMax !== spec.memoryMax) problems.push(say.cgroupValue(spec.path, 'memory.max', String(group.memoryMax), String(spec.memoryMax)));
			if (spec.cpuQuota !== undefined && group.cpuMax.quota !== spec.cpuQuota) problems.push(say.cgroupValue(spec.path, 'cpu.max', `${group.cpuMax.quota} ${group.cpuMax.period}`, `${spec.cpuQuota} ${group.cpuMax.period}`));
			if (spec.pidsMax !== undefined && group.pidsMax !== spec.pidsMax) problems.push(say.cgroupValue(spec.path, 'pids.max', String(group.pidsMax), String(spec.pidsMax)));
			if (spec.oomKills !== undefined && !countMatches(group.memoryEvents.oom_kill, spec.oomKills)) {
				problems.push(say.cgroupValue(spec.path, 'memory.events oom_kill', String(group.memoryEvents.oom_kill), countText(say, spec.oomKills)));
			}
			if (spec.processes !== undefined) {
				const n = processCountInCgroup(host, spec.path);
				if (!countMatches(n, spec.processes)) problems.push(say.cgroupValue(spec.path, 'cgroup.procs', `${n}`, countText(say, spec.processes)));
			}
			return result(problems.length === 0, say.cgroupOk(spec.path), problems);
		}
		case 'hostname': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const host = hostNamed(world, hostName);
			if (!host) return fail(say.noHost(hostName));
			const where = spec.where === 'host' ? say.hostUts : say.ownUts;
			const seen = spec.where === 'host' ? [hostHostname(host)] : ownUtsHostnames(host);
			return result(seen.includes(spec.is), say.hostnameFound(spec.is, where), say.hostnameMissing(spec.is, where, seen));
		}
		case 'file': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const host = hostNamed(world, hostName);
			if (!host) return fail(say.noHost(hostName));
			let content: string | undefined;
			let where = say.onHost(hostName);
			if (spec.container) {
				where = say.inContainer(spec.container);
				const daemon = daemonOn(world, hostName);
				const container = daemon && findContainers(daemon, {name: spec.container})[0];
				if (!container) return fail(say.containerMissing(spec.container, hostName));
				content = filesystemFile(world, host, container.rootfs, spec.path);
			} else content = hostFile(world, host, spec.path);
			if (spec.exists === false) return result(content === undefined, say.fileMissing(spec.path, where), say.fileExists(spec.path, where));
			if (content === undefined) return fail(say.fileMissing(spec.path, where));
			if (spec.contains !== undefined && !content.includes(spec.contains)) return {passed: false, met: say.fileExists(spec.path, where), unmet: [say.fileLacks(spec.path, where, spec.contains)]};
			if (spec.equals !== undefined && content.trimEnd() !== spec.equals.trimEnd()) return {passed: false, met: say.fileExists(spec.path, where), unmet: [say.fileDiffers(spec.path, where)]};
			return result(true, spec.contains !== undefined || spec.equals !== undefined ? say.fileMatches(spec.path, where) : say.fileExists(spec.path, where), []);
		}
		case 'container': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const daemon = daemonOn(world, hostName);
			if (!daemon) return fail(say.noDocker(hostName));
			const what = spec.name ?? spec.image!;
			const found = findContainers(daemon, spec);
			if (found.length === 0) return fail(say.containerMissing(what, hostName));
			if (spec.state === 'exists') return result(true, say.containerState(what, found[0]!.state, 'exists'), []);
			const match = found.find(c => c.state === spec.state);
			const logged = spec.logsContain === undefined || found.some(c => c.state === spec.state && c.logs.some(l => l.includes(spec.logsContain!)));
			return match && !logged ? fail(say.containerNoLog(what, spec.logsContain!)) : result(Boolean(match), say.containerState(what, spec.state, spec.state), say.containerState(what, found[0]!.state, spec.state));
		}
		case 'image': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			if (spec.registry) {
				const where = say.registry;
				return result(Boolean(registryImage(world, spec.ref)), say.imagePresent(spec.ref, where), say.imageMissing(spec.ref, where));
			}
			const daemon = daemonOn(world, hostName);
			if (!daemon) return fail(say.noDocker(hostName));
			const where = say.onHost(hostName);
			return result(Boolean(localImage(daemon, spec.ref)), say.imagePresent(spec.ref, where), say.imageMissing(spec.ref, where));
		}
		case 'layers': {
			const {spec} = check;
			const hostName = spec.host ?? ctx.host;
			const daemon = daemonOn(world, hostName);
			if (!daemon) return fail(say.noDocker(hostName));
			const images = spec.images.map(ref => localImage(daemon, ref));
			const missing = spec.images.filter((_, i) => !images[i]);
			if (missing.length) return fail(say.imageMissing(missing.join(', '), say.onHost(hostName)));
			const shared = sharedLayerCount(images.map(i => i!));
			const text = say.layersShared(spec.images, shared, countText(say, spec.shared));
			return result(countMatches(shared, spec.shared), text, text);
		}
		case 'event': {
			const {spec} = check;
			const what = [spec.type, spec.reason, spec.object, spec.component && `(${spec.component})`, spec.message && `"${spec.message}"`].filter(Boolean).join(' ');
			const seen = world.events.some(
				e =>
					e.seq > ctx.sinceEventSeq &&
					(!spec.reason || e.reason === spec.reason) &&
					(!spec.type || e.type === spec.type) &&
					(!spec.component || e.component === spec.component || e.component.startsWith(spec.component + '/')) &&
					(!spec.object || e.object === spec.object || e.object.includes(spec.object)) &&
					(!spec.message || e.message.includes(spec.message)),
			);
			return result(seen, say.eventSeen(what), say.eventMissing(what));
		}
		case 'elapsed': {
			// However it passed: sleep, waiting at 1x, a faster clock, Alt-t.
			const seconds = Math.floor((world.time - (ctx.sinceMs ?? 0)) / 1000);
			return result(seconds >= check.spec.seconds, say.timePassed(seconds), say.timeNotPassed(seconds, check.spec.seconds));
		}
		case 'command': {
			const spec = check.spec, used = ctx.commands.some(c => lineUses(c.line, spec.used) && (!spec.succeeded || c.exitCode === 0) && (spec.typedIn ?? []).every(kind => c.ownNamespaces?.includes(kind)));
			return result(used, say.commandUsed(spec.used), say.commandMissing(spec.used, spec.succeeded));
		}
		case 'interface':
		case 'containerCgroup':
			return evaluateNetworkAndLimitsLeaf(check, {world, host: ctx.host, locale: ctx.locale});
		case 'shell': {
			const {spec} = check;
			const frame = ctx.session.frames[ctx.session.frames.length - 1]!;
			const actual = `${frame.kind} (${frame.host})`;
			const wanted = `${spec.inside ?? frame.kind} (${spec.host ?? frame.host})`;
			const ok = (!spec.inside || frame.kind === spec.inside) && (!spec.host || frame.host === spec.host);
			return result(ok, actual, say.shellWhere(actual, wanted));
		}
	}
}
