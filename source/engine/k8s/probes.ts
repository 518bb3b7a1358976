// The kubelet's prober: liveness, readiness and startup probes (httpGet, tcpSocket, exec) run on
// the period and thresholds of their spec against what the container's app really does: an HTTP
// probe is a request its app answers (nginx 404s an unknown path, kubia-unhealthy 500s after five
// requests), a TCP probe needs a listener, an exec probe looks at the container's own files.
// Probes run inside the kubelet's pod sync (one produce per tick), each pod on its own timer.
import type {Host, Process} from '../host/types.ts';
import {listeningServer} from '../network/connect.ts';
import type {World} from '../world.ts';
import {execProbe} from './probe-exec.ts';
import {probeHttpStatus} from './probe-http.ts';
import type {ContainerRuntime, ContainerSpec, PodRuntime} from './types.ts';
import type {Pod} from './kinds.ts';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export type ProbeSpec = {
	httpGet?: {path?: string; port?: number | string; host?: string; scheme?: string};
	tcpSocket?: {port?: number | string; host?: string};
	exec?: {command?: string[]};
	grpc?: {port?: number};
	initialDelaySeconds?: number;
	periodSeconds?: number;
	timeoutSeconds?: number;
	failureThreshold?: number;
	successThreshold?: number;
};

export type ProbeState = {successes: number; failures: number};

