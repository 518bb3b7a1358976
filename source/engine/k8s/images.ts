// Where the kubelet finds an image: the world's registry (Docker Hub, what `docker pull` sees and
// the learner pushed) or the node's own daemon; a small catalog gives the apps of well-known images
// and the control plane's images of registry.k8s.io, which nodes have preloaded.
import {inferAppProfile} from '../docker/apps.ts';
import {dockerHub, parseImageRef, type ImageRef} from '../docker/image-ref.ts';
import {manifestDigestOf} from '../docker/registry.ts';
import type {Image} from '../docker/types.ts';
import {digestHex} from '../hash.ts';
import type {Listener, Workload} from '../host/types.ts';
import type {World} from '../world.ts';

/** `listeners`: the sockets of a server that listens on more than one port or address ("{ip}" in `addresses` is the node's IP). */
export type AppKind = {name: string; port?: number; tls?: boolean; listeners?: Listener[]; reply?: 'hostname' | 'nginx' | 'text'; text?: string; handlesSigterm: boolean; exitsImmediately?: boolean};

export type ResolvedImage = {
	reference: string; // "docker.io/luksa/kubia:latest"
	familiar: string; // "luksa/kubia:latest"
	id: string; // "sha256:..."
	digest: string; // repo digest, "docker.io/luksa/kubia@sha256:..."
	layers: {id: string; sizeBytes: number}[];
	sizeBytes: number;
	app: AppKind;
	command: string; // what ps shows for its main process
	env: Record<string, string>; // the image config's ENV (PATH at least)
};

/** The PATH a container gets when its image sets none (runc's default). */
const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

type CatalogEntry = {layers: number[]; app: AppKind; command: string};

// As kubeadm's etcd manifest: --listen-client-urls=https://127.0.0.1:2379,https://{ip}:2379,
// --listen-peer-urls=https://{ip}:2380, --listen-metrics-urls=http://127.0.0.1:2381, and
// --client-cert-auth=true / --peer-client-cert-auth=true (its certificates come from etcd-ca).
const etcdListeners: Listener[] = [
	{port: 2379, protocol: 'https', addresses: ['127.0.0.1', '{ip}'], certificate: 'etcd-ca', clientCertificate: 'required'},
	{port: 2380, protocol: 'https', addresses: ['{ip}'], certificate: 'etcd-ca', clientCertificate: 'required'},
	{port: 2381, protocol: 'http', addresses: ['127.0.0.1']},
];

/** What an app's main process does on a node (`nodeIp`, `nodeName`): listen where the app listens, or idle. */
export function appWorkload(app: AppKind, nodeIp: string, nodeName = ''): Workload {
	const sockets: Listener[] = app.listeners ?? (app.port ? [{port: app.port, protocol: app.tls ? 'https' : 'http'}] : []);
	const place = (list: string[]) => list.map(a => (a === '{ip}' ? nodeIp : a === '{node}' ? nodeName : a));
	const [first, ...more] = sockets.map((l): Listener => ({...l, ...(l.addresses ? {addresses: place(l.addresses)} : {}), ...(l.certificateNames ? {certificateNames: place(l.certificateNames)} : {})}));
	if (!first) return {kind: 'idle'};
	return {kind: 'server', app: app.name, ...first, ...(more.length ? {more} : {})};
}

