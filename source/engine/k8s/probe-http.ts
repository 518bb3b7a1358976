// An HTTP probe's request to a pod's app, answered as docker/http.ts answers any request (the
// app's status, its request log line, kubia-unhealthy's count) with as few reads of the draft as
// it takes: thousands of pods are probed every second, and drafting their images and files on
// each probe would cost the tick more than the rest of the cluster. The app of a container is
// remembered by its image and command.
import {current, isDraft} from 'immer';
import {renderParts} from '../docker/apps.ts';
import {appProfileOf} from '../docker/programs.ts';
import {appendLog} from '../docker/logs.ts';
import type {AppProfile, Container} from '../docker/types.ts';
import type {Host, Process} from '../host/types.ts';
import {nginxStatus, type HttpRequest} from '../network/apps.ts';
import {curlUserAgent} from '../network/http.ts';
import {respond} from '../world-behaviour.ts';
import {worldEpoch, type World} from '../world.ts';
import type {Pod} from './kinds.ts';

// A container's image and command decide its app; image ids are content digests, so this holds across worlds.
const profiles = new Map<string, AppProfile | null>();

// The same record object (from the tick's base state) asks again every period: answer it without rebuilding the key.
const byRecord = new WeakMap<Container, AppProfile | null>();

function profileOf(w: World, node: string, record: Container): AppProfile | undefined {
	const known = byRecord.get(record);
	if (known !== undefined) return known ?? undefined;
	const found = profileByKey(w, node, record);
	if (!isDraft(record)) byRecord.set(record, found ?? null);
	return found;
}

function profileByKey(w: World, node: string, record: Container): AppProfile | undefined {
	const key = `${record.image}\0${record.command.join('\0')}`;
	let profile = profiles.get(key);
	if (profile === undefined) {
		const found = appProfileOf(w, node, record);
		// An image's own profile may be read through the draft: keep a plain copy, the draft dies with the tick.
		profile = found ? (isDraft(found) ? (current(found) as AppProfile) : found) : null;
		profiles.set(key, profile);
	}
	return profile ?? undefined;
}

/** Where a probe goes: the pod's address (or httpGet.host) and port, from the node through the pod network's bridge. */
export type ProbeTarget = {pod: Pod; podIp: string; target: string; port: number; path: string};

/** The prober's User-Agent: kube-probe/<major.minor> of the kubelet (the cluster runs v1.31). */
export const probeUserAgent = 'kube-probe/1.31';

// The request and the server's context are built only for an app that reads them (not for nginx, the common case).
function probeRequest(to: ProbeTarget, now: number): HttpRequest {
	// The probe comes from the node, through the pod network's bridge (10.244.N.1).
	return {method: 'GET', path: to.path, hostHeader: `${to.target}:${to.port}`, userAgent: probeUserAgent, sourceIp: to.podIp.replace(/\.\d+$/, '.1'), sourcePort: 40000 + (now % 20000)};
}

function podHostname(host: Host, pod: Pod): string {
	return pod.spec.hostNetwork ? host.name : (pod.spec.hostname ?? pod.metadata.name);
}

/** A probe's status code; `pure` when the app's answer came from the tick's base Docker record and wrote nothing (no log line, no request count). */
export type ProbeAnswer = {status: number; pure: boolean};

const pureAnswers = new Map<number, ProbeAnswer>([200, 404].map(status => [status, {status, pure: true}]));

function answer(status: number, pure: boolean): ProbeAnswer {
	return (pure && pureAnswers.get(status)) || {status, pure};
}

/** The status code the app answers the probe with. Call on a draft; what only is read comes from `base` when it is there. */
export function probeHttpStatus(w: World, base: World, host: Host, server: Process, to: ProbeTarget, now: number): ProbeAnswer {
	const id = server.containerId;
	const baseRecord = id ? base.dockers.get(host.name)?.containers.get(id) : undefined;
	const record = baseRecord ?? (id ? w.dockers.get(host.name)?.containers.get(id) : undefined);
	const profile = record && profileOf(baseRecord ? base : w, host.name, record);
	// Without a Docker record the network's own responders answer, and they only read.
	if (!record || !profile) {
		const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
		return answer(respond(app, probeRequest(to, now), {hostname: podHostname(host, to.pod), ip: to.podIp, port: to.port, addresses: [to.podIp], world: w, host, process: server}).status, false);
	}
	const nodeApp = profile.name !== 'nginx';
	let pure = !!baseRecord;
	// Node apps console.log each request, the probe's too (kubectl logs shows them); nginx's access
	// log lines of probes are left out: thousands of pods probed every few seconds would fill it.
	if (nodeApp && profile.requestLog.length > 0) {
		pure = false;
		const request = probeRequest(to, now);
		const remoteAddress = `::ffff:${request.sourceIp}`;
		const hostname = podHostname(host, to.pod);
		for (const line of profile.requestLog) {
			const text = renderParts(line, {hostname, remoteAddress, time: worldEpoch + now}).replace(curlUserAgent, request.userAgent);
			appendLog(w.dockers.get(host.name)!.containers.get(record.id)!, text);
		}
	}
	if (profile.failsAfterRequests !== undefined) {
		pure = false;
		const draft = w.dockers.get(host.name)!.containers.get(record.id)!;
		draft.requestsServed = (draft.requestsServed ?? 0) + 1;
		if (draft.requestsServed > profile.failsAfterRequests) return answer(500, false);
	}
	// Only the status matters to a probe: nginx's is its path's (no response is built).
	return answer(nodeApp ? 200 : nginxStatus(to.path), pure);
}
