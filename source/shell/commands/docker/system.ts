// docker version / info / system df
import {daemonId, dockerVersion} from '../../../engine/docker/daemon.ts';
import {imageSize} from '../../../engine/docker/images.ts';
import {containerChanges} from '../../../engine/docker/runtime.ts';
import {humanDuration, humanSize} from '../../../engine/docker/units.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {ok, table, usageError} from './format.ts';
import {dockerFlags, flagSet, flagValue, parseFlags} from './flags.ts';
import {statusText} from './containers.ts';
import {goTimeString} from './go-format.ts';
import {formatDfSummary, formatDfVerbose} from './system-df-format.ts';
import {lookupFile} from '../../../engine/host/filesystem.ts';
import {bytesSize, dockerPrune} from './more.ts';
import {ago} from './images.ts';
import {volumeFsId, volumeUsers} from '../../../engine/docker/volumes.ts';

export function dockerVersionText(): CommandOutcome {
	return ok(`Client: Docker Engine - Community
 Version:           ${dockerVersion}
 API version:       1.47
 Go version:        go1.22.10
 Git commit:        b9d17ea
 Built:             Tue Dec 17 15:45:46 2024
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          ${dockerVersion}
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.10
  Git commit:       c710b88
  Built:            Tue Dec 17 15:45:46 2024
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.24
  GitCommit:        88bf19b2105c8b17560993bee28a01ddc2f97182
 runc:
  Version:          1.2.2
  GitCommit:        v1.2.2-0-g7cb3632
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`);
}

export function dockerInfo(_args: string[], call: DockerCall): CommandOutcome {
	const host = call.world.hosts.get(call.host)!;
	const containers = [...call.daemon.containers.values()];
	const count = (state: string) => containers.filter(c => c.state === state).length;
	const images = [...call.daemon.images.values()].filter(i => !i.intermediate).length;
	// The lines and their order as the docker CLI 28 prints a 27.4 daemon's /info (checked through --docker-api).
	return ok(`Client: Docker Engine - Community
 Version:    ${dockerVersion}
 Context:    default
 Debug Mode: false

Server:
 Containers: ${containers.length}
  Running: ${count('running')}
  Paused: ${count('paused')}
  Stopped: ${count('exited') + count('created')}
 Images: ${images}
 Server Version: ${dockerVersion}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 88bf19b2105c8b17560993bee28a01ddc2f97182
 runc version: v1.2.2-0-g7cb3632
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${host.kernel}
 Operating System: ${host.os}
 OSType: linux
 Architecture: ${host.arch}
 CPUs: ${host.cpus}
 Total Memory: ${bytesSize(host.memoryBytes)}
 Name: ${host.name}
 ID: ${daemonId(host.name)}
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
${call.daemon.loggedIn ? ` Username: ${call.daemon.loggedIn}\n` : ''} Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false
`);
}