const mb = 1_000_000;
const catalog: Record<string, CatalogEntry> = {
	'luksa/kubia': {layers: [123 * mb, 44 * mb, 63 * mb, 20 * mb, 0.3 * mb], app: {name: 'kubia', port: 8080, reply: 'hostname', handlesSigterm: false}, command: 'node app.js'},
	'library/nginx': {layers: [29 * mb, 41 * mb, 0.6 * mb, 0.9 * mb, 1.2 * mb], app: {name: 'nginx', port: 80, reply: 'nginx', handlesSigterm: true}, command: 'nginx: master process nginx -g daemon off;'},
	'library/busybox': {layers: [2.2 * mb], app: {name: 'sh', handlesSigterm: false, exitsImmediately: true}, command: 'sh'},
	'library/alpine': {layers: [3.6 * mb], app: {name: 'sh', handlesSigterm: false, exitsImmediately: true}, command: '/bin/sh'},
	'library/node': {layers: [49 * mb, 24 * mb, 64 * mb, 211 * mb, 4 * mb, 45 * mb], app: {name: 'node', handlesSigterm: false, exitsImmediately: true}, command: 'node'},
	'library/redis': {layers: [29 * mb, 1 * mb, 1.3 * mb, 16 * mb, 0.1 * mb], app: {name: 'redis', port: 6379, reply: 'text', text: '-ERR wrong number of arguments\n', handlesSigterm: true}, command: 'redis-server *:6379'},
	'registry.k8s.io/pause': {layers: [0.3 * mb], app: {name: 'pause', handlesSigterm: true}, command: '/pause'},
	'registry.k8s.io/etcd': {layers: [57 * mb], app: {name: 'etcd', listeners: etcdListeners, handlesSigterm: true}, command: 'etcd --advertise-client-urls=https://{ip}:2379 --data-dir=/var/lib/etcd --listen-client-urls=https://127.0.0.1:2379,https://{ip}:2379'},
	'registry.k8s.io/kube-apiserver': {layers: [28 * mb], app: {name: 'kube-apiserver', listeners: [{port: 6443, protocol: 'https', certificateNames: ['{node}', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', '10.96.0.1', '{ip}']}], handlesSigterm: true}, command: 'kube-apiserver --advertise-address={ip} --etcd-servers=https://127.0.0.1:2379 --secure-port=6443 --service-cluster-ip-range=10.96.0.0/12'},
	'registry.k8s.io/kube-scheduler': {layers: [20 * mb], app: {name: 'kube-scheduler', listeners: [{port: 10259, protocol: 'https', addresses: ['127.0.0.1'], certificate: 'self-signed-chain'}], handlesSigterm: true}, command: 'kube-scheduler --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true'},
	'registry.k8s.io/kube-controller-manager': {layers: [26 * mb], app: {name: 'kube-controller-manager', listeners: [{port: 10257, protocol: 'https', addresses: ['127.0.0.1'], certificate: 'self-signed-chain'}], handlesSigterm: true}, command: 'kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16 --kubeconfig=/etc/kubernetes/controller-manager.conf'},
	'registry.k8s.io/coredns/coredns': {layers: [18 * mb], app: {name: 'coredns', handlesSigterm: true}, command: '/coredns -conf /etc/coredns/Corefile'},
	'registry.k8s.io/kube-proxy': {layers: [30 * mb], app: {name: 'kube-proxy', listeners: [{port: 10256, protocol: 'http'}, {port: 10249, protocol: 'http', addresses: ['127.0.0.1']}], handlesSigterm: true}, command: '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={node}'},
	'curlimages/curl': {layers: [3.6 * mb, 6 * mb], app: {name: 'curl', handlesSigterm: false, exitsImmediately: true}, command: 'curl'},
};

export type ImageLookup = {ok: true; image: ResolvedImage} | {ok: false; error: string};

/**
 * Finds an image as a pull would: Docker Hub images only through the world's registry (the one
 * `docker pull` uses), so an unknown repository or tag fails with the daemon's own error text;
 * images of other registries only from the catalog (the control plane's, preloaded on nodes).
 */
export function lookupImage(w: World, reference: string): ImageLookup {
	const ref = parsedRef(reference);
	if ('error' in ref) return {ok: false, error: ref.error};
	if (ref.registry !== dockerHub) {
		const entry = catalog[`${ref.registry}/${ref.path}`];
		const found = entry && resolveCached(w, reference, ref, undefined);
		return found ? {ok: true, image: found} : {ok: false, error: unreachableRegistry(ref.registry)};
	}
	const repo = w.registry.repositories.get(ref.path);
	if (!repo) return {ok: false, error: `pull access denied for ${ref.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`};
	const imageId = ref.digest ? Object.values(repo.tags).find(id => w.registry.images.has(id) && manifestDigestOf(w.registry.images.get(id)!) === ref.digest) : repo.tags[ref.tag];
	const image = imageId ? w.registry.images.get(imageId) : undefined;
	if (!image) return {ok: false, error: `manifest for ${ref.familiar}${ref.digest ? '@' + ref.digest : ':' + ref.tag} not found: manifest unknown: manifest unknown`};
	return {ok: true, image: resolveCached(w, reference, ref, image)!};
}

/** The image as the registry has it, or undefined (unknown repository or tag). */
export function resolveImage(w: World, reference: string): ResolvedImage | undefined {
	const found = lookupImage(w, reference);
	return found.ok ? found.image : undefined;
}

/** The image a node's Docker daemon has under this reference (pulled, built or tagged there), if any. */
export function nodeImage(w: World, node: string, reference: string): ResolvedImage | undefined {
	const ref = parsedRef(reference);
	if ('error' in ref) return undefined;
	const daemon = w.dockers.get(node);
	const id = daemon?.tags.get(`${ref.familiar}:${ref.tag}`);
	if (!id) return undefined;
	const image = daemon!.images.get(id);
	if (!image) return resolveImage(w, reference); // preloaded control-plane images: the catalog's
	return resolveCached(w, reference, ref, image);
}

/** The key a daemon's tag table files the reference under ("nginx:latest"); the reference itself when it does not parse. */
export function imageTagKey(reference: string): string {
	const ref = parsedRef(reference);
	return 'error' in ref ? reference : `${ref.familiar}:${ref.tag}`;
}

function unreachableRegistry(registry: string): string {
	return `Get "https://${registry}/v2/": dial tcp: lookup ${registry.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`;
}

function parsedRef(reference: string): ImageRef | {error: string} {
	let parsed = parsedRefs.get(reference);
	if (!parsed) {
		parsed = parseImageRef(reference);
		parsedRefs.set(reference, parsed);
	}
	return parsed;
}

function resolveCached(w: World, reference: string, ref: ImageRef, image: Image | undefined): ResolvedImage | undefined {
	const memoKey = `${reference}|${image?.id ?? 'catalog'}`;
	const memo = resolved.get(memoKey);
	if (memo !== undefined) return memo ?? undefined;
	const found = resolveUncached(w, ref, image);
	resolved.set(memoKey, found ?? null);
	return found;
}

// Image ids are content digests, so what an id resolves to never changes: memoize across worlds.
const parsedRefs = new Map<string, ReturnType<typeof parseImageRef>>();
const resolved = new Map<string, ResolvedImage | null>();

function resolveUncached(w: World, ref: ImageRef, image: Image | undefined): ResolvedImage | undefined {
	const full = `${ref.registry}/${ref.path}:${ref.tag}`;
	const familiar = `${ref.familiar}:${ref.tag}`;
	if (image) {
		const layers = image.layers.map(id => ({id, sizeBytes: w.layers.get(id)?.sizeBytes ?? 0}));
		const profile = inferAppProfile(w, image);
		const argv = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
		const app: AppKind = profile
			? {name: profile.name, port: profile.port, reply: profile.name === 'nginx' ? 'nginx' : 'hostname', handlesSigterm: profile.handlesSigterm}
			: catalog[ref.path]?.app ?? (argv.some(a => a.includes('node')) ? {name: 'kubia', port: 8080, reply: 'hostname', handlesSigterm: false} : {name: 'sh', handlesSigterm: false, exitsImmediately: true});
		return {reference: full, familiar, id: image.id, digest: `${ref.registry}/${ref.path}@sha256:${digestHex('manifest:' + image.id)}`, layers, sizeBytes: layers.reduce((s, l) => s + l.sizeBytes, 0), app, command: argv.join(' ') || catalog[ref.path]?.command || 'sh', env: {PATH: defaultPath, ...image.config.env}};
	}
	const entry = catalog[ref.registry === 'docker.io' ? ref.path : `${ref.registry}/${ref.path}`];
	if (!entry) return undefined;
	const layers = entry.layers.map((size, i) => ({id: `sha256:${digestHex(`${ref.path}:${i}`)}`, sizeBytes: Math.round(size)}));
	return {
		reference: full,
		familiar,
		id: `sha256:${digestHex(`${ref.path}:${ref.tag}:config`)}`,
		digest: `${ref.registry}/${ref.path}@sha256:${digestHex(`${ref.path}:${ref.tag}:manifest`)}`,
		layers,
		sizeBytes: layers.reduce((s, l) => s + l.sizeBytes, 0),
		app: entry.app,
		command: entry.command,
		env: {PATH: defaultPath},
	};
}

/** Bytes per virtual second a node downloads image layers at. */
export const pullBytesPerSecond = 40 * mb;

/** How long pulling takes on a node that already has `present` layers. */
export function pullMillis(image: ResolvedImage, present: (layerId: string) => boolean): number {
	const missing = image.layers.filter(l => !present(l.id)).reduce((s, l) => s + l.sizeBytes, 0);
	return 600 + Math.round((missing / pullBytesPerSecond) * 1000);
}
