// Docker's world: content-addressed layers, images, the registry, and each host's daemon.
import type {FileNode} from '../host/types.ts';

export type Layer = {
	id: string; // "sha256:<64 hex>" content digest
	sizeBytes: number;
	createdBy: string; // the instruction that made it, as `docker history` prints
	files: Map<string, FileNode>; // what this layer adds or changes (whiteouts delete)
};

/**
 * How a simulated app answers HTTP, inferred from the image (see apps.ts): the response body is a
 * list of parts, literal text or a value known only at request time (the container's hostname,
 * the client's address), so one image gives each container its own answer.
 */
export type ResponsePart = {text: string} | {value: 'hostname' | 'remoteAddress'};

export type AppProfile = {
	name: string; // "kubia", "nginx", "node-http"
	port: number;
	body: ResponsePart[];
	startupLog: ResponsePart[][]; // lines printed when the app starts
	requestLog: ResponsePart[][]; // lines printed per request
	memoryBytes: number;
	handlesSigterm: boolean; // false: `docker stop` waits 10 s and kills it (exit 137), as with node as PID 1
	failsAfterRequests?: number; // answers 500 from the request after this many (the book's kubia-unhealthy)
};

export type ImageConfig = {
	entrypoint?: string[];
	cmd?: string[];
	env: Record<string, string>;
	workdir: string;
	exposedPorts: string[]; // "8080/tcp"
	volumes?: string[]; // VOLUME paths: each container gets an anonymous volume there unless -v mounts one
	user?: string;
	labels: Record<string, string>;
	app?: string; // which simulated app the image runs (kubia, nginx, shell...)
	appProfile?: AppProfile;
	arch: string;
	os?: string;
	minKernel?: string;
	shell?: string[]; // the shell form's shell, ["/bin/sh", "-c"]
};

export type HistoryEntry = {createdBy: string; layerId?: string; created: number; comment?: string};

export type Image = {
	id: string; // "sha256:<64 hex>" config digest
	layers: string[]; // layer ids, bottom first
	config: ImageConfig;
	created: number; // virtual ms (negative: before the simulation started)
	parent?: string;
	history: HistoryEntry[];
	intermediate?: boolean; // a build step's image: hidden from `docker images`, used by the build cache
	stepIds?: (string | null)[]; // per history entry: the image id `docker history` shows, or null for <missing>
	dockerVersion?: string;
};

export type Repository = {
	name: string; // "luksa/kubia", "library/node"
	tags: Record<string, string>; // tag -> image id
	manifests?: Record<string, string>; // tag -> manifest digest "sha256:..."
};

export type Registry = {
	host: string; // "docker.io"
	repositories: Map<string, Repository>;
	images: Map<string, Image>;
	layers: Set<string>; // layer ids the registry stores
	/** Users who may push to a namespace: `docker login` adds the learner's. */
	accounts?: Set<string>;
};

export type RestartPolicy = {name: 'no' | 'always' | 'unless-stopped' | 'on-failure'; maxRetries: number};

export type PortBinding = {hostIp: string; hostPort: number; containerPort: number; protocol: 'tcp' | 'udp'};

export type Container = {
	id: string; // 64 hex
	name: string;
	image: string; // image id
	imageRef: string; // what the user typed, e.g. "kubia" or "nginx:1.27"
	command: string[];
	created: number;
	startedAt?: number;
	finishedAt?: number;
	state: 'created' | 'running' | 'exited' | 'paused' | 'restarting';
	exitCode: number;
	oomKilled?: boolean;
	pid?: number; // host pid of its main process
	shimPid?: number; // host pid of its containerd-shim
	rootfs: string; // filesystem id (an overlay over the image's layers)
	ports: PortBinding[];
	env: Record<string, string>;
	memoryLimit?: number;
	cpus?: number;
	cgroup: string;
	autoRemove: boolean;
	logs: string[];
	requestsServed?: number; // HTTP requests its app has answered (an app that fails after N counts them)
	hostname: string;
	labels: Record<string, string>;
	ipAddress?: string; // on the docker0 bridge while running
	hostVeth?: string; // the host end of its veth pair while running
	joinedNamespacesOf?: number; // host pid whose net/uts/ipc namespaces it shares (a pod's pause container)
	namespaceModes?: Partial<Record<'net' | 'pid' | 'uts' | 'ipc', string>>; // "host", "container:NAME", "none" (net)
	tty?: boolean;
	interactive?: boolean;
	restartCount: number;
	restartPolicy?: RestartPolicy;
	manuallyStopped?: boolean; // docker stop/kill: a restart policy leaves it stopped
	restartAt?: number; // virtual ms when dockerd restarts it (back-off: 100 ms, doubling)
	restartDelayMs?: number; // the back-off used last (moby's restartmanager timeout)
	workdir: string;
	user?: string;
	/** User-defined networks it is attached to (`--network NAME`, `docker network connect`); none: the default bridge. */
	networks?: string[];
	networkAddresses?: Record<string, string>; // its address on each user network while running
	networkVeths?: Record<string, string>; // the host end of its veth on each user network while running
	networkAliases?: Record<string, string[]>; // --network-alias, per network
	/** -v: named or anonymous volumes and bind-mounted host directories. */
	mounts?: {type: 'volume' | 'bind'; name?: string; source: string; destination: string; readOnly: boolean}[];
};

export type DockerDaemon = {
	host: string;
	images: Map<string, Image>; // by image id
	tags: Map<string, string>; // "repo:tag" -> image id
	layers: Set<string>; // layer ids present on this host
	containers: Map<string, Container>;
	buildCache: Map<string, string>; // cache key -> image id
	loggedIn?: string; // `docker login` user
	volumes?: Map<string, Volume>; // docker volume create, -v NAME:/path
	networks?: Map<string, DockerNetwork>; // docker network create, by id

	version?: string;
};

/** A named or anonymous volume (`docker volume create`, `-v NAME:/path`); its files live in a filesystem of its own (volumes.ts). */
export type Volume = {name: string; driver: 'local'; created: number; labels: Record<string, string>; anonymous?: boolean};

/** A user-defined bridge network (`docker network create`). */
export type DockerNetwork = {
	id: string; // 64 hex
	name: string;
	driver: 'bridge';
	subnet: string; // "172.18.0.0/16"
	gateway: string; // "172.18.0.1"
	bridge: string; // the Linux bridge, "br-<12 hex>"
	created: number;
};
