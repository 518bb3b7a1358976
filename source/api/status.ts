// Status objects: the API server's answer for every error, with its reason and code.
import type {ApiError} from '../engine/k8s/api-server.ts';
import type {ApiResponse} from './api-types.ts';

export type StatusReason = ApiError['reason'] | 'Unauthorized' | 'MethodNotAllowed' | 'RequestEntityTooLarge' | 'UnsupportedMediaType' | 'NotAcceptable' | 'Gone' | 'InternalError' | 'TooManyRequests';

export function statusResponse(code: number, reason: StatusReason | '', message: string, details?: Record<string, unknown>): ApiResponse {
	return {
		status: code,
		body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, ...(reason ? {reason} : {}), ...(details ? {details} : {}), code},
	};
}

/** A Status from the engine's API error; `group` and `kind` fill details as the real server does. */
export function errorResponse(error: ApiError, details?: {name?: string; group?: string; kind?: string}): ApiResponse {
	const extra = details ? Object.fromEntries(Object.entries({name: details.name, group: details.group || undefined, kind: details.kind}).filter(([, v]) => v !== undefined)) : undefined;
	return statusResponse(error.code, error.reason, error.message, extra && Object.keys(extra).length ? extra : undefined);
}

export function successStatus(details: Record<string, unknown>): ApiResponse {
	return {status: 200, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details}};
}

export const badRequest = (message: string): ApiResponse => statusResponse(400, 'BadRequest', message);
export const unauthorized = (): ApiResponse => statusResponse(401, 'Unauthorized', 'Unauthorized');
export const notFoundPath = (): ApiResponse => statusResponse(404, 'NotFound', 'the server could not find the requested resource', {});
export const tooLarge = (limit: number): ApiResponse => statusResponse(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
