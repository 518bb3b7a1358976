// The kubelet's prober: liveness, readiness and startup probes (httpGet, tcpSocket, exec) run on
// the period and thresholds of their spec against what the container's app really does: an HTTP
// probe is a request its app answers (nginx 404s an unknown path, kubia-unhealthy 500s after five
// requests), a TCP probe needs a listener, an exec probe looks at the container's own files.
// Probes run inside the kubelet's pod sync (one produce per tick), each pod on its own timer.
import {lookupFile} from '../host/filesystem.ts';
import type {Host} from '../host/types.ts';
import {findExecutable} from '../docker/programs.ts';
import {respond, type HttpRequest} from '../network/apps.ts';
import {listeningServer} from '../network/connect.ts';
import {ipOf} from '../network/links.ts';
import type {World} from '../world.ts';
import type {ContainerRuntime, ContainerSpec, KubeObject, PodRuntime} from './types.ts';

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

export type ProbeState = {nextAt: number; successes: number; failures: number};

/** The prober's User-Agent: kube-probe/<major.minor> of the kubelet (the cluster runs v1.31). */
const probeUserAgent = 'kube-probe/1.31';

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

/** A fresh container's probe timers: each first runs after its initialDelaySeconds. Readiness starts false when probed, startup gates the others. */
export function startProbes(ct: ContainerRuntime, spec: ContainerSpec, now: number): void {
	const probes: ContainerRuntime['probes'] = {};
	for (const kind of kinds) {
		const probe = probeOf(spec, kind);
		if (probe) probes[kind] = {nextAt: now + seconds(probe.initialDelaySeconds, 0) * 1000, successes: 0, failures: 0};
	}
	ct.probes = Object.keys(probes).length > 0 ? probes : undefined;
	ct.started = !probes.startup;
	ct.ready = !probes.readiness && ct.started;
	ct.killedByProbe = undefined;
}

/** The earliest time one of the container's probes is due (Infinity when none runs). */
export function nextProbeAt(ct: ContainerRuntime): number {
	if (ct.stage !== 'running' || !ct.probes || ct.killedByProbe) return Infinity;
	let next = Infinity;
	for (const kind of kinds) {
		const state = ct.probes[kind];
		if (!state || (kind !== 'startup' && !ct.started)) continue;
		next = Math.min(next, state.nextAt);
	}
	return next;
}

export type ProbeOutcome = {changed: boolean; kill?: {kind: 'liveness' | 'startup'}};

/**
 * Runs the container's due probes in the kubelet's order (startup, then liveness and readiness
 * once started), counting consecutive results against the thresholds. `event` records the
 * kubelet's "Unhealthy" events. Call on a draft.
 */
export function runProbes(w: World, pod: KubeObject, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, event: (reason: string, message: string) => void): ProbeOutcome {
	const outcome: ProbeOutcome = {changed: false};
	if (!ct.probes || ct.stage !== 'running' || ct.killedByProbe) return outcome;
	for (const kind of kinds) {
		const state = ct.probes[kind];
		const probe = probeOf(spec, kind);
		if (!state || !probe || state.nextAt > w.time || (kind !== 'startup' && !ct.started)) continue;
		const period = seconds(probe.periodSeconds, 10, 1) * 1000;
		while (state.nextAt <= w.time) state.nextAt += period;
		const result = probeOnce(w, pod, runtime, ct, spec, probe);
		if (result.ok) {
			state.successes++;
			state.failures = 0;
		} else {
			state.failures++;
			state.successes = 0;
			event('Unhealthy', `${label[kind]} probe failed: ${result.output}`);
		}
		const failureThreshold = seconds(probe.failureThreshold, 3, 1);
		const successThreshold = kind === 'readiness' ? seconds(probe.successThreshold, 1, 1) : 1;
		if (kind === 'startup') {
			if (state.successes >= 1) {
				ct.started = true;
				ct.probes.startup = undefined;
				// Liveness and readiness begin now, each after its own initial delay from the container's start.
				for (const other of ['liveness', 'readiness'] as const) {
					const s = ct.probes[other];
					if (s && s.nextAt < w.time) s.nextAt = w.time;
				}
				if (!ct.probes.readiness) ct.ready = true;
				outcome.changed = true;
			} else if (state.failures >= failureThreshold) return {changed: true, kill: {kind}};
		} else if (kind === 'liveness') {
			if (state.failures >= failureThreshold) return {changed: true, kill: {kind}};
		} else {
			const ready = state.successes >= successThreshold ? true : state.failures >= failureThreshold ? false : ct.ready;
			if (ready !== ct.ready) {
				ct.ready = ready;
				outcome.changed = true;
			}
		}
	}
	return outcome;
}

type ProbeResult = {ok: true} | {ok: false; output: string};

