// How apps in Docker containers answer HTTP through the simulated network (network/http.ts):
// the container's image profile (apps.ts) decides the body, so a learner's edited app.js answers
// with its own text; nginx serves index.html from the container's own filesystem, so a file
// changed inside one container shows in that container only. Requests are logged the way the
// app would log them (node: "Received request from ::ffff:172.17.0.1"). Processes that are not
// containers of a Docker daemon (Kubernetes pods) fall back to the network's own responders.
import {lookupFile} from '../host/filesystem.ts';
import {locatePath} from '../host/mounts.ts';
import {httpDate, kubiaResponder, nginxResponder, type AppResponder} from '../network/apps.ts';
import {registryCatalog, registryStore} from './local-registry.ts';
import {worldEpoch} from '../world.ts';
import {renderParts} from './apps.ts';
import {appendLog} from './logs.ts';
import {appProfileOf} from './programs.ts';

function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

function dockerResponder(fallback: AppResponder | undefined): AppResponder {
	return (request, server) => {
		const containerId = server.process.containerId;
		const container = containerId ? server.world.dockers.get(server.host.name)?.containers.get(containerId) : undefined;
		const profile = container && appProfileOf(server.world, server.host.name, container);
		const base = fallback ?? kubiaResponder;
		if (!container || !profile) return base(request, server);
		const node = profile.name !== 'nginx';
		const remote = node ? `::ffff:${request.sourceIp}` : request.sourceIp;
		const context = {hostname: server.hostname, remoteAddress: remote, time: worldEpoch + server.world.time};
		for (const line of profile.requestLog) appendLog(container, renderParts(line, context));
		if (profile.failsAfterRequests !== undefined) {
			container.requestsServed = (container.requestsServed ?? 0) + 1;
			if (container.requestsServed > profile.failsAfterRequests) return {...base(request, server), status: 500, reason: 'Internal Server Error', body: "I'm not well. Please restart me!"};
		}
		if (!node) {
			const response = nginxResponder(request, server);
			if (response.status !== 200) return response;
			const fs = server.host.filesystems.get(container.rootfs);
			const mnt = container.pid !== undefined ? server.host.processes.get(container.pid)?.namespaces.mnt : undefined;
			// Through the container's mount namespace: a volume or bind mount over the html directory serves its files.
			const find = (path: string) => {
				const at = mnt !== undefined ? locatePath(server.host, mnt, path) : fs && {fs, path};
				return at ? lookupFile(server.world, at.fs, at.path) : undefined;
			};
			const roots = ['/usr/share/nginx/html/index.html', '/var/www/html/index.html', '/var/www/html/index.nginx-debian.html'];
			const page = fs && roots.map(find).find(found => found?.node.type === 'file');
			if (!page || page.node.type !== 'file') {
				const body = `<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n`;
				return {...response, status: 403, reason: 'Forbidden', headers: response.headers.filter(([k]) => k !== 'ETag' && k !== 'Last-Modified').map(([k, v]) => [k, k === 'Content-Length' ? String(byteLength(body)) : v]), body};
			}
			const body = page.node.content;
			return {...response, headers: response.headers.map(([k, v]) => [k, k === 'Content-Length' ? String(byteLength(body)) : v]), body};
		}
		const body = renderParts(profile.body, context);
		return {...base(request, server), body};
	};
}

/**
 * registry:2's HTTP API: /v2/ answers {} (the version check clients make), /v2/_catalog and
 * /v2/NAME/tags/list list what was pushed; anything else is distribution's 404.
 */
const registryResponder: AppResponder = (request, server) => {
	const containerId = server.process.containerId;
	const container = containerId ? server.world.dockers.get(server.host.name)?.containers.get(containerId) : undefined;
	const store = container ? registryStore(server.host, container) : undefined;
	const catalog = store ? registryCatalog(server.world, store) : [];
	const path = request.path.split('?')[0]!;
	const tags = /^\/v2\/(.+)\/tags\/list$/.exec(path);
	const found = tags ? catalog.find(r => r.name === tags[1]) : undefined;
	const [status, reason, body] =
		path === '/' ? [200, 'OK', '']
		: path === '/v2/' || path === '/v2' ? [200, 'OK', '{}']
		: path === '/v2/_catalog' ? [200, 'OK', `${JSON.stringify({repositories: catalog.map(r => r.name)})}\n`]
		: found ? [200, 'OK', `${JSON.stringify({name: found.name, tags: found.tags})}\n`]
		: tags ? [404, 'Not Found', `${JSON.stringify({errors: [{code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: {name: tags[1]}}]})}\n`]
		: [404, 'Not Found', '404 page not found\n'];
	if (container) appendLog(container, `${request.sourceIp} - - [${clfNow(server.world)}] "${request.method} ${request.path} HTTP/1.1" ${status} ${body.length} "" "${request.userAgent}"`);
	const json = path.startsWith('/v2') && status !== 404 || tags;
	const headers: [string, string][] = [['Content-Type', json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'], ['Docker-Distribution-Api-Version', 'registry/2.0'], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(server.world)], ['Content-Length', String(byteLength(body))]];
	return {status, reason, headers, body};
};

function clfNow(w: Parameters<typeof httpDate>[0]): string {
	const d = new Date(worldEpoch + w.time);
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Docker's responders, in front of the network's own (world-behaviour.ts puts them together). */
export const dockerResponders: Readonly<Record<string, AppResponder>> = {
	kubia: dockerResponder(kubiaResponder),
	'node-http': dockerResponder(kubiaResponder),
	'kubia-unhealthy': dockerResponder(kubiaResponder),
	nginx: dockerResponder(nginxResponder),
	registry: registryResponder,
};
