// A check is data: one key naming what to look at (pod, process, file, command...) plus the
// combinators all / any / not. Authors write them in chapter.yaml; one checker evaluates them.
import {z} from 'zod';
import {networkAndLimitsLeafSchemas} from './network-and-limits-leaves.ts';

/** A number, or a range: `3`, `{atLeast: 2}`, `{atMost: 0}`. */
export const countSchema = z.union([
	z.number().int().min(0),
	z
		.object({atLeast: z.number().int().min(0).optional(), atMost: z.number().int().min(0).optional(), equals: z.number().int().min(0).optional()})
		.strict()
		.refine(v => v.atLeast !== undefined || v.atMost !== undefined || v.equals !== undefined, 'give atLeast, atMost or equals'),
]);
export type CountMatch = z.infer<typeof countSchema>;

const name = z.string().min(1);
const labels = z.record(z.string(), z.string());
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const namespaceKindSchema = z.enum(['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time']);

export const leafSchemas = {
	/** A Kubernetes object exists, optionally with fields (dot paths: `spec.replicas: 3`). */
	object: z.object({resource: name, name, namespace: z.string().optional(), fields: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional()}).strict(),
	/** A pod (by name or label selector) with a phase, node, container count, restart count... */
	pod: z
		.object({
			name: z.string().optional(),
			selector: labels.optional(),
			namespace: z.string().optional(),
			phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']).optional(),
			node: z.string().optional(),
			containers: z.number().int().min(0).optional(),
			ready: z.boolean().optional(),
			restarts: countSchema.optional(),
			waiting: z.string().optional(), // a container waits with this reason: ImagePullBackOff, CrashLoopBackOff
		})
		.strict()
		.refine(v => v.name !== undefined || v.selector !== undefined, 'give the pod a name or a selector'),
	/** How many objects of a resource match a selector (and, for pods, a phase). */
	count: z.object({resource: name, selector: labels.optional(), namespace: z.string().optional(), phase: z.string().optional(), is: countSchema}).strict(),
	/** A node is there, Ready or not. */
	node: z.object({name, ready: z.boolean().optional()}).strict(),
	/** A control-plane component runs (or is stopped). */
	component: z.object({name: z.enum(['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']), running: z.boolean()}).strict(),
	/** A process whose command line contains `command`, optionally in namespaces of its own. */
	process: z
		.object({
			host: z.string().optional(),
			command: name,
			ownNamespaces: z.array(namespaceKindSchema).optional(), // not the host's initial ones
			pidInside: z.number().int().min(1).optional(), // its pid as seen inside its own pid namespace
			cgroup: z.string().optional(),
			count: countSchema.optional(),
		})
		.strict(),
	/** A cgroup's settings and counters. */
	cgroup: z
		.object({
			host: z.string().optional(),
			path: name,
			memoryMax: z.union([z.number().int(), z.literal('max')]).optional(),
			cpuQuota: z.union([z.number().int(), z.literal('max')]).optional(),
			pidsMax: z.union([z.number().int(), z.literal('max')]).optional(),
			oomKills: countSchema.optional(),
			processes: countSchema.optional(),
		})
		.strict(),
	/** A hostname as seen from a UTS namespace: the host's own, or one of its own. */
	hostname: z.object({host: z.string().optional(), is: name, where: z.enum(['host', 'own-namespace']).default('own-namespace')}).strict(),
	/** A file's content, on a host or inside a Docker container's filesystem. */
	file: z
		.object({
			host: z.string().optional(),
			container: z.string().optional(),
			path: name,
			exists: z.boolean().optional(),
			contains: z.string().optional(),
			equals: z.string().optional(),
		})
		.strict(),
	/** A Docker container (by name or image) exists, runs, or exited; `logsContain`: its app logged this (a request reached it, however it was sent). */
	container: z
		.object({host: z.string().optional(), name: z.string().optional(), image: z.string().optional(), state: z.enum(['exists', 'running', 'exited', 'created', 'paused']).default('exists'), logsContain: z.string().min(1).optional()})
		.strict()
		.refine(v => v.name !== undefined || v.image !== undefined, 'give the container a name or an image'),
	/** An image is on a Docker host (or in the registry with `registry: true`). */
	image: z.object({host: z.string().optional(), ref: name, registry: z.boolean().optional()}).strict(),
	/** Two or more images share layers. */
	layers: z.object({host: z.string().optional(), images: z.array(name).min(2), shared: countSchema.default({atLeast: 1})}).strict(),
	/** An event was recorded since the step began. */
	event: z
		.object({reason: z.string().optional(), component: z.string().optional(), object: z.string().optional(), message: z.string().optional(), type: z.enum(['Normal', 'Warning']).optional()})
		.strict()
		.refine(v => Object.values(v).some(x => x !== undefined), 'say which event: reason, component, object or message'),
	/** At least this much virtual time passed since the step began, however it passed. */
	elapsed: z.object({seconds: z.number().int().min(1)}).strict(),
	/** The learner typed a command since the step began: words in order (`docker build`) or a /regex/. */
	/** `typedIn`: only lines typed in a shell with these namespaces of its own (ip link inside `unshare --net bash`). */
	command: z.object({used: name, succeeded: z.boolean().optional(), typedIn: z.array(namespaceKindSchema).optional()}).strict(),
	/** Where the learner's shell is: inside a container, an unshare, an ssh session... */
	shell: z.object({host: z.string().optional(), inside: z.enum(['login', 'ssh', 'unshare', 'nsenter', 'container', 'pod', 'netns']).optional()}).strict(),
	...networkAndLimitsLeafSchemas,
} as const;

