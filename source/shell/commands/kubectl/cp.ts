// kubectl cp: a file or a directory between the machine kubectl runs on and a pod's container
// ([ns/]pod:path), through the container's filesystem as `tar` inside it would read or write it.
import type {CommandOutcome, ShellFrame} from '../../types.ts';
import {pathKind} from '../../paths.ts';
import {readDiskTree, readTree, writeTree} from './cp-tree.ts';
import {flag} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';

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
	return {frame: {host: pod.spec.nodeName!, pid: rt.pid, user: 'root', cwd: '/', kind: 'pod', label: `${podName}/${wanted}`}};
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
		if (!kind) return fail(`${warning}tar: ${from.path.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors`);
		// kubectl untars the stream into the destination itself: a directory's contents land in it
		// (merged into one that exists), and a file is written at that path, so an existing local
		// directory as the target of a file is an error, not a place to put it.
		const written = writeTree(k.ctx.world, host, to.local, readTree(k.ctx.world, inside.frame, from.path));
		if ('error' in written) return fail(`${warning}error: ${written.error}`);
		return {stdout: '', stderr: warning, exitCode: 0, world: written.world};
	}
	const local = (from as {local: string}).local;
	const remote = to as {pod: string; namespace: string; path: string};
	const kind = pathKind(k.ctx.world, host, local);
	const entries = kind ? readTree(k.ctx.world, host, local) : k.ctx.disk.isDirectory(local) ? readDiskTree(k.ctx.disk, local) : (c => (c === undefined ? [] : [{path: '', dir: false, content: c}]))(k.ctx.disk.readFile(local));
	if (entries.length === 0) return fail(`error: ${local} doesn't exist in local filesystem`);
	const inside = containerFrame(k, remote.namespace, remote.pod);
	if ('error' in inside) return fail(inside.error);
	// A directory in the pod receives the source under its own name (kubectl tests with test -d).
	const target = pathKind(k.ctx.world, inside.frame, remote.path) === 'dir' ? `${remote.path.replace(/\/+$/, '')}/${basename(local)}` : remote.path;
	// tar -x -C the target's parent: the parent must exist.
	const parent = target.replace(/\/+$/, '').slice(0, target.replace(/\/+$/, '').lastIndexOf('/')) || (target.startsWith('/') ? '/' : '.');
	if (pathKind(k.ctx.world, inside.frame, parent) !== 'dir') return fail(`tar: ${parent}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2`);
	const written = writeTree(k.ctx.world, inside.frame, target, entries);
	if ('error' in written) return fail(`tar: ${target.replace(/^\//, '')}: Cannot open: ${/is a directory/.test(written.error) ? 'Is a directory' : 'No such file or directory'}\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2`);
	return {stdout: '', exitCode: 0, world: written.world};
}
