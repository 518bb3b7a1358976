// The kubelet of each node: takes the pods bound to its node through their lifecycle, with the
// delays of a real node (sandbox, image pulls sized by missing layers, back-offs), and reports
// their status and Events. Driven by per-pod timers so a quiet cluster costs nothing per tick.
// Longer than ~300 lines because a pod's lifecycle (sandbox, pulls, start, back-off, exit) is one state machine.
import {isDraft} from 'immer';
import {baseOf, peek, plain, readable} from '../draft-reads.ts';
import type {ExternalProgramRunner} from '../script/external-programs.ts';
import type {World} from '../world.ts';
import {containerBehaviour, handlesSigterm} from './container-behaviour.ts';
import {applyContainerResources, oomKilled} from './container-resources.ts';
import {nextProbeAt, probesDue, runProbes, startProbes, type ContainerWriter} from './probes.ts';
import {recallPass, rememberPass} from './probe-memo.ts';
import type {DockerDaemon} from '../docker/types.ts';
import type {Host} from '../host/types.ts';
import {recordObjectEvent} from './events.ts';
import {startBlock} from './container-config.ts';
import {markOwnersDirty} from './reconcile-marks.ts';
import {defaultImagePullPolicy} from './defaults.ts';
import {imageTagKey, lookupImage, nodeImage, pullMillis, resolveImage} from './images.ts';
import {nextResourceVersion, timestampAt} from './metadata.ts';
import {kubeletAlive} from './node-health.ts';
import {reapExitStatus} from '../host/processes.ts';
import {allocatePodIp, containerAlive, createSandbox, sandboxAlive, startContainerProcess, stopContainerProcess} from './pod-sandbox.ts';
import {releasePodResources, removePod} from './pod-store.ts';
import type {ContainerRuntime, ContainerSpec, ContainerStatus, KubeObject, PodCondition, PodRuntime} from './types.ts';
import type {Pod} from './kinds.ts';

export const sandboxMillis = 1500;
export const initialBackoffMs = 10_000;
export const maxBackoffMs = 300_000;
/** A container that ran this long without crashing starts its back-off from 10 s again. */
export const backoffResetMs = 600_000;

function seconds(ms: number): string {
	const s = ms / 1000;
	return s < 1 ? `${ms}ms` : `${Number(s.toFixed(3))}s`;
}

/** How often each kubelet relists its containers (the PLEG) to notice processes that died on their own. */
export const relistMs = 5_000;

/**
 * The PLEG relist: a container whose main process is gone (killed from the host, OOM-killed, the
 * node rebooted) gets its exit handled. Hosts where something happened since the last slice (an
 * event naming the host) are relisted at once through the draft; every node is also relisted every
 * 5 s from the tick's base state (cheap: no drafts), which catches deaths from earlier commands.
 */
function relist(w: World): void {
	const c = w.cluster!;
	const nodes = baseOf(c.nodes);
	const podsByNode = baseOf(c.podsByNode);
	const touched = new Set<string>();
	for (let i = w.events.length - 1; i >= 0; i--) {
		const e = w.events[i]!;
		if (e.seq <= c.relistedEventSeq) break;
		if (e.host && !e.component.startsWith('kubelet/') && c.podsByNode.has(e.host)) touched.add(e.host);
	}
	c.relistedEventSeq = w.eventSeq;
	for (const node of touched) relistNode(w, node, c.podsByNode.get(node) ?? [], false);
	const slot = Math.floor(w.time / 1000) % (relistMs / 1000);
	for (let i = slot; i < nodes.length; i += relistMs / 1000) {
		if (!touched.has(nodes[i]!)) relistNode(w, nodes[i]!, podsByNode.get(nodes[i]!) ?? [], true);
	}
}

/**
 * Nodes whose relist from the base found every container alive, by the state it read: the host's
 * process table, the pod runtimes and the node's pod list. States are immutable (immer freezes
 * them), so while all three are the same objects the answer is the same and the node is skipped.
 */
const relistedClean = new WeakMap<object, {runtimes: object; keys: object}>();

