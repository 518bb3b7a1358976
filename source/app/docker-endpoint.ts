// `--docker-api` on sandbox, start and resume: the composition root of the Docker Engine endpoint.
// It serves host-1's simulated daemon on a unix socket (mode 0600) in the config folder, through
// the live-session hook, and tells the learner the one export line.
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {configFolder} from '../api/kubeconfig.ts';
import {liveWorldOf, type LiveController} from '../api/live-session.ts';
import {builtInDocker} from '../docker-api/built-in-docker.ts';
import {builtInTerminal} from '../docker-api/docker-terminal.ts';
import {startDockerServer} from '../docker-api/docker-server.ts';
import {learnerHost} from '../engine/scenarios/sandbox.ts';
import {messages} from '../i18n/catalog.ts';
import {learnerRuntime} from '../shell/runtime.ts';
import type {AppIO, AppOptions} from './app-options.ts';

export type DockerFlags = {dockerApi?: boolean; dockerApiTcp?: string};
export type DockerSettings = {socket: true};

/** The endpoint the flags ask for; undefined without --docker-api, a message for --docker-api-tcp (not served: it would need TLS). */
export function dockerSettingsOf(flags: DockerFlags, lang: AppOptions['lang']): DockerSettings | undefined | {error: string} {
	if (flags.dockerApiTcp !== undefined) return {error: messages(lang).dockerApi.tcpRefused(flags.dockerApiTcp)};
	return flags.dockerApi ? {socket: true} : undefined;
}

export function dockerSocketPath(configDir: string | undefined): string {
	return join(configFolder(configDir), 'docker.sock');
}

export function dockerHostOf(configDir: string | undefined): string {
	return `unix://${dockerSocketPath(configDir)}`;
}

export type ServedDocker = {dockerHost: string; close(): Promise<void>};

/** Starts the daemon's endpoint over the controller's live world. */
export async function serveDocker(controller: LiveController, options: AppOptions): Promise<ServedDocker | {error: string}> {
	const say = messages(options.lang).dockerApi;
	const path = dockerSocketPath(options.configDir);
	if (Buffer.byteLength(path) > 107) return {error: say.socketPathTooLong(path)};
	mkdirSync(configFolder(options.configDir), {recursive: true, mode: 0o700});
	try {
		const runtime = learnerRuntime(options.disk);
		const running = await startDockerServer({live: liveWorldOf(controller), shell: builtInDocker(runtime, learnerHost), terminal: builtInTerminal(runtime, learnerHost), host: learnerHost, socketPath: path, programs: runtime.programs});
		return {dockerHost: `unix://${running.socketPath}`, close: () => running.close()};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return {error: say.socketBusy(path)};
		return {error: error instanceof Error ? error.message : String(error)};
	}
}

/** `k8s-tutor docker-host`: what DOCKER_HOST should be (the socket exists while a tutor runs with --docker-api). */
export function runDockerHost(options: AppOptions, io: AppIO): number {
	io.stdout.write(dockerHostOf(options.configDir) + '\n');
	return 0;
}

export function dockerBanner(options: AppOptions, served: ServedDocker): string {
	return messages(options.lang).dockerApi.serving(learnerHost, served.dockerHost);
}

/** The status bar's notice for the endpoints being served, joined when both are. */
export function endpointsNotice(options: AppOptions, endpoints: {apiUrl?: string; dockerHost?: string}): string | undefined {
	const say = messages(options.lang);
	const parts = [endpoints.apiUrl ? say.api.notice(endpoints.apiUrl) : undefined, endpoints.dockerHost ? say.dockerApi.notice(endpoints.dockerHost) : undefined].filter(Boolean);
	return parts.length ? parts.join(' · ') : undefined;
}
