// The projector page over plain HTTP on the classroom's own port: GET /room?key=KEY for the
// page, /room/events?key=KEY for its live updates (Server-Sent Events). The key is not the join
// code: a projected URL must not let the room's viewers join as students.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {timingSafeEqual} from 'node:crypto';
import {localeFromAcceptLanguage, parseLocale} from '../i18n/locale.ts';
import {projectorPage} from './projector-page.ts';
import {projectorSnapshot} from './projector.ts';
import type {Room, StuckRule} from './room.ts';

export type ProjectorSource = {room: Room; key: string; rule?: StuckRule; now(): number; online(id: string): boolean; subscribe(listener: () => void): () => void};

/** Open projector pages at most; each holds one connection. */
const maxViewers = 20;
/** At most this often a page is sent the room again; and at least this often (time moves stuck counts). */
const throttleMs = 250;
const refreshMs = 5000;

export function projectorRoutes(source: ProjectorSource) {
	const viewers = new Set<ServerResponse>();
	const keyMatches = (given: string | null) => {
		const a = Buffer.from(given ?? '');
		const b = Buffer.from(source.key);
		return a.length === b.length && timingSafeEqual(a, b);
	};
	const refuse = (response: ServerResponse, status: number, text: string) => {
		response.writeHead(status, {'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store'});
		response.end(text + '\n');
	};

	function handle(request: IncomingMessage, response: ServerResponse): void {
		const url = new URL(request.url ?? '/', 'http://host');
		if (request.method !== 'GET' || (url.pathname !== '/room' && url.pathname !== '/room/events')) return refuse(response, 404, 'k8s-tutor classroom: nothing here; the projector page is /room?key=KEY (the key is on the instructor\'s dashboard)');
		if (!keyMatches(url.searchParams.get('key'))) return refuse(response, 403, 'k8s-tutor classroom: wrong or missing projector key (it is on the instructor\'s dashboard; it is not the join code)');
		const anonymous = ['1', 'true', 'yes'].includes(url.searchParams.get('anonymous') ?? '');
		if (url.pathname === '/room') {
			const locale = parseLocale(url.searchParams.get('lang') ?? undefined) ?? localeFromAcceptLanguage(request.headers['accept-language']);
			const events = `/room/events?key=${encodeURIComponent(source.key)}${anonymous ? '&anonymous=1' : ''}`;
			response.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'"});
			response.end(projectorPage(locale, events));
			return;
		}
		if (viewers.size >= maxViewers) return refuse(response, 503, `k8s-tutor classroom: at most ${maxViewers} projector pages at once`);
		response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive'});
		viewers.add(response);
		let last = '';
		let timer: NodeJS.Timeout | undefined;
		const push = () => {
			timer = undefined;
			const rule = source.rule;
			const data = JSON.stringify(projectorSnapshot(source.room, {now: source.now(), online: source.online, anonymous, ...(rule ? {rule} : {})}));
			if (data !== last) response.write(`data: ${data}\n\n`);
			last = data;
		};
		const soon = () => {
			timer ??= setTimeout(push, throttleMs);
		};
		const stop = source.subscribe(soon);
		const refresh = setInterval(push, refreshMs);
		push();
		const done = () => {
			stop();
			clearInterval(refresh);
			if (timer) clearTimeout(timer);
			viewers.delete(response);
		};
		request.on('close', done);
		response.on('error', done);
	}

	return {
		handle,
		close() {
			for (const viewer of viewers) viewer.destroy();
			viewers.clear();
		},
	};
}