function relistNode(w: World, node: string, keys: Iterable<string>, fromBase: boolean): void {
	const c = w.cluster!;
	const runtimes = fromBase ? baseOf(c.podRuntimes) : c.podRuntimes;
	const host = (fromBase ? baseOf(w.hosts) : w.hosts).get(node);
	if (!host?.reachable || host.services['kubelet'] !== 'active') return;
	const memo = fromBase && !isDraft(host.processes) && !isDraft(runtimes) && !isDraft(keys) ? relistedClean.get(host.processes) : undefined;
	if (memo && memo.runtimes === runtimes && memo.keys === keys) return;
	let clean = true;
	for (const key of keys) {
		const runtime = runtimes.get(key);
		if (!runtime) continue;
		for (let index = 0; index < runtime.containers.length; index++) {
			const ct = runtime.containers[index]!;
			if (ct.stage !== 'running' || ct.pid === undefined || containerAlive(host, ct)) continue;
			const draft = c.podRuntimes.get(key)?.containers[index];
			clean = false;
			if (!draft || draft.stage !== 'running' || draft.pid === undefined || containerAlive(w.hosts.get(node), draft)) continue;
			// Exited by itself (a script's `exit 3`); else killed: SIGKILL's exit code 137, by the kernel's OOM killer when its cgroup went over memory.max.
			const status = reapExitStatus(w.hosts.get(node)!, draft.pid);
			draft.exitCode = status ?? 137;
			draft.exitReason = status !== undefined ? (status === 0 ? 'Completed' : 'Error') : oomKilled(w, node, draft) ? 'OOMKilled' : 'Error';
			draft.dueAt = w.time;
			c.kubeletTimers.set(key, w.time);
		}
	}
	if (clean && fromBase && !isDraft(host.processes) && !isDraft(runtimes) && !isDraft(keys)) relistedClean.set(host.processes, {runtimes, keys: keys as object});
}

/** Runs every kubelet's due work. Call on a draft, once per slice. */
export function runKubelets(w: World, sliceMs: number, programs: ExternalProgramRunner): void {
	const c = w.cluster!;
	relist(w);
	if (c.kubeletTimers.size === 0) return;
	const due: string[] = [];
	// forEach: a for-of over the entries allocates a pair per pod, every tick.
	const now = w.time;
	readable(c.kubeletTimers).forEach((at, key) => {
		if (at <= now) due.push(key);
	});
	// The tick's starting state: what probes only read comes from it, without drafting it.
	const base = baseOf(w);
	const round: ProbeRound = {now: w.time, sliceMs, base, basePods: base.cluster?.store.pods ?? new Map(), runtimes: c.podRuntimes, pods: c.store.pods, nodes: new Map(), writer: new ContainerDraft(c.podRuntimes), timerKeys: [], timerAts: []};
	for (const key of due) {
		// A pod that only runs its probes sets its next timer itself, once the round is over.
		if (probeOnly(w, round, key)) continue;
		c.kubeletTimers.delete(key);
		syncPod(w, base, key, sliceMs, programs);
	}
	moveProbeTimers(w, round);
}

/**
 * The probed pods' next timers, written in one go. Each moves an entry the Map has (or deletes it
 * when no probe or stage is left), so its order stays as if written one by one. One plain copy of
 * the Map per round: immer copies a draft Map on its first write anyway, and thousands of writes
 * through the draft each cost its bookkeeping.
 */
function moveProbeTimers(w: World, round: ProbeRound): void {
	const c = w.cluster!;
	const {timerKeys: keys, timerAts: ats} = round;
	if (keys.length === 0) return;
	const timers = new Map(readable(c.kubeletTimers));
	for (let i = 0; i < keys.length; i++) {
		if (Number.isFinite(ats[i]!)) timers.set(keys[i]!, ats[i]!);
		else timers.delete(keys[i]!);
	}
	c.kubeletTimers = timers;
}

