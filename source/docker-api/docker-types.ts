// The Docker Engine endpoint's requests and answers as plain data, so the handlers are pure
// functions (request, world) -> (answer, new world, the docker command line it stands for).
import type {ExternalProgramRunner} from '../engine/script/external-programs.ts';
import type {World} from '../engine/world.ts';

export type DockerRequest = {
	method: string;
	/** The path without the /v1.NN prefix and without the query: /containers/json. */
	path: string;
	query: URLSearchParams;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	body?: Buffer;
	/** The API version the client asked for (from the /v1.NN prefix), or the daemon's own. */
	apiVersion: string;
};

/** A JSON body is sent as JSON; a string as text/plain; `stream` as application/json lines. */
export type DockerResponse = {status: number; body?: unknown; contentType?: string; headers?: Record<string, string>};

/** The lines a stream sends (pull/push/build progress): one JSON object per message. */
export type JsonStream = {status: 200; messages: object[]};

/** What the server must keep serving after the answer: log lines as they come, a hijacked connection. */
export type Continuation =
	| {kind: 'logs'; container: string; sent: number; tty: boolean; stdout: boolean; stderr: boolean; timestamps: boolean}
	| {kind: 'wait'; container: string; name: string; condition: 'not-running' | 'next-exit' | 'removed'; startedAt?: number}
	| {kind: 'events'; afterSeq: number; filters: Record<string, string[]>; untilMs?: number}
	| {kind: 'attach'; container: string; sent: number; tty: boolean; stdin: boolean; startedAt?: number}
	| {kind: 'exec'; exec: string};

export type DockerHandled = {
	response: DockerResponse;
	/** application/json lines (pull, push, build), sent one by one. */
	stream?: object[];
	/** The world after the request, when it changed anything. */
	world?: World;
	/** The docker command line the request stands for in lesson checks (`docker stop web`). */
	line?: string;
	exitCode?: number;
	/** An exec instance made (POST /containers/{id}/exec) or finished, kept by the server between requests. */
	exec?: ExecInstance;
	continuation?: Continuation;
	/** What a start printed for an attached client (a --rm container's output, gone with it once it exits). */
	started?: {container: string; output: string};
};

/** An exec instance: made by POST /containers/{id}/exec, run by POST /exec/{id}/start. */
export type ExecInstance = {
	id: string;
	container: string; // container id
	target: string; // the container as the client named it (for the command line recorded)
	argv: string[];
	tty: boolean;
	attachStdin: boolean;
	attachStdout: boolean;
	attachStderr: boolean;
	env: string[];
	user: string;
	workdir: string;
	running: boolean;
	exitCode: number | null;
	pid: number;
};

/** Runs the built-in `docker ARGS...` on the served host's world: the same code the tutor's shell runs. */
export type DockerShell = (world: World, argv: string[], stdin?: string) => {world: World; stdout: string; stderr: string; exitCode: number};

/** What a handler needs besides the request and the world. */
export type DockerEnv = {
	host: string;
	shell: DockerShell;
	/** How far the learner's clock is ahead of the world's (ms): unix times are sent on the learner's clock. */
	offsetMs: number;
	execs: ReadonlyMap<string, ExecInstance>;
	/** A fresh id for an exec instance (the server's random source; tests pass a counter). */
	newId(): string;
	/** How containers' scripts run their tools (the shell runtime's); without it they answer with a marked line. */
	programs?: ExternalProgramRunner;
};
