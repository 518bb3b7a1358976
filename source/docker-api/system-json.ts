// GET /version and GET /info: the daemon's own description, from the same facts the built-in
// `docker version` and `docker info` print.
import {daemonId, dockerVersion} from '../engine/docker/daemon.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {apiVersion, minApiVersion} from './api-version.ts';

const buildTime = '2024-12-17T15:45:46.000000000+00:00';
const goArch = (arch: string) => (arch === 'x86_64' ? 'amd64' : arch === 'aarch64' ? 'arm64' : arch);

export function versionJson(world: World, host: string): object {
	const kernel = world.hosts.get(host)?.kernel ?? '';
	const arch = goArch(world.hosts.get(host)?.arch ?? 'x86_64');
	return {
		Platform: {Name: 'Docker Engine - Community'},
		Components: [
			{Name: 'Engine', Version: dockerVersion, Details: {ApiVersion: apiVersion, Arch: arch, BuildTime: buildTime, Experimental: 'false', GitCommit: 'c710b88', GoVersion: 'go1.22.10', KernelVersion: kernel, MinAPIVersion: minApiVersion, Os: 'linux'}},
			{Name: 'containerd', Version: '1.7.24', Details: {GitCommit: '88bf19b2105c8b17560993bee28a01ddc2f97182'}},
			{Name: 'runc', Version: '1.2.2', Details: {GitCommit: 'v1.2.2-0-g7cb3632'}},
			{Name: 'docker-init', Version: '0.19.0', Details: {GitCommit: 'de40ad0'}},
		],
		Version: dockerVersion,
		ApiVersion: apiVersion,
		MinAPIVersion: minApiVersion,
		GitCommit: 'c710b88',
		GoVersion: 'go1.22.10',
		Os: 'linux',
		Arch: arch,
		KernelVersion: kernel,
		BuildTime: buildTime,
	};
}

export function infoJson(world: World, host: string, daemon: DockerDaemon): object {
	const machine = world.hosts.get(host)!;
	const containers = [...daemon.containers.values()];
	const count = (state: string) => containers.filter(c => c.state === state).length;
	return {
		ID: daemonId(host),
		Containers: containers.length,
		ContainersRunning: count('running'),
		ContainersPaused: count('paused'),
		ContainersStopped: count('exited') + count('created'),
		Images: [...daemon.images.values()].filter(i => !i.intermediate).length,
		Driver: 'overlay2',
		DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
		Plugins: {Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog']},
		MemoryLimit: true,
		SwapLimit: true,
		CpuCfsPeriod: true,
		CpuCfsQuota: true,
		KernelMemoryTCP: false,
		OomKillDisable: false,
		IPv4Forwarding: true,
		Debug: false,
		NFd: 24,
		NGoroutines: 42,
		LoggingDriver: 'json-file',
		CgroupDriver: 'systemd',
		CgroupVersion: '2',
		KernelVersion: machine.kernel,
		OperatingSystem: machine.os,
		OSVersion: machine.os.match(/\d+(\.\d+)*/)?.[0] ?? '',
		OSType: 'linux',
		Architecture: machine.arch,
		IndexServerAddress: 'https://index.docker.io/v1/',
		RegistryConfig: {IndexConfigs: {'docker.io': {Name: 'docker.io', Mirrors: [], Secure: true, Official: true}}, InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], Mirrors: null},
		NCPU: machine.cpus,
		MemTotal: machine.memoryBytes,
		DockerRootDir: '/var/lib/docker',
		Name: machine.name,
		Labels: [],
		ExperimentalBuild: false,
		ServerVersion: dockerVersion,
		Runtimes: {'io.containerd.runc.v2': {path: 'runc'}, runc: {path: 'runc'}},
		DefaultRuntime: 'runc',
		Swarm: {NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null},
		LiveRestoreEnabled: false,
		Isolation: '',
		InitBinary: 'docker-init',
		ContainerdCommit: {ID: '88bf19b2105c8b17560993bee28a01ddc2f97182'},
		RuncCommit: {ID: 'v1.2.2-0-g7cb3632'},
		InitCommit: {ID: 'de40ad0'},
		SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
		Warnings: null,
	};
}