/** The draft of one container, asked for only when a probe writes (one object reused for every pod of the round). */
class ContainerDraft implements ContainerWriter {
	key = '';
	index = 0;
	wrote = false;
	constructor(private readonly runtimes: Map<string, PodRuntime>) {}
	at(key: string, index: number): this {
		this.key = key;
		this.index = index;
		return this;
	}
	get(): ContainerRuntime {
		this.wrote = true;
		return this.runtimes.get(this.key)!.containers[this.index]!;
	}
}

/**
 * The common wake-up of a running pod: only probes are due. They run without the rest of the
 * sync (sandbox check, status rewrite), which happens only when a probe's outcome changes the
 * status. False when the pod needs the full sync. Thousands of pods are probed in one tick, so
 * this reads without drafting (peek: the tick's base unless the tick changed the pod) and drafts
 * a container only to write a changed probe count: a passing probe in a steady state writes
 * nothing but the pod's next timer (queued in the round).
 */
function probeOnly(w: World, round: ProbeRound, key: string): boolean {
	const {now, sliceMs, base} = round;
	const runtime = peek(round.runtimes, key);
	if (!runtime || runtime.stage !== 'containers' || runtime.statusResync) return false;
	const containers = runtime.containers;
	// A pod's spec does not change during a tick, its deletion may: spec from the base, deletion from the draft.
	const basePod = round.basePods.get(key);
	if (!basePod) return false;
	const node = nodeView(round, runtime.node);
	// The same objects and state as at a remembered pass: the same answers, so only the timer moves (probe-memo.ts).
	const recalled = isDraft(runtime) ? undefined : recallPass(runtime, basePod, node.host, node.daemon, now, sliceMs);
	if (recalled !== undefined) {
		const pod = peek(round.pods, key);
		if (!node.kubeletUp || !basePod.status?.podIP || !pod || pod.metadata.deletionTimestamp) return false;
		round.timerKeys.push(key);
		round.timerAts.push(recalled);
		return true;
	}
	const specs = basePod.spec.containers as ContainerSpec[] | undefined;
	if (!specs) return false;
	let due = false;
	for (const ct of containers) {
		if (ct.dueAt !== undefined && ct.dueAt <= now) return false;
		const spec = specOf(specs, ct.name);
		if (spec?.image !== ct.image) return false;
		if (!due && probesDue(ct, spec, now, sliceMs)) due = true;
	}
	if (!due || !basePod.status?.podIP || !node.kubeletUp) return false;
	const pod = peek(round.pods, key);
	if (!pod || pod.metadata.deletionTimestamp) return false;
	let changed = false;
	const writer = round.writer;
	writer.wrote = false;
	let killed = false;
	const pure: number[] = [];
	for (let i = 0; i < containers.length; i++) {
		const ct = containers[i]!;
		const spec = specOf(specs, ct.name);
		if (!spec || !probesDue(ct, spec, now, sliceMs)) continue;
		const outcome = runProbes(w, base, basePod, runtime, ct, spec, sliceMs, warn, writer.at(key, i));
		if (outcome.kill) {
			killed = true;
			killForProbe(w, basePod, runtime, writer.at(key, i).get(), spec, outcome.kill.kind);
		}
		if (outcome.changed) changed = true;
		pure[i] = outcome.pure;
	}
	if (changed) writeStatus(w, round.pods.get(key)!, round.runtimes.get(key)!);
	// What was written is in the draft, not in the snapshot read above.
	const latest = writer.wrote ? round.runtimes.get(key)! : runtime;
	if (!killed && node.host && anyBit(pure)) rememberPass(latest, basePod, specs, node.host, node.daemon, pure);
	let next = Infinity;
	for (const x of latest.containers) next = Math.min(next, x.dueAt ?? Infinity, nextProbeAt(x, specOf(specs, x.name), now));
	round.timerKeys.push(key);
	round.timerAts.push(next);
	return true;
}

function anyBit(bits: number[]): boolean {
	for (const x of bits) if (x) return true;
	return false;
}

function specOf(specs: ContainerSpec[], name: string): ContainerSpec | undefined {
	for (const spec of specs) if (spec.name === name) return spec;
	return undefined;
}

