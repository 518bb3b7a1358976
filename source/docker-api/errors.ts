// Errors as dockerd sends them: {"message": "..."} with the status the CLI reacts to (404 makes
// `docker run` pull the image first; 304 makes `docker stop` of a stopped container quiet).
import type {DockerResponse} from './docker-types.ts';

export function errorResponse(status: number, message: string): DockerResponse {
	return {status, body: {message}};
}

export const notFound = (message: string) => errorResponse(404, message);
export const badRequest = (message: string) => errorResponse(400, message);
export const conflict = (message: string) => errorResponse(409, message);
export const serverError = (message: string) => errorResponse(500, message);

/** The page not found answer dockerd gives for a path it does not route. */
export const noRoute = (): DockerResponse => errorResponse(404, 'page not found');

/**
 * The status for a message the daemon (or the built-in command, after "Error response from
 * daemon: ") gave: dockerd's errdefs classes, read from the words of the message.
 */
export function statusOfMessage(message: string): number {
	if (/^No such (container|image|exec instance|volume|network)|not found|does not exist/i.test(message)) return 404;
	if (/^conflict|is already in use|is in use|cannot remove|is not running|is paused|is restarting|You cannot remove a running container/i.test(message)) return 409;
	if (/invalid|is not a valid|requires|must be|bad parameter/i.test(message)) return 400;
	if (/pull access denied|denied|unauthorized|authentication required/i.test(message)) return 404;
	return 500;
}

/** The daemon's message inside the built-in command's stderr ("Error response from daemon: X" -> X). */
export function daemonMessage(stderr: string): string {
	const lines = stderr.split('\n').filter(line => line && !/^\(.* not simulated here\)$/.test(line));
	const said = lines.find(line => line.startsWith('Error response from daemon: '));
	return (said ?? lines[0] ?? 'unknown error').replace(/^Error response from daemon: /, '').replace(/^docker: /, '');
}

/** The built-in command's failure as the daemon's answer. */
export function failureOf(stderr: string): DockerResponse {
	const message = daemonMessage(stderr);
	return errorResponse(statusOfMessage(message), message);
}
