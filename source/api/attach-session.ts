// `kubectl attach` through the endpoint: the container's output from now on, as the world runs,
// until the client leaves or the pod goes. With stdin (`attach -i`, `kubectl run -it`) on a
// container whose program is a shell, the client types into a shell in that container (the
// simulated container runs no process that reads stdin, so this is the built-in exec's shell; when
// it ends, the container's program ends with its status, as the attached shell's would).
import {produce} from 'immer';
import type WebSocket from 'ws';
import {exitProcess} from '../engine/host/processes.ts';
import {attachedShell} from '../engine/k8s/attached-shell.ts';
import type {World} from '../engine/world.ts';
import {serveExec} from './exec-session.ts';
import {channel, frame} from './exec-stream.ts';
import {handleRequest} from './handle-request.ts';
import type {LiveWorld} from './live-session.ts';
import {onTerminal} from './terminal-input.ts';

/** The container's main process exits with `code`, as when the shell attached to it ends. */
function endContainer(world: World, namespace: string, pod: string, container: string | null, code: number): World {
	const runtime = world.cluster?.podRuntimes.get(`${namespace}/${pod}`);
	const main = runtime?.containers.find(c => !container || c.name === container);
	if (!runtime || main?.pid === undefined) return world;
	return produce(world, w => {
		const host = w.hosts.get(runtime.node);
		if (host?.processes.has(main.pid!)) exitProcess(host, main.pid!, code);
	});
}

export function serveAttach(ws: WebSocket, live: LiveWorld, namespace: string, pod: string, query: URLSearchParams): void {
	const container = query.get('container');
	const shell = query.get('stdin') === 'true' ? attachedShell(live.world(), `${namespace}/${pod}`, container) : undefined;
	if (shell) {
		const asExec = new URLSearchParams(query);
		asExec.append('command', shell);
		// The attached shell is the container's program: when it ends, so does the container (kubectl run -it then sees the pod complete).
		return serveExec(ws, live, namespace, pod, asExec, code => live.commit({world: endContainer(live.world(), namespace, pod, container, code)}));
	}
	const tty = query.get('tty') === 'true';
	const url = new URL(`https://x/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`);
	if (container) url.searchParams.set('container', container);
	const lines = (world: World): string[] | undefined => {
		const answer = handleRequest({method: 'GET', path: url.pathname, query: url.searchParams, headers: {}}, world).response;
		return answer.status === 200 ? (answer.body as string).split('\n').slice(0, -1) : undefined;
	};
	// The attach ends when the attached container's program does (kubelet closes the streams).
	const running = (world: World): {attempt: number} | undefined => {
		const main = world.cluster?.podRuntimes.get(`${namespace}/${pod}`)?.containers.find(c => !container || c.name === container);
		return main?.stage === 'running' ? {attempt: main.attempt} : undefined;
	};
	const attempt = running(live.world())?.attempt;
	let sent = lines(live.world())?.length ?? 0;
	const stop = (unsubscribe: () => void) => {
		unsubscribe();
		if (ws.readyState !== ws.OPEN) return;
		ws.send(frame(channel.error, JSON.stringify({metadata: {}, status: 'Success'})));
		ws.close(1000);
	};
	const unsubscribe = live.subscribe(() => {
		const world = live.world();
		const now = lines(world);
		if (!now) return stop(unsubscribe);
		const still = running(world);
		const ended = attempt === undefined || still?.attempt !== attempt;
		// After the program ended the log is its last output (the next attempt's, once it restarted, is not ours).
		const fresh = ended && still ? '' : now.slice(now.length < sent ? 0 : sent).map(line => line + '\n').join('');
		sent = now.length;
		if (fresh && ws.readyState === ws.OPEN) ws.send(frame(channel.stdout, tty ? onTerminal(fresh) : fresh));
		if (ended) stop(unsubscribe);
	});
	ws.on('close', unsubscribe);
}
