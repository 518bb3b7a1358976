// curl: an HTTP request through the simulated network, with curl's own error wording.
import {produce} from 'immer';
import {clusterCaPem} from '../../../engine/k8s/config-objects.ts';
import {httpRequest, httpsRequest, curlUserAgent, type HttpExchange, type TlsClient, type TlsFailure} from '../../../engine/network/http.ts';
import {forwardNotices} from '../kubectl/forward-notice.ts';
import {chunksOf, pushChunks, stderrChunk} from '../../output-chunks.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, optionsOf} from './context.ts';
import {readPath, writePath} from '../../paths.ts';

type Url = {scheme: string; host: string; port: number; path: string};

function parseUrl(text: string): Url | {error: string} {
	const m = text.match(/^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/);
	if (!m) return {error: 'URL rejected: Malformed input to a URL function'};
	const scheme = (m[1] ?? 'http').toLowerCase();
	if (scheme !== 'http' && scheme !== 'https') return {error: `Protocol "${scheme}" not supported`};
	if (!m[2]) return {error: 'URL rejected: No host part in the URL'};
	if (m[3] !== undefined && (m[3] === '' || Number(m[3]) > 65535)) return {error: 'URL rejected: Port number was not a decimal number between 0 and 65535'};
	const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
	return {scheme, host: m[2], port, path: m[4] && m[4].startsWith('/') ? m[4] : '/' + (m[4] ?? '')};
}

/**
 * The status line and headers as curl shows them. Over TLS curl offers h2 by ALPN and the only TLS
 * server here (kube-apiserver, Go) takes it: "HTTP/2 403 ", lowercase names, Go's http2 writing
 * content-length and date after the sorted headers.
 */
