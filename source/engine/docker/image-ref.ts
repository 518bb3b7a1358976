// Image references as docker parses them: [registry/][namespace/]name[:tag][@digest].
// "nginx" is docker.io/library/nginx:latest; "luksa/kubia" is docker.io/luksa/kubia:latest.

export const dockerHub = 'docker.io';

export type ImageRef = {
	registry: string; // "docker.io"
	path: string; // "library/nginx", "luksa/kubia"
	familiar: string; // "nginx", "luksa/kubia", "registry.local:5000/app": how docker prints it
	tag: string;
	tagGiven: boolean;
	digest?: string;
};

const component = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;

/** Parses a reference, or returns docker's error text ("invalid reference format..."). */
export function parseImageRef(text: string): ImageRef | {error: string} {
	if (!text || /\s/.test(text)) return {error: 'invalid reference format'};
	let rest = text;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return {error: 'invalid reference format'};
	}
	let tag: string | undefined;
	const lastColon = rest.lastIndexOf(':');
	if (lastColon > rest.lastIndexOf('/')) {
		tag = rest.slice(lastColon + 1);
		rest = rest.slice(0, lastColon);
		if (!tagPattern.test(tag)) return {error: 'invalid reference format'};
	}
	const parts = rest.split('/');
	let registry = dockerHub;
	const first = parts[0]!;
	if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
		if (first !== first.toLowerCase() && !first.includes('.') && !first.includes(':')) {
			// An uppercase first component is a name, not a registry host.
		} else {
			registry = first === 'index.docker.io' ? dockerHub : first;
			parts.shift();
		}
	}
	if (parts.length === 0 || parts.some(p => p === '')) return {error: 'invalid reference format'};
	if (registry === dockerHub && parts.length === 1) parts.unshift('library');
	const path = parts.join('/');
	if (path !== path.toLowerCase()) return {error: `invalid reference format: repository name (${path}) must be lowercase`};
	if (!parts.every(p => component.test(p))) return {error: 'invalid reference format'};
	const familiar = registry === dockerHub ? path.replace(/^library\//, '') : `${registry}/${path}`;
	return {registry, path, familiar, tag: tag ?? 'latest', tagGiven: tag !== undefined, digest};
}

/** The key a daemon's tag table uses: "nginx:latest", "luksa/kubia:v1". */
export function tagKey(ref: Pick<ImageRef, 'familiar' | 'tag'>): string {
	return `${ref.familiar}:${ref.tag}`;
}

/** Splits a tag key back into repository and tag. */
export function splitTagKey(key: string): {repository: string; tag: string} {
	const i = key.lastIndexOf(':');
	return {repository: key.slice(0, i), tag: key.slice(i + 1)};
}

/** "docker.io/library/nginx:latest": the fully qualified name docker pull prints last. */
export function qualifiedName(ref: ImageRef): string {
	return `${ref.registry}/${ref.path}:${ref.tag}`;
}
