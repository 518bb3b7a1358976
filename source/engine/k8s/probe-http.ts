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
import {nginxStatus, type HttpRequest, type ServerContext} from '../network/apps.ts';
import {curlUserAgent} from '../network/http.ts';
import {respond} from '../world-behaviour.ts';
import {worldEpoch, type World} from '../world.ts';

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

/** The status code the app answers the probe with. Call on a draft; what only is read comes from `base` when it is there. */
export function probeHttpStatus(w: World, base: World, host: Host, server: Process, path: string, makeRequest: () => HttpRequest, context: Omit<ServerContext, 'world' | 'host' | 'process'>, now: number): number {
	const id = server.containerId;
	const baseRecord = id ? base.dockers.get(host.name)?.containers.get(id) : undefined;
	const record = baseRecord ?? (id ? w.dockers.get(host.name)?.containers.get(id) : undefined);
	const profile = record && profileOf(baseRecord ? base : w, host.name, record);
	const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
	// Without a Docker record the network's own responders answer, and they only read.
	if (!record || !profile) return respond(app, makeRequest(), {...context, world: w, host, process: server}).status;
	const nodeApp = profile.name !== 'nginx';
	// Node apps console.log each request, the probe's too (kubectl logs shows them); nginx's access
	// log lines of probes are left out: thousands of pods probed every few seconds would fill it.
	if (nodeApp && profile.requestLog.length > 0) {
		const request = makeRequest();
		const remoteAddress = `::ffff:${request.sourceIp}`;
		for (const line of profile.requestLog) {
			const text = renderParts(line, {hostname: context.hostname, remoteAddress, time: worldEpoch + now}).replace(curlUserAgent, request.userAgent);
			appendLog(w.dockers.get(host.name)!.containers.get(record.id)!, text);
		}
	}
	if (profile.failsAfterRequests !== undefined) {
		const draft = w.dockers.get(host.name)!.containers.get(record.id)!;
		draft.requestsServed = (draft.requestsServed ?? 0) + 1;
		if (draft.requestsServed > profile.failsAfterRequests) return 500;
	}
	// Only the status matters to a probe: nginx's is its path's (no response is built).
	return nodeApp ? 200 : nginxStatus(path);
}