function headerBlock(exchange: Extract<HttpExchange, {ok: true}>, h2: boolean): string[] {
	const r = exchange.response;
	if (h2) {
		const named = r.headers.map(([k, v]): [string, string] => [k.toLowerCase(), v]);
		const last = ['content-length', 'date'];
		return [`HTTP/2 ${r.status} `, ...named.filter(([k]) => !last.includes(k)).map(([k, v]) => `${k}: ${v}`), ...last.flatMap(name => named.filter(([k]) => k === name).map(([k, v]) => `${k}: ${v}`))];
	}
	return [`HTTP/${r.httpVersion ?? '1.1'} ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)];
}

const caCertErrorMessage = 'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n';

/**
 * curl's words for a failed TLS handshake (OpenSSL 3.0's reason strings). The cluster's CA
 * (kubeadm's "kubernetes", etcd's "etcd-ca") is in no trust store, the kubelet and the scheduler
 * send their own self-signed CA in the chain: tool_operate.c adds CURL_CA_CERT_ERRORMSG to (60).
 * A server that requires a client certificate ends TLS 1.3 with an alert that curl reads as
 * (56) "OpenSSL SSL_read: %s, errno %d" (vtls/openssl.c).
 */
function tlsFailureMessage(reason: TlsFailure['reason'], host: string): {message: string; exitCode: number} {
	switch (reason) {
		case 'plain-server':
			return {message: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number\n', exitCode: 35};
		case 'unknown-issuer':
			return {message: `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${caCertErrorMessage}`, exitCode: 60};
		case 'self-signed-in-chain':
			return {message: `curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n${caCertErrorMessage}`, exitCode: 60};
		case 'name-mismatch':
			return {message: `curl: (60) SSL: no alternative certificate subject name matches target host name '${host}'\n${caCertErrorMessage}`, exitCode: 60};
		case 'client-certificate-required':
			return {message: 'curl: (56) OpenSSL SSL_read: OpenSSL/3.0.13: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0\n', exitCode: 56};
	}
}

/** The shorter of -m/--max-time and --connect-timeout (seconds, fractions allowed), in ms. */
function connectLimitMs(maxTime: string | undefined, connectTimeout: string | undefined): number | undefined {
	const limits = [maxTime, connectTimeout].map(v => (v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Math.round(Number(v) * 1000) : undefined)).filter((v): v is number => v !== undefined && v > 0);
	return limits.length > 0 ? Math.min(...limits) : undefined;
}

export const curl: CommandSpec = external({
	name: 'curl',
	summary: 'transfer a URL: curl HOST:PORT[/path] (-s, -I, -v, -i)',
	usage: 'curl [-s] [-I] [-i] [-v] [-o FILE] URL',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		let silent = false;
		let showErrors = false;
		let head = false;
		let include = false;
		let verbose = false;
		let failOnError = false;
		let output: string | undefined;
		let method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' = 'GET';
		const urls: string[] = [];
		const given = optionsOf('curl', args);
		if (given.has('version')) return {stdout: `${curlUserAgent.replace('/', ' ')} (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp\n`, exitCode: 0};
		if (given.has('manual')) return fail('[simulator] the curl manual is not included here; curl --help lists the common options', 2);
		silent = given.has('silent');
		showErrors = given.has('show-error');
		head = given.has('head');
		include = given.has('include');
		verbose = given.has('verbose');
		failOnError = given.has('fail') || given.has('fail-with-body');
		output = given.value('output');
		const request = given.value('request');
		const limitMs = connectLimitMs(given.value('max-time'), given.value('connect-timeout'));
		if (request) method = request.toUpperCase() as typeof method;
		urls.push(...given.operands, ...given.values('url'));
		if (urls.length === 0) return fail("curl: try 'curl --help' or 'curl --manual' for more information", 2);
		const quiet = silent && !showErrors;
		// -H 'Authorization: Bearer TOKEN' (the last one wins, as curl sends one such header) or --oauth2-bearer TOKEN.
		const authorizationHeader = given.values('header').map(h => h.match(/^\s*authorization\s*:\s*(.*)$/i)?.[1]).filter((v): v is string => v !== undefined).pop();
		const bearer = given.value('oauth2-bearer');
		const authorization = authorizationHeader?.trim() || (bearer ? `Bearer ${bearer}` : undefined);
		// --cacert FILE: the CA bundle curl trusts instead of the system's; the cluster's CA is kubeadm's ca.crt.
		const caFile = given.value('cacert');
		let caBundle: TlsClient['caBundle'];
		if (caFile !== undefined && !given.has('insecure')) {
			const read = readPath(ctx.world, ctx.frame, caFile);
			if ('error' in read) return {stdout: '', stderr: silent && !showErrors ? '' : `curl: (77) error setting certificate file: ${caFile}\n`, exitCode: 77};
			caBundle = read.content.includes(clusterCaPem.trim()) ? 'cluster-ca' : 'other';
		}
		let world = ctx.world;
		let stdout = '';
		let stderr = '';
		let exitCode = 0;
		// A kubectl port-forward carrying the connection writes to the terminal (so not into curl's pipe), before curl's output.
		let notices = '';
		for (const raw of urls) {
			const url = parseUrl(raw);
			if ('error' in url) {
				if (!quiet) stderr += `curl: (3) ${url.error}\n`;
				exitCode = 3;
				continue;
			}
			let exchange!: HttpExchange | TlsFailure;
			world = produce(world, w => {
				const caller = {host: ctx.frame.host, pid: ctx.frame.pid};
				exchange = url.scheme === 'https' ? httpsRequest(w, caller, url.host, url.port, url.path, !given.has('insecure'), head ? 'HEAD' : method, undefined, {...(caBundle ? {caBundle} : {}), ...(authorization ? {authorization} : {})}) : httpRequest(w, caller, url.host, url.port, url.path, head ? 'HEAD' : method);
			});
			notices += forwardNotices(exchange.connection.hops);
			if (verbose) stderr += `*   Trying ${exchange.ok ? exchange.connection.ip : (exchange.connection.ip ?? url.host)}:${url.port}...\n`;
			if (!exchange.ok) {
				const c = exchange.connection;
				const ip = c.ip ?? url.host;
				// How long the connect takes to fail: SYNs retried for 135 s into nothing, an unanswered ARP for 3 s.
				const failsAfterMs = c.error === 'timeout' ? 135007 : c.error === 'unreachable' && !ip.startsWith('127.') ? 3068 : 0;
				if (limitMs !== undefined && failsAfterMs > limitMs) {
					// -m / --connect-timeout ends the attempt first (lib/multi.c: "Connection timed out after %d milliseconds").
					if (!quiet) stderr += `curl: (28) Connection timed out after ${limitMs + 1} milliseconds\n`;
					exitCode = 28;
					continue;
				}
				const message =
					c.error === 'resolve' ? `curl: (6) Could not resolve host: ${url.host}` :
					c.error === 'timeout' ? `curl: (28) Failed to connect to ${url.host} port ${url.port} after 135007 ms: Couldn't connect to server` :
					c.error === 'unreachable' ? `curl: (7) Failed to connect to ${url.host} port ${url.port} after ${ip.startsWith('127.') ? 0 : 3068} ms: Couldn't connect to server` :
					`curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`;
				if (!quiet) stderr += message + '\n';
				exitCode = c.error === 'resolve' ? 6 : c.error === 'timeout' ? 28 : 7;
				continue;
			}
			if (exchange.ok === 'tls-failed') {
				if (verbose) stderr += `* Connected to ${url.host} (${exchange.connection.ip}) port ${url.port}\n`;
				const failure = tlsFailureMessage(exchange.reason, url.host);
				if (!quiet) stderr += failure.message;
				exitCode = failure.exitCode;
				continue;
			}
			const response = exchange.response;
			const h2 = url.scheme === 'https';
			if (verbose) {
				stderr += `* Connected to ${url.host} (${exchange.connection.ip}) port ${url.port}\n${h2 ? '* [simulator] the TLS handshake and HTTP/2 stream lines are not shown\n' : ''}> ${head ? 'HEAD' : method} ${url.path} HTTP/${h2 ? '2' : '1.1'}\n> Host: ${exchange.request.hostHeader}\n> User-Agent: ${curlUserAgent}\n> Accept: */*\n> \n`;
				stderr += headerBlock(exchange, h2).map(l => `< ${l}`).join('\n') + '\n< \n';
			}
			if (failOnError && response.status >= 400) {
				if (!quiet) stderr += `curl: (22) The requested URL returned error: ${response.status}\n`;
				exitCode = 22;
				continue;
			}
			let text = '';
			if (head || include) text += headerBlock(exchange, h2).join('\r\n') + '\r\n\r\n';
			if (!head) text += response.body;
			if (verbose) stderr += `* Connection #0 to host ${url.host} left intact\n`;
			if (output) {
				const written = writePath(world, ctx.frame, output, text, false);
				if (!written.ok) {
					stderr += `curl: (23) Failure writing output to destination\n`;
					exitCode = 23;
				} else world = written.world;
				if (!silent) stderr += '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n' + `100  ${String(text.length).padStart(4)}  100  ${String(text.length).padStart(4)}    0     0   ${String(text.length * 40).padStart(6)}      0 --:--:-- --:--:-- --:--:-- ${String(text.length * 40).padStart(6)}\n`;
			} else stdout += text;
		}
		if (notices) return {stdout, stderr: notices + stderr, exitCode, world, chunks: pushChunks(stderrChunk(notices), chunksOf({stdout, stderr}))};
		return {stdout, stderr, exitCode, world};
	},
});
