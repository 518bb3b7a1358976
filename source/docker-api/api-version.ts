// API versions as dockerd 27.4 serves them: /v1.NN/ prefixes, the newest it knows (1.47) and the
// oldest it still accepts (1.24); the headers of every answer (the CLI negotiates from _ping's).
import {dockerVersion} from '../engine/docker/daemon.ts';

export const apiVersion = '1.47';
export const minApiVersion = '1.24';

export type VersionedPath = {path: string; version: string} | {error: string};

function compare(a: string, b: string): number {
	const [am, an] = a.split('.').map(Number);
	const [bm, bn] = b.split('.').map(Number);
	return am! - bm! || an! - bn!;
}

/** /v1.47/containers/json -> {path: /containers/json, version: 1.47}; a version outside 1.24-1.47 is refused as dockerd refuses it. */
export function splitVersion(rawPath: string): VersionedPath {
	const m = rawPath.match(/^\/v(\d+\.\d+)(\/.*)?$/);
	if (!m) return {path: rawPath, version: apiVersion};
	const version = m[1]!;
	if (compare(version, apiVersion) > 0) return {error: `client version ${version} is too new. Maximum supported API version is ${apiVersion}`};
	if (compare(version, minApiVersion) < 0) return {error: `client version ${version} is too old. Minimum supported API version is ${minApiVersion}, please upgrade your client to a newer version`};
	return {path: m[2] ?? '/', version};
}

/** Headers dockerd puts on every answer. */
export function commonHeaders(): Record<string, string> {
	return {'Api-Version': apiVersion, 'Docker-Experimental': 'false', Ostype: 'linux', Server: `Docker/${dockerVersion} (linux)`};
}

/** GET/HEAD /_ping: "OK" and the headers the CLI reads (API version, builder, swarm). */
export function pingHeaders(): Record<string, string> {
	// Builder-Version 1: the classic builder, the one the simulation models (BuildKit's 2 would make a CLI without buildx refuse to build).
	return {...commonHeaders(), 'Builder-Version': '1', Swarm: 'inactive', 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache'};
}