const kinds: ProbeKind[] = ['startup', 'liveness', 'readiness'];
const specField = {startup: 'startupProbe', liveness: 'livenessProbe', readiness: 'readinessProbe'} as const;
const label = {startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness'} as const;

function probeOf(spec: ContainerSpec, kind: ProbeKind): ProbeSpec | undefined {
	const probe = spec[specField[kind]];
	return probe && typeof probe === 'object' ? (probe as ProbeSpec) : undefined;
}

function seconds(value: unknown, fallback: number, min = 0): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

/**
 * When a probe runs: every period from its first run, which comes after initialDelaySeconds from
 * the container's start (and at the earliest a second after it, when the prober's worker is up).
 * Derived from the start rather than stored, so a passing probe changes nothing in the state.
 */
function firstRunAt(ct: ContainerRuntime, probe: ProbeSpec): number {
	return (ct.startedAtMs ?? 0) + Math.max(1000, seconds(probe.initialDelaySeconds, 0) * 1000);
}

function periodOf(probe: ProbeSpec): number {
	return seconds(probe.periodSeconds, 10, 1) * 1000;
}

/** A run of a schedule (first run, period) in (from, to]. Thousands of probes are asked each tick: numbers only, no objects. */
export function runsBetween(first: number, period: number, from: number, to: number): boolean {
	return to >= first && first + Math.floor((to - first) / period) * period > from;
}

/** The schedule's first run after `now`. */
export function nextRunAfter(first: number, period: number, now: number): number {
	return now < first ? first : first + (Math.floor((now - first) / period) + 1) * period;
}

function runsIn(ct: ContainerRuntime, probe: ProbeSpec, from: number, to: number): boolean {
	return runsBetween(firstRunAt(ct, probe), periodOf(probe), from, to);
}

/** Whether the kind of probe runs now: the container runs, and liveness and readiness wait for a start. */
function active(ct: ContainerRuntime, kind: ProbeKind): boolean {
	return !!ct.probes?.[kind] && (kind === 'startup' || !!ct.started);
}

function probing(ct: ContainerRuntime): boolean {
	return ct.stage === 'running' && !!ct.probes && !ct.killedByProbe;
}

/** A fresh container's probes: readiness starts false when probed, a startup probe holds the others back. */
export function startProbes(ct: ContainerRuntime, spec: ContainerSpec): void {
	const probes: ContainerRuntime['probes'] = {};
	for (const kind of kinds) if (probeOf(spec, kind)) probes[kind] = {successes: 0, failures: 0};
	ct.probes = Object.keys(probes).length > 0 ? probes : undefined;
	ct.started = !probes.startup;
	ct.ready = !probes.readiness && ct.started;
	ct.killedByProbe = undefined;
}

/** Whether one of the container's probes runs in the slice that ends now. */
export function probesDue(ct: ContainerRuntime, spec: ContainerSpec | undefined, now: number, sliceMs: number): boolean {
	if (!spec || !probing(ct)) return false;
	for (const kind of kinds) if (active(ct, kind) && runsIn(ct, probeOf(spec, kind)!, now - sliceMs, now)) return true;
	return false;
}

/** The next time after `now` one of the container's probes runs (Infinity when none will). */
export function nextProbeAt(ct: ContainerRuntime, spec: ContainerSpec | undefined, now: number): number {
	if (!spec || !probing(ct)) return Infinity;
	let next = Infinity;
	for (const kind of kinds) {
		if (!active(ct, kind)) continue;
		const probe = probeOf(spec, kind)!;
		next = Math.min(next, nextRunAfter(firstRunAt(ct, probe), periodOf(probe), now));
	}
	return next;
}

/** The probes of a pod's containers, in the kubelet's order: the container's index, the kind's bit (as in ProbeOutcome), first run and period, and whether a pass now would change nothing. */
export type ProbeSchedule = {containers: number[]; bits: number[]; firsts: number[]; periods: number[]; steady: boolean[]};

/** Adds the probes the container runs now to the schedule (what nextProbeAt reads). */
export function probeSchedule(ct: ContainerRuntime, spec: ContainerSpec, index: number, out: ProbeSchedule): void {
	if (!probing(ct)) return;
	for (let k = 0; k < kinds.length; k++) {
		const kind = kinds[k]!;
		if (!active(ct, kind)) continue;
		const probe = probeOf(spec, kind)!;
		out.containers.push(index);
		out.bits.push(1 << k);
		out.firsts.push(firstRunAt(ct, probe));
		out.periods.push(periodOf(probe));
		out.steady.push(passChangesNothing(ct, probe, kind));
	}
}

/** Whether a passing run of the probe leaves the container as it is (runProbes writes nothing): a startup pass always changes it. */
function passChangesNothing(ct: ContainerRuntime, probe: ProbeSpec, kind: ProbeKind): boolean {
	const state = ct.probes?.[kind];
	if (!state || kind === 'startup' || state.failures !== 0) return false;
	if (kind === 'liveness') return state.successes >= 1;
	return state.successes >= seconds(probe.successThreshold, 1, 1) && ct.ready === true;
}

/** `pure`: a bit (1 << the kind's place in startup, liveness, readiness) for each probe that passed with a pure answer. */
export type ProbeOutcome = {changed: boolean; pure: number; kill?: {kind: 'liveness' | 'startup'}};

/** Records a kubelet Warning event about the pod (a plain function: no closure per probe). */
export type ProbeWarning = (w: World, pod: Pod, node: string, reason: string, message: string) => void;

/** The container's draft, asked for only when something is written. */
export type ContainerWriter = {get(): ContainerRuntime};

/**
 * Runs the container's probes due in the slice that ends now, in the kubelet's order (startup,
 * then liveness and readiness once started), counting consecutive results against the
 * thresholds. `warn` records the kubelet's "Unhealthy" events. Call on a draft; `base` is the
 * tick's starting world, read first (a process that started during the tick is found in the
 * draft). `ct` is read; what changes is written to `writable.get()`, the container's draft, which is
 * asked for only then: a passing probe in a steady state drafts and writes nothing.
 */
export function runProbes(w: World, base: World, pod: Pod, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, sliceMs: number, warn: ProbeWarning, writable: ContainerWriter = {get: () => ct}): ProbeOutcome {
	const outcome: ProbeOutcome = {changed: false, pure: 0};
	if (!probing(ct)) return outcome;
	const now = w.time;
	// Which kinds run is decided before any runs (a startup success lets the others run from the next period).
	const started = !!ct.started;
	let ready = ct.ready;
	for (let k = 0; k < kinds.length; k++) {
		const kind = kinds[k]!;
		if (kind !== 'startup' && !started) continue;
		const state = ct.probes?.[kind];
		const probe = probeOf(spec, kind);
		if (!state || !probe || !runsIn(ct, probe, now - sliceMs, now)) continue;
		const result = probeOnce(w, base, pod, runtime, ct, spec, probe, now);
		const failureThreshold = seconds(probe.failureThreshold, 3, 1);
		const successThreshold = kind === 'readiness' ? seconds(probe.successThreshold, 1, 1) : 1;
		let {successes, failures} = state;
		if (result.ok) {
			if (result.pure) outcome.pure |= 1 << k;
			failures = 0;
			if (successes < successThreshold) successes++;
		} else {
			failures++;
			successes = 0;
			warn(w, pod, runtime.node, 'Unhealthy', `${label[kind]} probe failed: ${result.output}`);
		}
		if (successes !== state.successes || failures !== state.failures) {
			const counts = writable.get().probes![kind]!;
			counts.successes = successes;
			counts.failures = failures;
		}
		if (kind === 'startup') {
			if (successes >= 1) {
				const draft = writable.get();
				draft.started = true;
				draft.probes!.startup = undefined;
				if (!ct.probes!.readiness) draft.ready = ready = true;
				outcome.changed = true;
			} else if (failures >= failureThreshold) return {changed: true, pure: 0, kill: {kind}};
		} else if (kind === 'liveness') {
			if (failures >= failureThreshold) return {changed: true, pure: 0, kill: {kind}};
		} else {
			const next = successes >= successThreshold ? true : failures >= failureThreshold ? false : ready;
			if (next !== ready) {
				writable.get().ready = ready = next;
				outcome.changed = true;
			}
		}
	}
	return outcome;
}

/**
 * A probe's answer. `pure` when it read only the pod, its kubelet state and the tick's base state
 * of the node's host and Docker daemon, and wrote nothing: the same objects give the same answer
 * (probe-memo.ts remembers such passes).
 */
type ProbeResult = {ok: true; pure?: true} | {ok: false; output: string};

const passed: ProbeResult = {ok: true};
const passedPure: ProbeResult = {ok: true, pure: true};

function resolvePort(spec: ContainerSpec, port: number | string | undefined): number | undefined {
	if (typeof port === 'number') return port;
	if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
	return spec.ports?.find(p => p.name === port)?.containerPort;
}

function probeOnce(w: World, base: World, pod: Pod, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, probe: ProbeSpec, now: number): ProbeResult {
	const baseHost = base.hosts.get(runtime.node);
	const host = baseHost ?? w.hosts.get(runtime.node);
	const ip = (pod.status?.podIP as string | undefined) ?? host?.ip ?? '';
	if (!host) return {ok: false, output: `dial tcp ${ip}: connect: no route to host`};
	if (probe.httpGet) return httpProbe(w, base, host, pod, runtime, spec, probe.httpGet, ip, now);
	if (probe.tcpSocket) {
		const port = resolvePort(spec, probe.tcpSocket.port);
		if (baseHost && ownListener(w, baseHost, runtime, port, true)) return passedPure;
		return listenerIn(w, host, runtime, port) ? passed : {ok: false, output: `dial tcp ${ip}:${port ?? 0}: connect: connection refused`};
	}
	if (probe.exec) return execProbe(w, w.hosts.get(runtime.node)!, ct, probe.exec.command ?? []);
	// gRPC probes are not modelled: they pass.
	return {ok: true};
}

/**
 * The process listening on the port in the pod's network namespace. The kubelet knows which of
 * its containers listen where, so the common case reads one process instead of the node's list.
 */
function listenerIn(w: World, host: Host, runtime: PodRuntime, port: number | undefined): Process | undefined {
	if (port === undefined || runtime.sandboxNetns === undefined) return undefined;
	return ownListener(w, host, runtime, port, false) ?? listeningServer(w.hosts.get(host.name) ?? host, runtime.sandboxNetns, port);
}

/** The pod's own container listening on the port; with `baseOnly`, undefined when it was found in the tick's draft, not in `host`. */
function ownListener(w: World, host: Host, runtime: PodRuntime, port: number | undefined, baseOnly: boolean): Process | undefined {
	if (port === undefined || runtime.sandboxNetns === undefined) return undefined;
	for (const ct of runtime.containers) {
		if (ct.stage !== 'running' || ct.port !== port || ct.pid === undefined) continue;
		const inHost = host.processes.get(ct.pid);
		const p = inHost ?? w.hosts.get(host.name)?.processes.get(ct.pid);
		if (p && p.containerId === ct.containerId && p.workload.kind === 'server' && p.workload.port === port) return baseOnly && !inHost ? undefined : p;
	}
	return undefined;
}

function probeUrl(get: NonNullable<ProbeSpec['httpGet']>, target: string, port: number | undefined, path: string): string {
	return `${(get.scheme ?? 'HTTP').toLowerCase()}://${target}:${port ?? 0}${path}`;
}

function httpProbe(w: World, base: World, host: Host, pod: Pod, runtime: PodRuntime, spec: ContainerSpec, get: NonNullable<ProbeSpec['httpGet']>, podIp: string, now: number): ProbeResult {
	const port = resolvePort(spec, get.port);
	const path = get.path || '/';
	const target = get.host || podIp;
	// A listener found in the tick's base host is part of a pure answer (see ProbeResult).
	const own = base.hosts.get(host.name) === host ? ownListener(w, host, runtime, port, true) : undefined;
	const server = own ?? listenerIn(w, host, runtime, port);
	if (!server || port === undefined) return {ok: false, output: `Get "${probeUrl(get, target, port, path)}": dial tcp ${target}:${port ?? 0}: connect: connection refused`};
	const answer = probeHttpStatus(w, base, host, server, {pod, podIp, target, port, path}, now);
	const {status} = answer;
	if (status >= 200 && status < 400) return own && answer.pure ? passedPure : passed;
	return {ok: false, output: `HTTP probe failed with statuscode: ${status}`};
}
