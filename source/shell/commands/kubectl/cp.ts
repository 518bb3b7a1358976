// kubectl cp: a file between the machine kubectl runs on and a pod's container ([ns/]pod:path),
// through the container's filesystem as `tar` inside it would read or write it.
import type {CommandOutcome, ShellFrame} from '../../types.ts';
import {pathKind, readPath, writePath} from '../../paths.ts';
import {flag} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {notSimulated} from './unmodelled.ts';

type Spec = {pod: string; namespace: string; path: string} | {local: string};

/** kubectl's reading of an argument: `pod:path` or `ns/pod:path` is remote, anything else local. */
function specOf(k: Kctx, arg: string): Spec {
	const colon = arg.indexOf(':');
	if (colon <= 0) return {local: arg};
	const [podPart, path] = [arg.slice(0, colon), arg.slice(colon + 1)];
	const slash = podPart.indexOf('/');
	return slash < 0 ? {pod: podPart, namespace: namespaceOf(k), path} : {namespace: podPart.slice(0, slash), pod: podPart.slice(slash + 1), path};
}

/** The container's filesystem as a frame, as `kubectl exec` enters it. */
function containerFrame(k: Kctx, namespace: string, podName: string): {frame: ShellFrame} | {error: string} {
	const c = k.ctx.world.cluster!;
	const pod = c.store.pods.get(`${namespace}/${podName}`);
	if (!pod) return {error: `Error from server (NotFound): pods "${podName}" not found`};
	const containers: string[] = pod.spec.containers.map((x: {name: string}) => x.name);
	const wanted = flag(k.args, 'c', 'container') ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]!;
	if (!containers.includes(wanted)) return {error: `error: container ${wanted} is not valid for pod ${podName}`};
	const rt = c.podRuntimes.get(`${namespace}/${podName}`)?.containers.find(x => x.name === wanted);
	if (!rt || rt.pid === undefined) return {error: `error: unable to upgrade connection: container not found ("${wanted}")`};
	return {frame: {host: pod.spec.nodeName, pid: rt.pid, user: 'root', cwd: '/', kind: 'pod', label: `${podName}/${wanted}`}};
}

const basename = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? path;

export function kubectlCp(k: Kctx): CommandOutcome {
	const [src, dest, ...extra] = k.args.positional;
	if (!src || !dest || extra.length) return fail(`error: source and destination are required\nSee 'kubectl cp -h' for help and examples`);
	const from = specOf(k, src);
	const to = specOf(k, dest);
	if ('local' in from && 'local' in to) return fail('error: one of src or dest must be a remote file specification');
	if (!('local' in from) && !('local' in to)) return fail('error: one of src or dest must be a local file specification');
	const host = k.ctx.frame;
	if (!('local' in from) && 'local' in to) {
		const inside = containerFrame(k, from.namespace, from.pod);
		if ('error' in inside) return fail(inside.error);
		const kind = pathKind(k.ctx.world, inside.frame, from.path);
		// tar in the container strips the leading slash, and says so.
		const warning = from.path.startsWith('/') ? "tar: Removing leading `/' from member names\n" : '';
		if (kind === 'dir') return fail(notSimulated('kubectl cp of a directory'));
		const read = readPath(k.ctx.world, inside.frame, from.path);
		if ('error' in read) return fail(`${warning}tar: ${from.path.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors`);
		const target = pathKind(k.ctx.world, host, to.local) === 'dir' ? `${to.local.replace(/\/+$/, '')}/${basename(from.path)}` : to.local;
		const written = writePath(k.ctx.world, host, target, read.content, false);
		if (!written.ok) return fail(`${warning}error: open ${target}: ${written.error.toLowerCase()}`);
		return {stdout: '', stderr: warning, exitCode: 0, world: written.world};
	}
	const local = (from as {local: string}).local;
	const remote = to as {pod: string; namespace: string; path: string};
	const kind = pathKind(k.ctx.world, host, local);
	if (kind === 'dir' || (kind === undefined && k.ctx.disk.isDirectory(local))) return fail(notSimulated('kubectl cp of a directory'));
	const fromHost = kind === 'file' ? readPath(k.ctx.world, host, local) : undefined;
	const content = fromHost && 'content' in fromHost ? fromHost.content : k.ctx.disk.readFile(local);
	if (content === undefined) return fail(`error: ${local} doesn't exist in local filesystem`);
	const inside = containerFrame(k, remote.namespace, remote.pod);
	if ('error' in inside) return fail(inside.error);
	const target = pathKind(k.ctx.world, inside.frame, remote.path) === 'dir' ? `${remote.path.replace(/\/+$/, '')}/${basename(local)}` : remote.path;
	const written = writePath(k.ctx.world, inside.frame, target, content, false);
	if (!written.ok) return fail(`tar: ${target.replace(/^\//, '')}: Cannot open: ${written.error}\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2`);
	return {stdout: '', exitCode: 0, world: written.world};
}