export type LeafKind = keyof typeof leafSchemas;
export const leafKinds = Object.keys(leafSchemas) as LeafKind[];

export type LeafCheck = {[K in LeafKind]: {kind: K; spec: z.infer<(typeof leafSchemas)[K]>; label?: string}}[LeafKind];
export type Check = LeafCheck | {kind: 'all' | 'any'; checks: Check[]; label?: string} | {kind: 'not'; check: Check; label?: string};

const combinatorKinds = ['all', 'any', 'not'] as const;
const allKinds = [...leafKinds, ...combinatorKinds] as string[];

/**
 * The YAML shape `{pod: {...}, label: ...}` parsed into `{kind: 'pod', spec, label}`. Written by
 * hand rather than a zod union so an error points into the one kind the author meant.
 */
export const checkSchema: z.ZodType<Check> = z.lazy(() =>
	z
		.record(z.string(), z.unknown())
		.superRefine((value, ctx) => {
			const kinds = Object.keys(value).filter(k => k !== 'label');
			const unknown = kinds.filter(k => !allKinds.includes(k));
			for (const k of unknown) ctx.addIssue({code: 'custom', path: [k], message: `unknown check "${k}"; known: ${allKinds.join(', ')}`});
			if (unknown.length > 0) return;
			if (kinds.length !== 1) {
				ctx.addIssue({code: 'custom', message: kinds.length === 0 ? 'a check needs one kind, e.g. pod, file or command' : `one kind per check (found ${kinds.join(', ')}); combine them with all: [...]`});
				return;
			}
			if (value.label !== undefined && typeof value.label !== 'string') ctx.addIssue({code: 'custom', path: ['label'], message: 'label must be a string'});
			const kind = kinds[0]!;
			const inner = kind === 'not' ? checkSchema : kind === 'all' || kind === 'any' ? z.array(checkSchema).min(1) : leafSchemas[kind as LeafKind];
			const result = inner.safeParse(value[kind]);
			if (!result.success) for (const issue of result.error.issues) ctx.addIssue({...issue, path: [kind, ...issue.path]} as never);
		})
		.transform((value): Check => {
			try {
				return toCheck(value);
			} catch {
				return {kind: 'all', checks: []}; // the refinement above has already reported why
			}
		}),
);

function toCheck(value: Record<string, unknown>): Check {
	const kind = Object.keys(value).find(k => k !== 'label')!;
	const label = value.label as string | undefined;
	if (kind === 'not') return {kind, check: checkSchema.parse(value[kind]), label};
	if (kind === 'all' || kind === 'any') return {kind, checks: z.array(checkSchema).parse(value[kind]), label};
	return {kind, spec: leafSchemas[kind as LeafKind].parse(value[kind]), label} as LeafCheck;
}