function resolvePort(spec: ContainerSpec, port: number | string | undefined): number | undefined {
	if (typeof port === 'number') return port;
	if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
	return spec.ports?.find(p => p.name === port)?.containerPort;
}

function probeOnce(w: World, pod: KubeObject, runtime: PodRuntime, ct: ContainerRuntime, spec: ContainerSpec, probe: ProbeSpec): ProbeResult {
	const host = w.hosts.get(runtime.node);
	const ip = (pod.status?.podIP as string | undefined) ?? host?.ip ?? '';
	if (!host) return {ok: false, output: `dial tcp ${ip}: connect: no route to host`};
	if (probe.httpGet) return httpProbe(w, host, runtime, spec, probe.httpGet, ip);
	if (probe.tcpSocket) {
		const port = resolvePort(spec, probe.tcpSocket.port);
		const server = port === undefined || runtime.sandboxNetns === undefined ? undefined : listeningServer(host, runtime.sandboxNetns, port);
		return server ? {ok: true} : {ok: false, output: `dial tcp ${ip}:${port ?? 0}: connect: connection refused`};
	}
	if (probe.exec) return execProbe(w, host, ct, probe.exec.command ?? []);
	// gRPC probes are not modelled: they pass.
	return {ok: true};
}

function httpProbe(w: World, host: Host, runtime: PodRuntime, spec: ContainerSpec, get: NonNullable<ProbeSpec['httpGet']>, podIp: string): ProbeResult {
	const port = resolvePort(spec, get.port);
	const path = get.path || '/';
	const target = get.host || podIp;
	const url = `${(get.scheme ?? 'HTTP').toLowerCase()}://${target}:${port ?? 0}${path}`;
	const netns = runtime.sandboxNetns;
	const server = port === undefined || netns === undefined ? undefined : listeningServer(host, netns, port);
	if (!server || port === undefined) return {ok: false, output: `Get "${url}": dial tcp ${target}:${port ?? 0}: connect: connection refused`};
	const namespace = host.namespaces.get(server.namespaces.net);
	const addresses = ['127.0.0.1', ...(namespace?.interfaces ?? []).filter(i => i.kind !== 'loopback').flatMap(i => i.addresses.map(ipOf))];
	// The probe comes from the node, through the pod network's bridge (10.244.N.1).
	const request: HttpRequest = {method: 'GET', path, hostHeader: `${target}:${port}`, userAgent: probeUserAgent, sourceIp: podIp.replace(/\.\d+$/, '.1'), sourcePort: 40000 + (w.time % 20000)};
	const hostname = host.namespaces.get(server.namespaces.uts)?.hostname ?? host.name;
	const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
	const response = respond(app, request, {world: w, host, process: server, hostname, ip: podIp, port, addresses});
	return response.status >= 200 && response.status < 400 ? {ok: true} : {ok: false, output: `HTTP probe failed with statuscode: ${response.status}`};
}

/** An exec probe's command in the container: file tests look at its own filesystem; a program it lacks fails as runc says. */
function execProbe(w: World, host: Host, ct: ContainerRuntime, command: string[]): ProbeResult {
	const fs = ct.containerId ? host.filesystems.get(`${host.name}:container:${ct.containerId}`) : undefined;
	if (!fs || command.length === 0) return {ok: false, output: ''};
	const argv = (command[0] === 'sh' || command[0] === '/bin/sh') && command[1] === '-c' ? (command[2] ?? '').trim().split(/\s+/) : command;
	const program = (argv[0] ?? '').split('/').pop()!;
	if (!findExecutable(w, fs, argv[0]!)) return {ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`};
	const busybox = !!lookupFile(w, fs, '/bin/busybox');
	const exists = (path: string) => !!lookupFile(w, fs, path);
	switch (program) {
		case 'true':
			return {ok: true};
		case 'false':
			return {ok: false, output: ''};
		case 'cat':
		case 'ls':
		case 'stat': {
			const missing = argv.slice(1).filter(a => !a.startsWith('-')).find(path => !exists(path));
			if (!missing) return {ok: true};
			return {ok: false, output: noSuchFile(program, missing, busybox)};
		}
		case 'test':
		case '[': {
			const path = argv.find((a, i) => i > 0 && !a.startsWith('-') && a !== ']');
			return path && exists(path) ? {ok: true} : {ok: false, output: ''};
		}
		default:
			// Other commands are not modelled: they succeed.
			return {ok: true};
	}
}

function noSuchFile(program: string, path: string, busybox: boolean): string {
	if (program === 'cat') return busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`;
	if (program === 'ls') return busybox ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`;
	return busybox ? `stat: can't stat '${path}': No such file or directory` : `stat: cannot statx '${path}': No such file or directory`;
}
