// Docker's world: content-addressed layers, images, the registry, and each host's daemon.
import type {FileNode} from '../host/types.ts';

export type Layer = {
	id: string; // "sha256:<64 hex>" content digest
	sizeBytes: number;
	createdBy: string; // the instruction that made it, as `docker history` prints
	files: Map<string, FileNode>; // what this layer adds or changes (whiteouts delete)
};

export type ImageConfig = {
	entrypoint?: string[];
	cmd?: string[];
	env: Record<string, string>;
	workdir: string;
	exposedPorts: string[]; // "8080/tcp"
	user?: string;
	labels: Record<string, string>;
	app?: string; // which simulated app the image runs (kubia, nginx, shell...)
	arch: string;
	minKernel?: string;
};

export type Image = {
	id: string; // "sha256:<64 hex>" config digest
	layers: string[]; // layer ids, bottom first
	config: ImageConfig;
	created: number; // virtual ms (negative: before the simulation started)
	parent?: string;
	history: {createdBy: string; layerId?: string; created: number}[];
};

export type Repository = {
	name: string; // "luksa/kubia", "library/node"
	tags: Record<string, string>; // tag -> image id
};

export type Registry = {
	host: string; // "docker.io"
	repositories: Map<string, Repository>;
	images: Map<string, Image>;
	layers: Set<string>; // layer ids the registry stores
};

export type Container = {
	id: string; // 64 hex
	name: string;
	image: string; // image id
	imageRef: string; // what the user typed, e.g. "kubia" or "nginx:1.27"
	command: string[];
	created: number;
	startedAt?: number;
	finishedAt?: number;
	state: 'created' | 'running' | 'exited' | 'paused';
	exitCode: number;
	pid?: number; // host pid of its main process
	rootfs: string; // filesystem id (an overlay over the image's layers)
	ports: {hostIp: string; hostPort: number; containerPort: number; protocol: 'tcp' | 'udp'}[];
	env: Record<string, string>;
	memoryLimit?: number;
	cpus?: number;
	cgroup: string;
	autoRemove: boolean;
	logs: string[];
	hostname: string;
	labels: Record<string, string>;
};

export type DockerDaemon = {
	host: string;
	images: Map<string, Image>; // by image id
	tags: Map<string, string>; // "repo:tag" -> image id
	layers: Set<string>; // layer ids present on this host
	containers: Map<string, Container>;
	buildCache: Map<string, string>; // cache key -> image id
};
