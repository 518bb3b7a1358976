// wget: one HTTP GET through the simulated network. In a busybox or alpine container it is
// busybox's applet (networking/wget.c: "Connecting to %s (%s)", "writing to stdout", "saving to
// '%s'", "server returned error: %s", libbb's "bad address '%s'" and "can't connect to remote
// host (%s): Connection refused"); on an Ubuntu host it is GNU Wget with its own wording.
import {produce} from 'immer';
import {httpDate} from '../../../engine/network/apps.ts';
import {lookupHost} from '../../../engine/network/dns.ts';
import {httpRequest, httpsRequest, type HttpExchange, type TlsFailure} from '../../../engine/network/http.ts';
import {writePath} from '../../paths.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {chunksOf, pushChunks, stderrChunk} from '../../output-chunks.ts';
import {forwardNotices} from '../kubectl/forward-notice.ts';
import {callerOf, external, fail, lostShell, notSimulated, optionsOf} from './context.ts';
import {busyboxWgetUsage} from './option-specs-busybox.ts';
import {usesBusybox} from './busybox.ts';

type Url = {tls: boolean; host: string; port: number; path: string; text: string};

function parseUrl(raw: string): Url | undefined {
	const m = raw.match(/^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?(\/[^#]*)?$/i);
	if (!m) return undefined;
	const port = m[3] ? Number(m[3]) : m[1]?.toLowerCase() === 'https' ? 443 : 80;
	return {tls: m[1]?.toLowerCase() === 'https', host: m[2]!, port, path: m[4] ?? '/', text: `${(m[1] ?? 'http').toLowerCase()}://${m[2]}${m[3] ? `:${m[3]}` : ''}${m[4] ?? '/'}`};
}

function fileNameOf(url: Url): string {
	const last = url.path.replace(/\?.*$/, '').split('/').pop();
	return last ? last : 'index.html';
}

function wgetOnce(args: string[], ctx: CommandContext, heard: {notices: string}): CommandOutcome {
	const caller = callerOf(ctx.world, ctx.frame);
	if (!caller) return lostShell(ctx);
	const busybox = usesBusybox(ctx.world, ctx.frame);
	const given = optionsOf('wget', args, ctx);
	const quiet = given.has('quiet');
	const output = given.value('output-document');
	const checkCertificate = !given.has('no-check-certificate');
	const urls = given.operands;
	// -T: a connection here answers at once or fails at once, so there is no slow read to time out.
	const notes = notSimulated('wget', given, ['quiet', 'output-document', 'no-check-certificate', 'timeout']);
	if (urls.length === 0) return busybox ? fail(busyboxWgetUsage) : fail("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.", 1);
	const url = parseUrl(urls[0]!);
	if (!url) return fail(busybox ? `wget: bad address '${urls[0]}'` : `${urls[0]}: Invalid URL ${urls[0]}: Unsupported scheme`, busybox ? 1 : 1);
	if (url.tls && !busybox) return fail(`[simulator] GNU wget's https:// (TLS) is not simulated here; use curl -k ${urls[0]}, or busybox wget in a pod`, 1);
	// What the name resolved to (the ClusterIP, not the pod behind it), as wget prints it.
	const looked = lookupHost(ctx.world, {host: ctx.frame.host, pid: ctx.frame.pid}, url.host);
	const resolvedIp = looked.ok ? looked.ip : '';
	let exchange!: HttpExchange | TlsFailure;
	let world = produce(ctx.world, w => {
		const caller = {host: ctx.frame.host, pid: ctx.frame.pid};
		// busybox's own TLS never checks the certificate (it says so unless --no-check-certificate).
		exchange = url.tls ? httpsRequest(w, caller, url.host, url.port, url.path, false) : httpRequest(w, caller, url.host, url.port, url.path);
	});
	heard.notices += forwardNotices(exchange.connection.hops);
	const target = output ?? fileNameOf(url);
	const toStdout = target === '-';
	let stderr = notes;
	const say = (text: string) => {
		if (!quiet) stderr += text;
	};
	const stamp = () => httpDate(world).replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d, mon, y, t) => `${y}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon) + 1).padStart(2, '0')}-${d} ${t}`);
	if (!busybox) say(`--${stamp()}--  ${url.text}\n`);
	const connecting = `Connecting to ${url.host}${url.port === (url.tls ? 443 : 80) ? '' : `:${url.port}`} (${resolvedIp}:${url.port})\n`;
	// networking/wget.c spawn_ssl_client(): bb_error_msg("note: TLS certificate validation not implemented"), even under -q.
	const tlsNote = url.tls && checkCertificate ? 'wget: note: TLS certificate validation not implemented\n' : '';
	if (exchange.ok === 'tls-failed') {
		say(connecting);
		// etcd's Go TLS server answers TLS 1.2 (busybox's) without a client certificate with alert 42,
		// bad_certificate: tls.c dies with "TLS %s from peer (alert code %d): %s" (alert_text() names
		// only a few codes, else the number); wget's reader then finds the helper gone with its request unread.
		if (exchange.reason === 'client-certificate-required') return {stdout: '', stderr: stderr + tlsNote + 'wget: TLS error from peer (alert code 42): 42\nwget: error getting response: Connection reset by peer\n', exitCode: 1, world};
		return {stdout: '', stderr: stderr + tlsNote + `[simulator] wget: ${url.host}:${url.port} answers plain HTTP; busybox's TLS handshake with it is not simulated\n`, exitCode: 1, world};
	}
	if (!exchange.ok) {
		const c = exchange.connection;
		if (busybox) {
			if (c.error === 'resolve') return {stdout: '', stderr: stderr + `wget: bad address '${url.host}'\n`, exitCode: 1, world};
			say(connecting);
			if (c.error === 'timeout') return {stdout: '', stderr: stderr + 'wget: download timed out\n', exitCode: 1, world};
			return {stdout: '', stderr: stderr + `wget: can't connect to remote host (${resolvedIp}): ${c.error === 'unreachable' ? 'No route to host' : 'Connection refused'}\n`, exitCode: 1, world};
		}
		if (c.error === 'resolve') return {stdout: '', stderr: stderr + `Resolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${url.host}’\n`, exitCode: 4, world};
		const resolving = /^\d+\.\d+\.\d+\.\d+$/.test(url.host) ? '' : `Resolving ${url.host} (${url.host})... ${resolvedIp}\n`;
		const reason = c.error === 'timeout' ? 'Connection timed out' : c.error === 'unreachable' ? 'No route to host' : 'Connection refused';
		say(`${resolving}Connecting to ${url.host} (${url.host})|${resolvedIp}|:${url.port}... failed: ${reason}.\n`);
		return {stdout: '', stderr, exitCode: 4, world};
	}
	const response = exchange.response;
	const body = response.body;
	const ip = resolvedIp;
	if (busybox) {
		say(connecting);
		stderr += tlsNote;
		if (response.status >= 400) return {stdout: '', stderr: stderr + `wget: server returned error: HTTP/${response.httpVersion ?? '1.1'} ${response.status} ${response.reason}\n`, exitCode: 1, world};
		say(toStdout ? 'writing to stdout\n' : `saving to '${target}'\n`);
	} else {
		if (!/^\d+\.\d+\.\d+\.\d+$/.test(url.host)) say(`Resolving ${url.host} (${url.host})... ${ip}\n`);
		say(`Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... connected.\nHTTP request sent, awaiting response... ${response.status} ${response.reason}\n`);
		if (response.status >= 400) return {stdout: '', stderr: stderr + `${stamp()} ERROR ${response.status}: ${response.reason}.\n\n`, exitCode: 8, world};
		const type = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
		say(`Length: ${body.length}${type ? ` [${type.split(';')[0]}]` : ''}\nSaving to: ‘${toStdout ? 'STDOUT' : target}’\n\n`);
	}
	let stdout = '';
	if (toStdout) stdout = body;
	else {
		const written = writePath(world, ctx.frame, target, body, false);
		if (!written.ok) return {stdout: '', stderr: stderr + (busybox ? `wget: can't open '${target}': Permission denied\n` : `${target}: Permission denied\n`), exitCode: busybox ? 1 : 3, world};
		world = written.world;
	}
	const shown = toStdout ? '-' : target;
	if (busybox) say(`${shown.padEnd(20).slice(0, 20)} 100% |********************************| ${String(body.length).padStart(5)}  0:00:00 ETA\n${toStdout ? 'written to stdout' : `'${target}' saved`}\n`);
	else say(`${shown.padEnd(20)}100%[===================>] ${String(body.length).padStart(7)}  --.-KB/s    in 0s      \n\n${stamp()} (${(body.length / 10.5).toFixed(1)} KB/s) - ${toStdout ? 'written to stdout' : `‘${target}’ saved`} [${body.length}/${body.length}]\n\n`);
	return {stdout, stderr, exitCode: 0, world};
}

export const wget: CommandSpec = external({
	name: 'wget',
	summary: 'download a URL: wget -qO- URL prints it',
	usage: 'wget [-q] [-O FILE] URL',
	run(args, ctx) {
		// A kubectl port-forward carrying the connection writes to the terminal (not into wget's pipe), before wget's output.
		const heard = {notices: ''};
		const outcome = wgetOnce(args, ctx, heard);
		if (!heard.notices) return outcome;
		return {...outcome, stderr: heard.notices + (outcome.stderr ?? ''), chunks: pushChunks(stderrChunk(heard.notices), chunksOf({stdout: outcome.stdout, stderr: outcome.stderr ?? ''}))};
	},
});
