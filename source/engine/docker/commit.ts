// `docker commit`: a container's writable layer becomes a new read-only layer on top of its image.
import {recordEvent} from '../events.ts';
import {sha256Of, digestHex} from '../hash.ts';
import type {FileNode} from '../host/types.ts';
import type {World} from '../world.ts';
import {parseImageRef, tagKey} from './image-ref.ts';
import {findContainer, type Result} from './runtime.ts';
import {shortId} from './units.ts';
import type {Image} from './types.ts';

export function commitContainer(w: World, hostName: string, idOrName: string, target: string | undefined, options: {message?: string; author?: string} = {}): Result<{image: Image}> {
	const daemon = w.dockers.get(hostName)!;
	const container = findContainer(daemon, idOrName);
	if (!container) return {ok: false, error: `No such container: ${idOrName}`};
	const base = daemon.images.get(container.image);
	if (!base) return {ok: false, error: `No such image: ${container.image}`};
	const ref = target === undefined ? undefined : parseImageRef(target);
	if (ref && 'error' in ref) return {ok: false, error: `invalid reference format`};
	const fs = w.hosts.get(hostName)?.filesystems.get(container.rootfs);
	const files = new Map<string, FileNode>(fs?.kind === 'overlay' ? [...fs.upper].map(([path, node]) => [path, {...node}]) : []);
	const serialized = [...files].map(([path, node]) => `${path}:${node.type}:${node.type === 'file' ? node.content : ''}`).join('\n');
	const size = [...files.values()].reduce((sum, node) => sum + (node.type === 'file' ? node.content.length : 0), 0);
	const layerId = sha256Of(`layer:commit:${digestHex(serialized)}`);
	const createdBy = container.command.join(' ');
	if (!w.layers.has(layerId)) w.layers.set(layerId, {id: layerId, sizeBytes: size, createdBy, files});
	daemon.layers.add(layerId);
	const imageArgv = [...(base.config.entrypoint ?? []), ...(base.config.cmd ?? [])];
	const config = {...base.config, env: {...base.config.env}, labels: {...container.labels}, exposedPorts: [...base.config.exposedPorts]};
	if (imageArgv.join('\0') !== container.command.join('\0')) {
		config.entrypoint = undefined;
		config.cmd = container.command;
	}
	const history = [...base.history, {createdBy, layerId, created: w.time, comment: options.message ?? ''}];
	const id = sha256Of(`image:commit:${base.id}:${layerId}:${w.time}:${container.id}`);
	const stepIds = [...(base.stepIds ?? base.history.map((_, i) => (i === base.history.length - 1 ? base.id : null))), id];
	const image: Image = {id, layers: [...base.layers, layerId], config, created: w.time, parent: base.id, history, stepIds, dockerVersion: daemon.version};
	daemon.images.set(id, image);
	if (ref && !('error' in ref)) daemon.tags.set(tagKey(ref), id);
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Committed', object: `container/${container.name}`, message: `Committed ${container.name} as ${ref && !('error' in ref) ? tagKey(ref) : shortId(id)}${options.author ? ` (author ${options.author})` : ''}`, host: hostName});
	return {ok: true, image};
}
