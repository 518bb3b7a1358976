// GET /events: the world's dockerd events on the served host as docker's event messages
// (container create/start/die/destroy, image pull/tag/delete/push, volume create/destroy).
import {findContainer} from '../engine/docker/runtime.ts';
import {worldEpoch, type World, type WorldEvent} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest} from './errors.ts';
import {parseFilters, unknownFilter, type Filters} from './filters.ts';

/** The docker event actions a world event stands for (`docker stop` is kill, die, stop, as dockerd reports it). */
const actions: Record<string, Record<string, string[]>> = {
	container: {Created: ['create'], Started: ['start'], Exited: ['die'], OOMKilled: ['oom', 'die'], Stopped: ['kill', 'die', 'stop'], Killed: ['kill', 'die'], Removed: ['destroy'], Restarted: ['restart']},
	image: {Pulled: ['pull'], Tagged: ['tag'], Deleted: ['delete'], Pushed: ['push']},
	volume: {Created: ['create'], Removed: ['destroy']},
};

function messagesOf(world: World, host: string, event: WorldEvent, offsetMs: number): object[] {
	if (event.host !== host) return [];
	const slash = event.object.indexOf('/');
	const type = event.object.slice(0, slash);
	const name = event.object.slice(slash + 1);
	const nanos = BigInt(worldEpoch + event.time + offsetMs) * 1_000_000n;
	const base: Record<string, string> = {name};
	let id = name;
	if (type === 'container') {
		const container = findContainer(world.dockers.get(host)!, name);
		if (container) {
			id = container.id;
			base.image = container.imageRef;
		}
	}
	const code = event.message.match(/(?:exited with code|exit code) (\d+)/)?.[1];
	return (actions[type]?.[event.reason] ?? []).map(action => {
		const attributes: Record<string, string> = {...base, ...(action === 'die' && code !== undefined ? {exitCode: code} : {}), ...(action === 'kill' ? {signal: event.reason === 'Stopped' ? '15' : '9'} : {})};
		return {status: action, id, ...(attributes.image ? {from: attributes.image} : {}), Type: type, Action: action, Actor: {ID: id, Attributes: attributes}, scope: 'local', time: Number(nanos / 1_000_000_000n), timeNano: Number(nanos)};
	});
}

function passes(message: object, filters: Filters): boolean {
	const m = message as {Type: string; Action: string; Actor: {ID: string; Attributes: Record<string, string>}};
	const test = (key: string, value: (v: string) => boolean) => !filters[key]?.length || filters[key]!.some(value);
	return (
		test('type', v => v === m.Type) &&
		test('event', v => v === m.Action) &&
		test('container', v => m.Type === 'container' && (m.Actor.ID.startsWith(v) || m.Actor.Attributes.name === v)) &&
		test('image', v => m.Actor.Attributes.image === v || (m.Type === 'image' && m.Actor.ID === v))
	);
}

/** The messages for the events after `afterSeq` (and the last seq looked at). */
export function eventMessages(world: World, host: string, afterSeq: number, filters: Filters, offsetMs: number, untilMs?: number): {messages: object[]; lastSeq: number} {
	const messages: object[] = [];
	let lastSeq = afterSeq;
	for (const event of world.events) {
		if (event.seq <= afterSeq) continue;
		lastSeq = Math.max(lastSeq, event.seq);
		if (untilMs !== undefined && worldEpoch + event.time + offsetMs > untilMs) continue;
		for (const message of messagesOf(world, host, event, offsetMs)) if (passes(message, filters)) messages.push(message);
	}
	return {messages, lastSeq};
}

/** `since` and `until` are unix times (seconds, maybe with a fraction) or durations ago ("10m"). */
function timeParam(text: string | null, nowMs: number): number | undefined {
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const m = text.match(/^(\d+)(s|m|h)$/);
	if (m) return nowMs - Number(m[1]) * {s: 1000, m: 60_000, h: 3_600_000}[m[2] as 's' | 'm' | 'h'];
	return Date.parse(text);
}

export function eventsRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const parsed = parseFilters(req.query.get('filters'));
	if ('error' in parsed) return {response: badRequest(parsed.error)};
	const filters = parsed.filters;
	const unknown = unknownFilter(filters, ['type', 'event', 'container', 'image', 'label', 'volume', 'network', 'daemon', 'scope']);
	if (unknown) return {response: badRequest(`invalid filter '${unknown}'`)};
	const nowMs = worldEpoch + world.time + env.offsetMs;
	const since = timeParam(req.query.get('since'), nowMs);
	const until = timeParam(req.query.get('until'), nowMs);
	if ((since !== undefined && Number.isNaN(since)) || (until !== undefined && Number.isNaN(until))) return {response: badRequest('invalid value for since/until: use a unix time or a duration such as 10m')};
	// Without `since`, only what happens from now on; with it, the past events kept in the world first.
	const start = since === undefined ? world.eventSeq : (world.events.find(e => worldEpoch + e.time + env.offsetMs >= since)?.seq ?? world.eventSeq + 1) - 1;
	const past = eventMessages(world, env.host, start, filters, env.offsetMs, until);
	const finished = until !== undefined && until <= nowMs;
	return {
		response: {status: 200},
		stream: past.messages,
		line: dockerLine(['events']),
		...(finished ? {} : {continuation: {kind: 'events' as const, afterSeq: world.eventSeq, filters, ...(until !== undefined ? {untilMs: until} : {})}}),
	};
}
