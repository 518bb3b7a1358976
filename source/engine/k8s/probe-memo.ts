// Probe passes the kubelet remembers. A probe's answer is a function of what it reads: the pod's
// spec, its kubelet state, and the node's host and Docker daemon. World states are immutable, so
// when a pod's probes passed with a pure answer (probes.ts: nginx's or a quiet app's status, a
// listener on the port: nothing written, no log line, no request counted) and the next period
// finds the same spec, host and daemon objects and the same kubelet state, each probe answers
// the same, and a pass that changes no count changes nothing: the kubelet only moves the pod's
// timer, from the schedule kept here, instead of reading the pod's probes, process and container
// record again (10,000 pods probed in the same second cost ~10 us a pod through the full path).
// Anything else (a killed process, a changed count, an app that logs or counts requests, an exec
// probe, a failure) goes through the full path. Kept beside the world, keyed by its objects: it
// is not world state, and a world without it behaves the same.
import type {DockerDaemon} from '../docker/types.ts';
import type {Host} from '../host/types.ts';
import {nextRunAfter, probeSchedule, runsBetween, type ProbeSchedule} from './probes.ts';
import type {ContainerRuntime, ContainerSpec, KubeObject, PodRuntime, PodSpec} from './types.ts';
import type {Pod} from './kinds.ts';

/**
 * The kubelet state the answers were given for (see ContainerState), the node's objects, the containers'
 * earliest own stage end, and per probe three numbers: first run, period, 1 when it passed purely
 * with nothing to change (one flat array: thousands are read per tick).
 */
type Pass = {host: Host; daemon: DockerDaemon | undefined; netns: number | undefined; state: ContainerState[]; runtime: PodRuntime | undefined; dueAt: number; probes: number[]};

// By the pod's spec: a status write gives the pod a new object, its spec stays the same one.
const passes = new WeakMap<PodSpec, Pass>();

/** What the prober reads of a container's kubelet state (plain values, copied when the pass is remembered). */
type ContainerState = Pick<ContainerRuntime, 'name' | 'image' | 'stage' | 'dueAt' | 'pid' | 'containerId' | 'port' | 'startedAtMs' | 'started' | 'ready' | 'killedByProbe'> & {counts: (number | undefined)[]};

const kinds = ['startup', 'liveness', 'readiness'] as const;

function stateOf(ct: ContainerRuntime): ContainerState {
	const counts: (number | undefined)[] = [];
	for (const kind of kinds) counts.push(ct.probes ? (ct.probes[kind]?.successes ?? -1) : undefined, ct.probes?.[kind]?.failures);
	return {name: ct.name, image: ct.image, stage: ct.stage, dueAt: ct.dueAt, pid: ct.pid, containerId: ct.containerId, port: ct.port, startedAtMs: ct.startedAtMs, started: ct.started, ready: ct.ready, killedByProbe: ct.killedByProbe, counts};
}

// One comparison per field, no calls: it runs for every pod the first period after a change (often still unoptimized code).
function sameState(state: ContainerState, ct: ContainerRuntime): boolean {
	if (state.name !== ct.name || state.image !== ct.image || state.stage !== ct.stage || state.dueAt !== ct.dueAt || state.pid !== ct.pid || state.containerId !== ct.containerId || state.port !== ct.port) return false;
	if (state.startedAtMs !== ct.startedAtMs || state.started !== ct.started || state.ready !== ct.ready || state.killedByProbe !== ct.killedByProbe) return false;
	const counts = state.counts;
	const probes = ct.probes;
	if (!probes) return counts[0] === undefined;
	const {startup, liveness, readiness} = probes;
	return counts[0] === (startup?.successes ?? -1) && counts[1] === startup?.failures && counts[2] === (liveness?.successes ?? -1) && counts[3] === liveness?.failures && counts[4] === (readiness?.successes ?? -1) && counts[5] === readiness?.failures;
}

function sameRuntime(netns: number | undefined, states: ContainerState[], runtime: PodRuntime): boolean {
	if (netns !== runtime.sandboxNetns || states.length !== runtime.containers.length) return false;
	for (let i = 0; i < states.length; i++) if (!sameState(states[i]!, runtime.containers[i]!)) return false;
	return true;
}

/**
 * The pod's next wake-up when every probe due in (now - sliceMs, now] passed purely before, with
 * nothing to change, against the same objects and state; undefined when they must run (or when
 * nothing is due: a full sync). `runtime` and `pod` come from the tick's base state.
 */
export function recallPass(runtime: PodRuntime, pod: Pod, host: Host | undefined, daemon: DockerDaemon | undefined, now: number, sliceMs: number): number | undefined {
	const pass = passes.get(pod.spec);
	if (!pass || pass.host !== host || pass.daemon !== daemon || pass.dueAt <= now) return undefined;
	let next = pass.dueAt;
	let due = false;
	const probes = pass.probes;
	for (let i = 0; i < probes.length; i += 3) {
		const first = probes[i]!;
		const period = probes[i + 1]!;
		if (runsBetween(first, period, now - sliceMs, now)) {
			if (probes[i + 2] !== 1) return undefined;
			due = true;
		}
		next = Math.min(next, nextRunAfter(first, period, now));
	}
	if (!due) return undefined;
	// A frozen state object seen before has the same values; another one is compared value by value.
	if (pass.runtime !== runtime) {
		if (!sameRuntime(pass.netns, pass.state, runtime)) return undefined;
		pass.runtime = runtime;
	}
	return next;
}

/**
 * Remembers the pod's probes that passed with a pure answer (`pure`: per container, a bit per kind
 * as in ProbeOutcome) and whose next pass changes nothing. `runtime` is the state after the
 * probes' writes (a draft when they wrote); `pod` and `host` come from the tick's base state.
 */
export function rememberPass(runtime: PodRuntime, pod: Pod, specs: ContainerSpec[], host: Host, daemon: DockerDaemon | undefined, pure: number[]): void {
	const earlier = passes.get(pod.spec);
	const same = !!earlier && earlier.host === host && earlier.daemon === daemon && sameRuntime(earlier.netns, earlier.state, runtime);
	const schedule: ProbeSchedule = {containers: [], bits: [], firsts: [], periods: [], steady: []};
	let dueAt = Infinity;
	for (let index = 0; index < runtime.containers.length; index++) {
		const ct = runtime.containers[index]!;
		dueAt = Math.min(dueAt, ct.dueAt ?? Infinity);
		for (const spec of specs) {
			if (spec.name !== ct.name) continue;
			probeSchedule(ct, spec, index, schedule);
			break;
		}
	}
	const probes: number[] = [];
	for (let i = 0; i < schedule.firsts.length; i++) {
		// Passed purely now, or before against the same objects and state (its probe was not due now).
		const passedNow = ((pure[schedule.containers[i]!] ?? 0) & schedule.bits[i]!) !== 0;
		const passed = schedule.steady[i]! && (passedNow || (same && earlier.probes[i * 3 + 2] === 1));
		probes.push(schedule.firsts[i]!, schedule.periods[i]!, passed ? 1 : 0);
	}
	const state: ContainerState[] = [];
	for (const ct of runtime.containers) state.push(stateOf(ct));
	passes.set(pod.spec, {host, daemon, netns: runtime.sandboxNetns, state, runtime: undefined, dueAt, probes});
}
