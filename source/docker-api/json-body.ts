// A request's JSON body, or dockerd's 400 for one that does not parse.
import type {DockerRequest, DockerResponse} from './docker-types.ts';
import {badRequest} from './errors.ts';

export function jsonBody<T>(req: DockerRequest): {value: T} | {error: DockerResponse} {
	const text = req.body?.toString('utf8') ?? '';
	if (!text.trim()) return {value: {} as T};
	try {
		const value = JSON.parse(text) as unknown;
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {error: badRequest('invalid JSON: the request body must be a JSON object')};
		return {value: value as T};
	} catch (error) {
		return {error: badRequest(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`)};
	}
}
