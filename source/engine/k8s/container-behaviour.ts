// What a container's main process does once started: serve forever, run a command and exit,
// or fail to bind a port another container of the pod already holds.
import {runsAsProcess, shellScriptOf} from '../script/script-processes.ts';
import type {ContainerSpec} from './types.ts';
import type {ResolvedImage} from './images.ts';
import {kubiaAppJs, kubiaUnhealthyAppJs} from '../docker/hub-catalog.ts';

export type Behaviour = {command: string; port?: number; exitAfterMs?: number; exitCode: number; logs: string[]; crashLogs?: string[]};

/** Decides a fresh container's fate. `portsInUse` are the ports other containers of the pod listen on. */
export function containerBehaviour(spec: ContainerSpec, image: ResolvedImage, portsInUse: number[]): Behaviour {
	const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
	if (waitsForInput(spec, image)) return {command: argv.join(' ') || image.command, exitCode: 0, logs: []};
	if (argv.length > 0) return commandBehaviour(argv);
	const app = image.app;
	if (app.exitsImmediately) return {command: image.command, exitAfterMs: 200, exitCode: 0, logs: []};
	const logs = app.name.startsWith('kubia') ? ['Kubia server starting...'] : app.name === 'nginx' ? nginxStartLogs() : [];
	if (app.port !== undefined && portsInUse.includes(app.port)) {
		return {command: image.command, exitAfterMs: 400, exitCode: 1, logs: [], crashLogs: addressInUseLogs(app.name, app.port)};
	}
	return {command: image.command, port: app.port, exitCode: 0, logs};
}

/** A shell (given as the command, or the image's own) with its stdin kept open (kubectl run -it) waits for input instead of exiting. */
export function waitsForInput(spec: ContainerSpec, image: ResolvedImage): boolean {
	const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
	const shell = /(^|\/)(sh|bash|ash)$/.test(argv[0] ?? image.command.split(' ')[0] ?? '') && argv.length <= 1;
	return Boolean(spec.stdin) && (shell || (argv.length === 0 && Boolean(image.app.exitsImmediately)));
}

function commandBehaviour(argv: string[]): Behaviour {
	const command = argv.join(' ');
	// A loop or a sleep runs as a process in virtual time (engine/script): its output and exit come from running it.
	const shellScript = shellScriptOf(argv);
	if (shellScript !== undefined && runsAsProcess(shellScript)) return {command, exitCode: 0, logs: []};
	const script = argv[0] === 'sh' || argv[0] === '/bin/sh' || argv[0] === 'bash' ? argv.slice(argv.indexOf('-c') + 1).join(' ') : command;
	const sleep = script.match(/\bsleep\s+(\d+|infinity)/);
	const exit = script.match(/\bexit\s+(\d+)/);
	const echoes = [...script.matchAll(/\becho\s+(["']?)([^;&|"']*)\1/g)].map(m => m[2]!.trim());
	if (sleep) {
		if (sleep[1] === 'infinity' || /while\s+true/.test(script)) return {command, exitCode: 0, logs: echoes};
		return {command, exitAfterMs: Number(sleep[1]) * 1000, exitCode: exit ? Number(exit[1]) : 0, logs: echoes};
	}
	if (/while\s+true|tail\s+-f/.test(script)) return {command, exitCode: 0, logs: echoes};
	if (argv[0] === 'false' || exit) return {command, exitAfterMs: 100, exitCode: exit ? Number(exit[1]) : 1, logs: echoes};
	const first = (script.trim().split(/\s+/)[0] ?? '').split('/').pop()!;
	// Short commands finish; anything else (a server, a daemon) keeps running.
	if (['echo', 'true', 'date', 'ls', 'cat', 'env', 'hostname', 'printenv', 'uname', 'whoami', 'id', 'pwd', 'nslookup', 'wget', 'curl', 'ps'].includes(first)) return {command, exitAfterMs: 100, exitCode: 0, logs: echoes};
	return {command, exitCode: 0, logs: echoes};
}

/**
 * The app's own words when its port is taken. The book's kubia images are FROM node:7 (7.10.1):
 * an unhandled 'error' event prints Node 7's trace (measured with node 7.10.1 on the book's app.js).
 */
function addressInUseLogs(app: string, port: number): string[] {
	if (app === 'nginx') return [`nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)`];
	if (!app.startsWith('kubia')) return [`[simulator] ${app} could not listen on :${port} (EADDRINUSE); its own message is not simulated here`];
	const source = app === 'kubia-unhealthy' ? kubiaUnhealthyAppJs : kubiaAppJs;
	const line = source.split('\n').findIndex(l => l.startsWith('www.listen(')) + 1;
	return [
		'Kubia server starting...',
		'events.js:163',
		"      throw er; // Unhandled 'error' event",
		'      ^',
		'',
		`Error: listen EADDRINUSE :::${port}`,
		'    at Object.exports._errnoException (util.js:1050:11)',
		'    at exports._exceptionWithHostPort (util.js:1073:20)',
		'    at Server.setupListenHandle [as _listen2] (net.js:1259:14)',
		'    at listenInCluster (net.js:1307:12)',
		'    at Server.listen (net.js:1406:7)',
		`    at Object.<anonymous> (/app.js:${line}:5)`,
		'    at Module._compile (module.js:571:32)',
		'    at Object.Module._extensions..js (module.js:580:10)',
		'    at Module.load (module.js:488:32)',
		'    at tryModuleLoad (module.js:447:12)',
	];
}

function nginxStartLogs(): string[] {
	return [
		'/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
		'/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
		'/docker-entrypoint.sh: Configuration complete; ready for start up',
	];
}

/** Programs that install a SIGTERM handler; anything else running as a container's PID 1 ignores SIGTERM (the kernel drops default-action signals to a namespace's init). */
const sigtermHandlers = new Set(['nginx', 'redis-server', 'httpd', 'postgres', 'mysqld', 'etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager', 'kube-proxy', 'pause', 'coredns']);

/** Whether the container's main process exits on SIGTERM, or waits for the SIGKILL at the end of the grace period. */
export function handlesSigterm(spec: ContainerSpec, image: ResolvedImage | undefined): boolean {
	const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
	if (argv.length === 0) return image?.app.handlesSigterm ?? false;
	const words = /(^|\/)[\w.-]*entrypoint\.sh$/.test(argv[0]!) ? argv.slice(1) : argv;
	return sigtermHandlers.has((words[0] ?? '').split('/').pop()!);
}