/** A node as the round's probes read it, looked up once per node (a node has many pods): whether its kubelet runs, its host and Docker daemon in the tick's base. */
type NodeView = {kubeletUp: boolean; host: Host | undefined; daemon: DockerDaemon | undefined};

function nodeView(round: ProbeRound, node: string): NodeView {
	let view = round.nodes.get(node);
	if (!view) round.nodes.set(node, (view = {kubeletUp: kubeletAlive(round.base, node), host: round.base.hosts.get(node), daemon: round.base.dockers.get(node)}));
	return view;
}

function warn(w: World, pod: Pod, node: string, reason: string, message: string): void {
	event(w, pod, node, 'Warning', reason, message);
}

/** What every pod's probe wake-up in one slice reads, looked up once (each read through the world's draft costs). */
type ProbeRound = {now: number; sliceMs: number; base: World; basePods: ReadonlyMap<string, Pod>; runtimes: Map<string, PodRuntime>; pods: Map<string, Pod>; nodes: Map<string, NodeView>; writer: ContainerDraft; timerKeys: string[]; timerAts: number[]};

function component(node: string): string {
	return `kubelet/${node}`;
}

function event(w: World, pod: Pod, node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
	recordObjectEvent(w, pod, type, component(node), reason, message, node);
}

function syncPod(w: World, base: World, key: string, sliceMs: number, programs: ExternalProgramRunner): void {
	const c = w.cluster!;
	const pod = c.store.pods.get(key);
	if (!pod) return;
	const node = pod.spec.nodeName as string | undefined;
	if (!node || !kubeletAlive(w, node)) return; // the node lifecycle controller re-arms timers when it is back
	let runtime = c.podRuntimes.get(key);
	if (pod.metadata.deletionTimestamp) {
		terminate(w, key, pod, runtime);
		return;
	}
	if (!runtime) {
		runtime = {key, node, stage: 'sandbox', dueAt: w.time + sandboxMillis, containers: []};
		c.podRuntimes.set(key, runtime);
		pod.status.hostIP = w.hosts.get(node)?.ip;
		pod.status.startTime = timestampAt(w.time);
		writeStatus(w, pod, runtime);
		c.kubeletTimers.set(key, runtime.dueAt!);
		return;
	}
	// Whether this sync changed anything the status shows (a sync that only ran passing probes did not).
	// Back after its node was NotReady, the kubelet's status manager writes its own view over the
	// node controller's "not ready", as a real kubelet does on its first sync.
	let changed = false;
	if (runtime.statusResync) {
		delete runtime.statusResync;
		changed = true;
	}
	if (runtime.stage === 'sandbox') {
		if ((runtime.dueAt ?? 0) > w.time) return void c.kubeletTimers.set(key, runtime.dueAt!);
		changed = true;
		const ip = pod.spec.hostNetwork ? w.hosts.get(node)!.ip : allocatePodIp(w, node);
		createSandbox(w, runtime, pod, ip);
		pod.status.podIP = ip;
		pod.status.podIPs = [{ip}];
		runtime.stage = 'containers';
		runtime.dueAt = undefined;
		runtime.containers = (pod.spec.containers as ContainerSpec[]).map(spec => ({name: spec.name, image: spec.image, attempt: 0, stage: 'waiting-image', dueAt: w.time, backoffMs: initialBackoffMs, logs: []}));
	}
	if (!sandboxAlive(w, runtime)) {
		// The node rebooted (or someone killed the pause process): a new sandbox, every container again.
		event(w, pod, node, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
		changed = true;
		createSandbox(w, runtime, pod, pod.status.podIP ?? allocatePodIp(w, node));
		for (const ct of runtime.containers) {
			if (ct.stage === 'running' || ct.stage === 'crash-backoff') {
				if (ct.stage === 'running') ct.lastTermination = {exitCode: 255, reason: 'Unknown', startedAt: ct.startedAtMs ?? w.time, finishedAt: w.time, containerId: ct.containerId};
				ct.pid = undefined;
				ct.port = undefined;
				ct.stage = 'crash-backoff';
				ct.dueAt = w.time;
			}
		}
	}
	const specs = pod.spec.containers as ContainerSpec[];
	for (const [i, ct] of runtime.containers.entries()) {
		const spec = specs.find(s => s.name === ct.name);
		if (!spec) continue;
		if (spec.image !== ct.image) {
			imageChanged(w, pod, runtime, ct, spec);
			changed = true;
		}
		// Image pulls are serialized (the kubelet's default): wait while an earlier container pulls.
		if (ct.stage === 'waiting-image' && runtime.containers.slice(0, i).some(o => o.stage === 'pulling')) continue;
		// A container may pass through several stages in one sync (pulled -> created -> started).
		for (let guard = 0; guard < 6 && ct.dueAt !== undefined && ct.dueAt <= w.time; guard++) {
			stepContainer(w, pod, runtime, ct, spec, programs);
			changed = true;
		}
		if (probesDue(ct, spec, w.time, sliceMs)) {
			const outcome = runProbes(w, base, pod, runtime, ct, spec, sliceMs, warn);
			if (outcome.kill) killForProbe(w, pod, runtime, ct, spec, outcome.kill.kind);
			if (outcome.changed) changed = true;
		}
	}
	if (changed) writeStatus(w, pod, runtime);
	const next = Math.min(...runtime.containers.map(x => Math.min(x.dueAt ?? Infinity, nextProbeAt(x, specs.find(s => s.name === x.name), w.time))));
	if (Number.isFinite(next)) c.kubeletTimers.set(key, next);
}

/** A failed liveness or startup probe: the kubelet stops the container (SIGTERM, then SIGKILL after the grace period) and restarts it. */
function killForProbe(w: World, pod: Pod, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, kind: 'liveness' | 'startup'): void {
	event(w, pod, runtime.node, 'Normal', 'Killing', `Container ${ct.name} failed ${kind} probe, will be restarted`);
	const probeGrace = spec[kind === 'liveness' ? 'livenessProbe' : 'startupProbe']?.terminationGracePeriodSeconds;
	const grace = (typeof probeGrace === 'number' ? probeGrace : (pod.spec.terminationGracePeriodSeconds ?? 30)) * 1000;
	const handles = handlesSigterm(spec, resolveImage(w, ct.image));
	ct.killedByProbe = kind;
	ct.exitCode = handles ? 0 : 137;
	ct.exitReason = handles ? 'Completed' : 'Error';
	ct.dueAt = w.time + (handles ? 500 : grace);
}

function imageChanged(w: World, pod: Pod, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec): void {
	if (ct.pid !== undefined) {
		event(w, pod, runtime.node, 'Normal', 'Killing', `Container ${ct.name} definition changed, will be restarted`);
		stopContainerProcess(w, runtime.node, ct, 137);
	}
	ct.image = spec.image;
	ct.stage = 'waiting-image';
	ct.dueAt = w.time;
	ct.pullBackoffMs = undefined;
	ct.pullError = undefined;
}

function stepContainer(w: World, pod: Pod, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, programs: ExternalProgramRunner): void {
	const node = runtime.node;
	switch (ct.stage) {
		case 'waiting-image': {
			// The kubelet's EnsureImageExists, on every container start (so `Always` pulls again on a restart).
			const present = w.dockers.get(node)?.tags.has(imageTagKey(spec.image)) ?? false;
			const policy = spec.imagePullPolicy ?? defaultImagePullPolicy(spec.image);
			if (present && policy !== 'Always') {
				event(w, pod, node, 'Normal', 'Pulled', `Container image "${spec.image}" already present on machine`);
				ct.stage = 'starting';
				ct.dueAt = w.time;
				return;
			}
			if (policy === 'Never') {
				ct.stage = 'pull-failed';
				ct.pullError = `Container image "${spec.image}" is not present with pull policy of Never`;
				event(w, pod, node, 'Warning', 'ErrImageNeverPull', ct.pullError);
				ct.dueAt = undefined;
				return;
			}
			event(w, pod, node, 'Normal', 'Pulling', `Pulling image "${spec.image}"`);
			const daemon = w.dockers.get(node);
			const found = lookupImage(w, spec.image);
			ct.stage = 'pulling';
			ct.pullStartedAt = w.time;
			ct.pullMs = found.ok ? pullMillis(found.image, id => !!daemon?.layers.has(id)) : 1200;
			ct.dueAt = w.time + ct.pullMs;
			return;
		}
		case 'pulling': {
			const found = lookupImage(w, spec.image);
			if (!found.ok) {
				// As the kubelet reports a CRI pull error (cri-dockerd passes the daemon's text through).
				ct.pullError = `rpc error: code = Unknown desc = Error response from daemon: ${found.error}`;
				event(w, pod, node, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${ct.pullError}`);
				event(w, pod, node, 'Warning', 'Failed', 'Error: ErrImagePull');
				ct.stage = 'pull-failed';
				ct.dueAt = w.time + 1000;
				return;
			}
			const image = found.image;
			const daemon = w.dockers.get(node);
			if (daemon) {
				for (const l of image.layers) daemon.layers.add(l.id);
				daemon.tags.set(imageTagKey(spec.image), image.id);
				const registryImage = w.registry.images.get(image.id);
				if (registryImage && !daemon.images.has(image.id)) daemon.images.set(image.id, registryImage);
			}
			const took = seconds(ct.pullMs ?? 0);
			event(w, pod, node, 'Normal', 'Pulled', `Successfully pulled image "${spec.image}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`);
			ct.pullError = undefined;
			ct.pullBackoffMs = undefined;
			ct.stage = 'starting';
			ct.dueAt = w.time;
			return;
		}
		case 'pull-failed':
			event(w, pod, node, 'Normal', 'BackOff', `Back-off pulling image "${spec.image}"`);
			event(w, pod, node, 'Warning', 'Failed', 'Error: ImagePullBackOff');
			ct.stage = 'pull-backoff';
			ct.dueAt = w.time + (ct.pullBackoffMs ?? initialBackoffMs);
			ct.pullBackoffMs = Math.min((ct.pullBackoffMs ?? initialBackoffMs) * 2, maxBackoffMs);
			return;
		case 'pull-backoff':
			ct.stage = 'waiting-image';
			ct.dueAt = w.time;
			return;
		case 'crash-backoff':
			ct.attempt += 1;
			ct.stage = 'waiting-image';
			ct.dueAt = w.time;
			return;
		case 'starting': {
			const image = nodeImage(w, node, spec.image);
			if (!image) {
				ct.stage = 'waiting-image';
				return;
			}
			const blocked = startBlock(w, pod, spec);
			ct.blocked = blocked?.waiting;
			if (blocked) {
				event(w, pod, node, 'Warning', blocked.event.reason, blocked.event.message);
				ct.dueAt = w.time + 10_000;
				return;
			}
			const others = runtime.containers.filter(o => o !== ct && o.stage === 'running' && o.port !== undefined).map(o => o.port!);
			const behaviour = containerBehaviour(spec, image, others);
			event(w, pod, node, 'Normal', 'Created', `Created container ${ct.name}`);
			const previous = containerLogs(w, node, ct);
			if (ct.attempt > 0) ct.previousLogs = previous;
			ct.logs = [...behaviour.logs, ...(behaviour.crashLogs ?? [])];
			const pid = startContainerProcess(w, runtime, pod, ct, image, behaviour.command, programs);
			applyContainerResources(w, node, ct, spec);
			startProbes(ct, spec);
			event(w, pod, node, 'Normal', 'Started', `Started container ${ct.name}`);
			ct.port = behaviour.port;
			ct.stage = 'running';
			ct.startedAtMs = w.time;
			ct.exitCode = behaviour.exitCode;
			ct.dueAt = behaviour.exitAfterMs !== undefined ? w.time + behaviour.exitAfterMs : undefined;
			if (pid === undefined) ct.dueAt = w.time;
			return;
		}
		case 'running': {
			const exitCode = ct.exitCode ?? 0;
			stopContainerProcess(w, node, ct, exitCode);
			ct.port = undefined;
			ct.finishedAtMs = w.time;
			ct.lastTermination = {exitCode, reason: ct.exitReason ?? (exitCode === 0 ? 'Completed' : 'Error'), startedAt: ct.startedAtMs ?? w.time, finishedAt: w.time, containerId: ct.containerId};
			ct.exitReason = undefined;
			if (w.time - (ct.startedAtMs ?? 0) >= backoffResetMs) ct.backoffMs = initialBackoffMs;
			const policy = pod.spec.restartPolicy ?? 'Always';
			const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
			if (!restart) {
				ct.stage = 'exited';
				ct.dueAt = undefined;
				return;
			}
			ct.stage = 'crash-backoff';
			if (ct.attempt === 0) ct.dueAt = w.time + 1000; // the first restart comes at once
			else {
				event(w, pod, node, 'Warning', 'BackOff', `Back-off restarting failed container ${ct.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
				ct.dueAt = w.time + ct.backoffMs;
				ct.backoffMs = Math.min(ct.backoffMs * 2, maxBackoffMs);
			}
			return;
		}
		case 'exited':
			ct.dueAt = undefined;
			return;
	}
}

function terminate(w: World, key: string, pod: Pod, runtime: PodRuntime | undefined): void {
	const c = w.cluster!;
	if (!runtime || runtime.stage === 'sandbox') {
		removePod(w, key);
		return;
	}
	if (runtime.stage !== 'killing') {
		runtime.stage = 'killing';
		let slowest = 500;
		const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
		for (const ct of runtime.containers) {
			if (ct.stage !== 'running') continue;
			event(w, pod, runtime.node, 'Normal', 'Killing', `Stopping container ${ct.name}`);
			const spec = (pod.spec.containers as ContainerSpec[]).find(x => x.name === ct.name);
			const handles = spec ? handlesSigterm(spec, resolveImage(w, ct.image)) : true;
			slowest = Math.max(slowest, handles ? 800 : grace);
		}
		runtime.killDueAt = w.time + Math.min(slowest, grace || 500);
		c.kubeletTimers.set(key, runtime.killDueAt);
		return;
	}
	if ((runtime.killDueAt ?? 0) > w.time) {
		c.kubeletTimers.set(key, runtime.killDueAt!);
		return;
	}
	removePod(w, key);
}

function containerStatus(w: World, pod: Pod, ct: ContainerRuntime | undefined, spec: ContainerSpec): ContainerStatus {
	const image = resolveImage(w, spec.image);
	const base = {
		name: spec.name,
		image: image ? image.familiar : spec.image,
		imageID: ct && ct.attempt + (ct.stage === 'running' ? 1 : 0) > 0 && image ? `docker-pullable://${image.digest.replace(/^docker\.io\/(library\/)?/, '')}` : '',
		restartCount: ct?.attempt ?? 0,
		lastState: {} as ContainerStatus['lastState'],
	};
	if (ct?.lastTermination && ct.attempt > 0) {
		const t = ct.lastTermination;
		base.lastState = {terminated: {exitCode: t.exitCode, reason: t.reason, startedAt: timestampAt(t.startedAt), finishedAt: timestampAt(t.finishedAt), containerID: t.containerId ? `docker://${t.containerId}` : undefined}};
	}
	const containerID = ct?.containerId ? `docker://${ct.containerId}` : undefined;
	const waiting = (reason: string, message?: string): ContainerStatus => ({...base, state: {waiting: message ? {reason, message} : {reason}}, ready: false, started: false, ...(containerID && ct!.attempt > 0 ? {containerID} : {})});
	if (!ct) return waiting('ContainerCreating');
	if (ct.stage === 'starting' && ct.blocked) return waiting(ct.blocked.reason, ct.blocked.message);
	switch (ct.stage) {
		case 'waiting-image':
		case 'pulling':
		case 'starting':
			// While a failed image is pulled again, the status still reads the back-off (the kubelet writes it once the pull ends).
			if (ct.pullError) return waiting('ImagePullBackOff', `Back-off pulling image "${spec.image}"`);
			return ct.attempt > 0 ? waiting('CrashLoopBackOff') : waiting('ContainerCreating');
		case 'pull-failed':
			return waiting(ct.pullError?.includes('pull policy of Never') ? 'ErrImageNeverPull' : 'ErrImagePull', ct.pullError);
		case 'pull-backoff':
			return waiting('ImagePullBackOff', `Back-off pulling image "${spec.image}"`);
		case 'running':
			return {...base, state: {running: {startedAt: timestampAt(ct.startedAtMs ?? w.time)}}, ready: ct.ready ?? true, started: ct.started ?? true, containerID};
		case 'crash-backoff':
		case 'exited': {
			const t = ct.lastTermination!;
			const terminated = {terminated: {exitCode: t.exitCode, reason: t.reason, startedAt: timestampAt(t.startedAt), finishedAt: timestampAt(t.finishedAt), containerID}};
			if (ct.stage === 'exited' || ct.attempt === 0) return {...base, state: terminated, ready: false, started: false, containerID};
			return {...base, lastState: terminated, state: {waiting: {reason: 'CrashLoopBackOff', message: `back-off ${Math.round(Math.min(ct.backoffMs / 2, maxBackoffMs) / 1000)}s restarting failed container=${ct.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`}}, ready: false, started: false, containerID};
		}
	}
}

/** Writes the pod's status from the kubelet's view: phase, conditions, container statuses. */
export function writeStatus(w: World, pod: Pod, runtime: PodRuntime): void {
	// Read the pod's spec and status plainly: reading them through the draft drafts every nested object.
	const specs = plain(pod.spec).containers as ContainerSpec[];
	const statuses = specs.map(spec => containerStatus(w, pod, runtime.containers.find(x => x.name === spec.name), spec));
	const allReady = statuses.length > 0 && statuses.every(s => s.ready);
	const anyRunning = runtime.containers.some(x => x.stage === 'running' || x.stage === 'crash-backoff' || (x.attempt > 0 && x.stage !== 'exited'));
	const allExited = runtime.containers.length > 0 && runtime.containers.every(x => x.stage === 'exited');
	const phase = allExited ? (runtime.containers.every(x => x.lastTermination?.exitCode === 0) ? 'Succeeded' : 'Failed') : anyRunning ? 'Running' : 'Pending';
	const time = timestampAt(w.time);
	const before = plain(pod.status);
	const old = before.conditions ?? [];
	const condition = (type: string, status: 'True' | 'False', reason?: string) => {
		const previous = old.find(x => x.type === type);
		const lastTransitionTime = previous && previous.status === status ? previous.lastTransitionTime : time;
		const out: PodCondition = {type, status, lastProbeTime: null, lastTransitionTime};
		if (status === 'False' && reason) out.reason = reason;
		return out;
	};
	const notReady = allExited ? 'PodCompleted' : 'ContainersNotReady';
	const conditions = [
		condition('PodReadyToStartContainers', runtime.stage === 'sandbox' ? 'False' : 'True'),
		condition('Initialized', 'True'),
		condition('Ready', allReady ? 'True' : 'False', notReady),
		condition('ContainersReady', allReady ? 'True' : 'False', notReady),
		condition('PodScheduled', 'True'),
	];
	for (const x of conditions) {
		if (x.status === 'False' && x.reason === 'ContainersNotReady') {
			const waiting = statuses.filter(s => !s.ready).map(s => s.name);
			x.message = `containers with unready status: [${waiting.join(' ')}]`;
		}
	}
	pod.status = {...before, phase, conditions, containerStatuses: statuses};
	if (phase === 'Succeeded' || phase === 'Failed') releasePodResources(w, runtime.key);
	pod.metadata.resourceVersion = nextResourceVersion(w.cluster!);
	w.cluster!.dirtyServices.add(pod.metadata.namespace!);
	markOwnersDirty(w.cluster!, pod);
}

/** What `kubectl logs` shows for a container: its docker record's log (requests append there), else the kubelet's copy. */
export function containerLogs(w: World, node: string, ct: ContainerRuntime): string[] {
	const record = ct.containerId ? w.dockers.get(node)?.containers.get(ct.containerId) : undefined;
	return record ? [...record.logs] : [...ct.logs];
}
