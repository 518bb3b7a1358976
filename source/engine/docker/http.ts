// How apps in Docker containers answer HTTP through the simulated network (network/http.ts):
// the container's image profile (apps.ts) decides the body, so a learner's edited app.js answers
// with its own text; nginx serves index.html from the container's own filesystem, so a file
// changed inside one container shows in that container only. Requests are logged the way the
// app would log them (node: "Received request from ::ffff:172.17.0.1"). Processes that are not
// containers of a Docker daemon (Kubernetes pods) fall back to the network's own responders.
import {lookupFile} from '../host/filesystem.ts';
import {locatePath} from '../host/mounts.ts';
import {kubiaResponder, nginxResponder, type AppResponder} from '../network/apps.ts';
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

/** Docker's responders, in front of the network's own (world-behaviour.ts puts them together). */
export const dockerResponders: Readonly<Record<string, AppResponder>> = {
	kubia: dockerResponder(kubiaResponder),
	'node-http': dockerResponder(kubiaResponder),
	'kubia-unhealthy': dockerResponder(kubiaResponder),
	nginx: dockerResponder(nginxResponder),
};