export function dockerSystem(args: string[], call: DockerCall): CommandOutcome {
	const [sub, ...rest] = args;
	if (sub === 'info') return dockerInfo(rest, call);
	if (sub !== 'df') {
		if (sub === 'prune') return dockerPrune('system', rest, call);
		if (sub === 'events' || sub === 'dial-stdio') return ok('', {stderr: `[simulator] docker system ${sub} is accepted, not simulated here\n`});
		return usageError(sub ? `docker: unknown command: docker system ${sub}` : `Usage:  docker system COMMAND`, 'system');
	}
	const parsed = parseFlags(rest, dockerFlags('system df'));
	if (!parsed.ok) return usageError(parsed.error, 'system df');
	const world = call.world;
	const images = [...call.daemon.images.values()].filter(i => !i.intermediate);
	const usedImages = new Set([...call.daemon.containers.values()].map(c => c.image));
	const layerSize = (id: string) => world.layers.get(id)?.sizeBytes ?? 0;
	const allLayers = [...call.daemon.layers];
	const total = allLayers.reduce((s, id) => s + layerSize(id), 0);
	const activeLayers = new Set<string>();
	for (const image of images) if (usedImages.has(image.id)) for (const l of image.layers) activeLayers.add(l);
	const reclaimableImages = allLayers.filter(l => !activeLayers.has(l)).reduce((s, id) => s + layerSize(id), 0);
	const containers = [...call.daemon.containers.values()];
	const upperSize = (c: (typeof containers)[number]) => {
		const fs = world.hosts.get(call.host)?.filesystems.get(c.rootfs);
		if (!fs || fs.kind !== 'overlay') return 0;
		let size = 0;
		for (const change of containerChanges(world, call.host, c)) {
			const found = change.kind === 'D' ? undefined : lookupFile(world, fs, change.path);
			if (found?.node.type === 'file') size += found.node.content.length;
		}
		return size;
	};
	const containerTotal = containers.reduce((s, c) => s + upperSize(c), 0);
	const stoppedSize = containers.filter(c => c.state !== 'running').reduce((s, c) => s + upperSize(c), 0);
	const volumes = [...(call.daemon.volumes?.values() ?? [])];
	const volumeSize = (name: string) => {
		const fs = world.hosts.get(call.host)?.filesystems.get(volumeFsId(name));
		return fs?.kind === 'plain' ? [...fs.files.values()].reduce((sum, node) => sum + (node.type === 'file' ? node.content.length : 0), 0) : 0;
	};
	const activeVolumes = volumes.filter(v => volumeUsers(call.daemon, v.name).length > 0);
	const volumesTotal = volumes.reduce((sum, v) => sum + volumeSize(v.name), 0);
	const activeVolumesSize = activeVolumes.reduce((sum, v) => sum + volumeSize(v.name), 0);
	// (reclaimable*100)/totalSize: Go's integer division.
	const pct = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.floor((part * 100) / whole)}%`);
	const format = flagValue(parsed.flags, '--format');
	const formatted = format !== undefined && format !== 'table';
	if (flagSet(parsed.flags, '-v')) {
		const shared = (image: (typeof images)[number]) => image.layers.filter(l => images.some(o => o.id !== image.id && o.layers.includes(l))).reduce((s, l) => s + layerSize(l), 0);
		if (formatted) return formatDfVerbose(format, {
			Images: images.map(i => {
				const tag = [...call.daemon.tags].find(([, id]) => id === i.id)?.[0];
				const size = imageSize(world, i);
				const sh = shared(i);
				return {ID: i.id, Repository: tag ? tag.slice(0, tag.lastIndexOf(':')) : '<none>', Tag: tag ? tag.slice(tag.lastIndexOf(':') + 1) : '<none>', Digest: '', CreatedSince: ago(world.time, i.created), CreatedAt: goTimeString(i.created), Size: humanSize(size), VirtualSize: humanSize(size, 4), SharedSize: humanSize(sh, 4), UniqueSize: humanSize(size - sh, 4), Containers: String(containers.filter(c => c.image === i.id).length)};
			}),
			Containers: containers.map(c => ({ID: c.id, Names: c.name, Image: c.imageRef, Command: JSON.stringify(c.command.join(' ')), CreatedAt: goTimeString(c.created), RunningFor: ago(world.time, c.created), Platform: null, Ports: '', State: c.state, Status: statusText(c, world.time), Size: humanSize(upperSize(c)), Labels: Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).sort().join(','), Mounts: '', LocalVolumes: '0', Networks: ''})),
			Volumes: volumes.map(v => ({Name: v.name, Driver: v.driver, Scope: 'local', Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`, Labels: Object.entries(v.labels).map(([k, val]) => `${k}=${val}`).join(','), Links: String(volumeUsers(call.daemon, v.name).length), Size: humanSize(volumeSize(v.name), 4), Group: 'N/A', Availability: 'N/A', Status: 'N/A'})),
			BuildCache: [],
		});
		const rows = images.map(i => {
			const tag = [...call.daemon.tags].find(([, id]) => id === i.id)?.[0] ?? '<none>:<none>';
			const size = imageSize(world, i);
			const sh = shared(i);
			return [tag.slice(0, tag.lastIndexOf(':')), tag.slice(tag.lastIndexOf(':') + 1), i.id.slice(7, 19), ago(world.time, i.created), humanSize(size), humanSize(sh), humanSize(size - sh), String(containers.filter(c => c.image === i.id).length)];
		});
		const now = world.time;
		const containerRows = containers.map(c => [c.id.slice(0, 12), c.imageRef, JSON.stringify(c.command.join(' ').length > 20 ? [...c.command.join(' ')].slice(0, 19).join('') + '…' : c.command.join(' ')), '0', humanSize(upperSize(c)), `${humanDuration(now - c.created)} ago`, c.state === 'running' ? `Up ${humanDuration(now - (c.startedAt ?? now))}` : c.state === 'exited' ? `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago` : c.state === 'created' ? 'Created' : c.state, c.name]);
		return ok(
			'Images space usage:\n\n' +
				table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'], ...rows]) +
				'\nContainers space usage:\n\n' +
				table([['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'], ...containerRows]) +
				'\nLocal Volumes space usage:\n\n' +
				table([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes.map(v => [v.name, String(volumeUsers(call.daemon, v.name).length), humanSize(volumeSize(v.name))])]) +
				'\nBuild cache usage: 0B\n\n' +
				table([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']]),
		);
	}
	const summary = [
		['Images', String(images.length), String(images.filter(i => usedImages.has(i.id)).length), humanSize(total), total > 0 ? `${humanSize(reclaimableImages)} (${pct(reclaimableImages, total)})` : humanSize(reclaimableImages)],
		['Containers', String(containers.length), String(containers.filter(c => c.state === 'running').length), humanSize(containerTotal), containerTotal > 0 ? `${humanSize(stoppedSize)} (${pct(stoppedSize, containerTotal)})` : humanSize(stoppedSize)],
		// The CLI adds the percentage only when the volumes hold something (formatter/disk_usage.go).
		['Local Volumes', String(volumes.length), String(activeVolumes.length), humanSize(volumesTotal), volumesTotal > 0 ? `${humanSize(volumesTotal - activeVolumesSize)} (${pct(volumesTotal - activeVolumesSize, volumesTotal)})` : humanSize(0)],
		['Build Cache', '0', '0', '0B', '0B'],
	];
	if (formatted) return formatDfSummary(format, summary.map(([Type, TotalCount, Active, Size, Reclaimable]) => ({Type: Type!, TotalCount: TotalCount!, Active: Active!, Size: Size!, Reclaimable: Reclaimable!})));
	return ok(table([['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], ...summary]));
}
