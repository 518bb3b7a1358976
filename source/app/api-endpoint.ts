// `--api[=PORT]` on sandbox, start and resume: the composition root of the Kubernetes API endpoint.
// It makes the credentials and the kubeconfig, points the endpoint at the session's controller
// through the live-session hook, and tells the learner the one export line.
import {messages} from '../i18n/catalog.ts';
import {startApiServer, type RunningApiServer} from '../api/api-server.ts';
import {loadOrCreateCredentials} from '../api/credentials.ts';
import {configFolder, defaultApiPort, serverUrl, writeKubeconfig} from '../api/kubeconfig.ts';
import {liveWorldOf, type LiveController} from '../api/live-session.ts';
import type {AppIO, AppOptions} from './app-options.ts';

export type ApiFlags = {api?: boolean | string; apiBind?: string};
export type ApiSettings = {port: number; bind: string};

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** The endpoint the flags ask for; undefined without --api, a message when a value is wrong. */
export function apiSettingsOf(flags: ApiFlags): ApiSettings | undefined | {error: string} {
	if (flags.api === undefined || flags.api === false) return flags.apiBind ? {error: '--api-bind needs --api'} : undefined;
	const port = flags.api === true ? defaultApiPort : Number(flags.api);
	if (flags.api !== true && (!/^\d+$/.test(flags.api) || port > 65535)) return {error: `--api: "${flags.api}" is not a port number (0-65535)`};
	return {port, bind: flags.apiBind ?? '127.0.0.1'};
}

export type ServedApi = {url: string; kubeconfig: string; close(): Promise<void>};

/** Starts the endpoint over the controller's live world; tells the learner where it is. */
export async function serveApi(controller: LiveController, options: AppOptions, io: AppIO, settings: ApiSettings): Promise<ServedApi | {error: string}> {
	const say = messages(options.lang).api;
	const credentials = await loadOrCreateCredentials(configFolder(options.configDir));
	let running: RunningApiServer;
	try {
		running = await startApiServer({live: liveWorldOf(controller), credentials, host: settings.bind, port: settings.port, allowNonLoopback: !loopback.has(settings.bind)});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return {error: say.portBusy(settings.port)};
		return {error: error instanceof Error ? error.message : String(error)};
	}
	if (!loopback.has(settings.bind)) io.stderr.write(`k8s-tutor: ${say.wideBind(settings.bind)}\n`);
	const host = loopback.has(settings.bind) || settings.bind === '0.0.0.0' || settings.bind === '::' ? '127.0.0.1' : settings.bind;
	const url = serverUrl(host, running.port);
	const kubeconfig = writeKubeconfig(options.configDir, url, credentials);
	return {url, kubeconfig, close: () => running.close()};
}

/** `k8s-tutor kubeconfig`: the kubeconfig's path, written (for the default port) if it is not there yet. */
export async function runKubeconfig(options: AppOptions, io: AppIO): Promise<number> {
	const {existsSync} = await import('node:fs');
	const {kubeconfigPath} = await import('../api/kubeconfig.ts');
	const path = kubeconfigPath(options.configDir);
	if (!existsSync(path)) {
		const credentials = await loadOrCreateCredentials(configFolder(options.configDir));
		writeKubeconfig(options.configDir, serverUrl('127.0.0.1', defaultApiPort), credentials);
	}
	io.stdout.write(path + '\n');
	return 0;
}

export function apiBanner(options: AppOptions, served: ServedApi): string {
	return messages(options.lang).api.serving(served.url, served.kubeconfig);
}

/** On the screen: the banner in the scrollback and the endpoint in the status bar. */
export function announceApi(controller: {appendSystem(text: string): void; setNotice(notice: string | undefined): void}, options: AppOptions, served: ServedApi): void {
	controller.appendSystem(apiBanner(options, served));
	controller.setNotice(messages(options.lang).api.notice(served.url));
}

/** Advances the controller's virtual time by the real time that passed, every quarter second (plain mode with outside clients). */
export function runningClock(controller: {advance(realMs: number): void}): {stop(): void} {
	let last = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		controller.advance(now - last);
		last = now;
	}, 250);
	timer.unref();
	return {stop: () => clearInterval(timer)};
}
