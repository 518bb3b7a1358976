// How simulated server apps answer HTTP, keyed by the `app` of a process's {kind: 'server'}
// workload: the network's own responders. engine/world-behaviour.ts puts them in one table with
// Docker's (which answer for a container's image); unknown apps get a plain 200 (genericResponder).
import {lookupFile, listDirectory} from '../host/filesystem.ts';
import type {Host, Process} from '../host/types.ts';
import type {World} from '../world.ts';
import {worldEpoch} from '../world.ts';

export type HttpRequest = {
	method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	hostHeader: string; // "localhost:8080"
	userAgent: string;
	sourceIp: string; // the caller's address as the server sees it (no NAT between pods)
	sourcePort: number;
	/** The Authorization header the client sent (curl -H 'Authorization: Bearer ...'). */
	authorization?: string;
};

export type ServerContext = {
	world: World;
	host: Host;
	process: Process;
	hostname: string; // the server's hostname: its uts namespace's (a container's id, a pod's name)
	ip: string; // the address the connection arrived on
	port: number;
	addresses: string[]; // every address of the server's net namespace
};

export type HttpResponse = {
	httpVersion?: '1.0' | '1.1';
	status: number;
	reason: string;
	headers: [string, string][];
	body: string;
};

export type AppResponder = (request: HttpRequest, server: ServerContext) => HttpResponse;

export function httpDate(w: World): string {
	return new Date(worldEpoch + w.time).toUTCString();
}

const encoder = new TextEncoder();

function byteLength(text: string): number {
	return encoder.encode(text).length;
}

/** The kubia app of the book: `response.end("You've hit " + os.hostname() + "\n")` under Node's http module. */
export const kubiaResponder: AppResponder = (_req, server) => ({
	status: 200,
	reason: 'OK',
	headers: [['Date', httpDate(server.world)], ['Connection', 'keep-alive'], ['Transfer-Encoding', 'chunked']],
	body: `You've hit ${server.hostname}\n`,
});

export const nginxVersion = '1.27.3';

export const nginxWelcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The status nginx's default site answers a GET with: its welcome page, or 404 for any other path. */
export function nginxStatus(path: string): 200 | 404 {
	return path === '/' || path === '/index.html' ? 200 : 404;
}

export const nginxResponder: AppResponder = (req, server) => {
	if (nginxStatus(req.path) === 404) {
		const body = `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${nginxVersion}</center>\r\n</body>\r\n</html>\r\n`;
		return {status: 404, reason: 'Not Found', headers: [['Server', `nginx/${nginxVersion}`], ['Date', httpDate(server.world)], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']], body};
	}
	return {
		status: 200,
		reason: 'OK',
		headers: [
			['Server', `nginx/${nginxVersion}`],
			['Date', httpDate(server.world)],
			['Content-Type', 'text/html'],
			['Content-Length', String(byteLength(nginxWelcomePage))],
			['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
			['Connection', 'keep-alive'],
			['ETag', '"6745ef54-267"'],
			['Accept-Ranges', 'bytes'],
		],
		body: nginxWelcomePage,
	};
};

/** traefik/whoami-style echo: who answered, and who asked (the source address shows whether NAT happened). */
export const echoResponder: AppResponder = (req, server) => {
	const lines = [
		`Hostname: ${server.hostname}`,
		...server.addresses.map(a => `IP: ${a}`),
		`RemoteAddr: ${req.sourceIp}:${req.sourcePort}`,
		`${req.method} ${req.path} HTTP/1.1`,
		`Host: ${req.hostHeader}`,
		`User-Agent: ${req.userAgent}`,
		'Accept: */*',
		'',
	];
	const body = lines.join('\r\n') + '\r\n';
	return {status: 200, reason: 'OK', headers: [['Date', httpDate(server.world)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8']], body};
};

/** `python3 -m http.server`: a listing of the directory it was started in. */
export const pythonHttpResponder: AppResponder = (req, server) => {
	const mnt = server.host.namespaces.get(server.process.namespaces.mnt);
	const fs = server.host.filesystems.get(mnt?.rootfs ?? `${server.host.name}:/`);
	const dir = server.process.cwd;
	const names = fs ? listDirectory(server.world, fs, dir) : [];
	const requested = req.path.replace(/\?.*$/, '');
	const filePath = requested === '/' ? undefined : (dir === '/' ? '' : dir) + requested;
	const headers = (length: number, type: string): [string, string][] => [['Server', 'SimpleHTTP/0.6 Python/3.12.3'], ['Date', httpDate(server.world)], ['Content-type', type], ['Content-Length', String(length)]];
	if (filePath) {
		const found = fs && lookupFile(server.world, fs, filePath);
		if (found?.node.type === 'file') return {httpVersion: '1.0', status: 200, reason: 'OK', headers: [...headers(byteLength(found.node.content), 'application/octet-stream')], body: found.node.content};
		const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n`;
		return {httpVersion: '1.0', status: 404, reason: 'File not found', headers: [['Server', 'SimpleHTTP/0.6 Python/3.12.3'], ['Date', httpDate(server.world)], ['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(byteLength(body))]], body};
	}
	const items = names.map(n => `<li><a href="${n}">${n}</a></li>`).join('\n');
	const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}${items ? '\n' : ''}</ul>\n<hr>\n</body>\n</html>\n`;
	return {httpVersion: '1.0', status: 200, reason: 'OK', headers: headers(byteLength(body), 'text/html; charset=utf-8'), body};
};

export const genericResponder: AppResponder = (_req, server) => {
	const body = `OK from ${server.hostname}\n`;
	return {status: 200, reason: 'OK', headers: [['Date', httpDate(server.world)], ['Content-Length', String(byteLength(body))], ['Content-Type', 'text/plain']], body};
};

/** The network's own responders, by app. */
export const networkResponders: Readonly<Record<string, AppResponder>> = {
	kubia: kubiaResponder,
	nginx: nginxResponder,
	echo: echoResponder,
	whoami: echoResponder,
	'python-http': pythonHttpResponder,
};
