// kubectl create deployment | service clusterip|nodeport|loadbalancer|externalname | job | cronjob |
// role | clusterrole | rolebinding | clusterrolebinding | serviceaccount | namespace: the objects
// kubectl 1.32's generators build (k8s.io/kubectl pkg/cmd/create), field for field.
import {storeKey} from '../../../engine/k8s/resources.ts';
import {groupOf} from '../../../engine/k8s/api-catalogue.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag, flagAll} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {generatedMeta, sendGenerated, type Generated} from './dry-run.ts';
import {findResource} from './resource-names.ts';

type Built = Generated | {error: string};

const rbacGroup = 'rbac.authorization.k8s.io';

function nameOf(k: Kctx, path: string): {name: string} | {error: string} {
	const names = k.args.positional.slice(path.split(' ').length - 1);
	if (names.length !== 1) return {error: `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl ${path} -h' for help and examples`};
	return {name: names[0]!};
}

function list(k: Kctx, name: string): string[] {
	return flagAll(k.args, name).flatMap(v => v.split(',')).filter(Boolean);
}

function deployment(k: Kctx, name: string): Built {
	const images = flagAll(k.args, 'image');
	if (images.length === 0) return {error: 'error: required flag(s) "image" not set'};
	const command = k.args.afterDash;
	if (images.length > 1 && command.length) return {error: 'error: cannot specify multiple --image options and command'};
	const replicas = flag(k.args, 'replicas', 'r') ?? '1';
	if (!/^-?\d+$/.test(replicas)) return {error: `error: invalid argument "${replicas}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${replicas}": invalid syntax`};
	const port = flag(k.args, 'port');
	const containers = images.map((image, i) => {
		let container = image.split('/').pop()!.split(':')[0]!.split('@')[0]!;
		// kubectl sanitizes `.` and `_` and adds a random suffix; the simulation's suffix is fixed.
		if (/[._]/.test(container)) container = `${container.replace(/[._]/g, '-')}-x7k2p`;
		const ports = i === 0 && port !== undefined && Number(port) >= 0 ? {ports: [{containerPort: Number(port)}]} : {};
		return {name: container, image, ...(command.length ? {command} : {}), ...ports, resources: {}};
	});
	const labels = {app: name};
	return {
		ref: `deployment.apps/${name}`,
		failure: 'failed to create deployment',
		object: {
			kind: 'Deployment',
			apiVersion: 'apps/v1',
			metadata: generatedMeta(k, name, labels),
			spec: {replicas: Number(replicas), selector: {matchLabels: labels}, template: {metadata: {creationTimestamp: null, labels}, spec: {containers}}, strategy: {}},
			status: {},
		},
	};
}

function parsePort(spec: string): {port: number; targetPort: number | string} | {error: string} {
	const [first, second] = spec.split(':');
	if (!/^\d+$/.test(first!)) return {error: `error: strconv.ParseUint: parsing "${first}": invalid syntax`};
	const port = Number(first);
	if (port < 1 || port > 65535) return {error: `error: port "${first}" out of range`};
	if (second === undefined) return {port, targetPort: port};
	if (/^\d+$/.test(second)) {
		const target = Number(second);
		if (target < 1 || target > 65535) return {error: 'error: must be between 1 and 65535, inclusive'};
		return {port, targetPort: target};
	}
	if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(second) || second.length > 15 || !/[a-z]/.test(second)) return {error: 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'};
	return {port, targetPort: second};
}

const serviceTypes: Record<string, string> = {clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName'};

function service(k: Kctx, sub: string, name: string): Built {
	const type = serviceTypes[sub]!;
	const clusterIP = flag(k.args, 'clusterip');
	const externalName = flag(k.args, 'external-name');
	const tcp = list(k, 'tcp');
	if (type === 'ExternalName' && externalName === undefined) return {error: 'error: required flag(s) "external-name" not set'};
	if (clusterIP === 'None' && type !== 'ClusterIP') return {error: 'error: ClusterIP=None can only be used with ClusterIP service type'};
	if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') return {error: 'error: at least one tcp port specifier must be provided'};
	if (type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName!)) return {error: `error: invalid service external name ${externalName}`};
	const nodePort = Number(flag(k.args, 'node-port') ?? 0);
	const ports = [];
	for (const spec of tcp) {
		const parsed = parsePort(spec);
		if ('error' in parsed) return parsed;
		ports.push({name: spec.replace(/:/g, '-'), protocol: 'TCP', port: parsed.port, targetPort: parsed.targetPort, ...(nodePort ? {nodePort} : {})});
	}
	const labels = {app: name};
	return {
		ref: `service/${name}`,
		failure: `failed to create ${type} service`,
		object: {
			kind: 'Service',
			apiVersion: 'v1',
			metadata: generatedMeta(k, name, labels),
			spec: {...(ports.length ? {ports} : {}), selector: labels, ...(clusterIP ? {clusterIP} : {}), type, ...(externalName ? {externalName} : {})},
			status: {loadBalancer: {}},
		},
	};
}

function podTemplate(name: string, image: string, command: string[], restartPolicy: string): Record<string, unknown> {
	return {metadata: {creationTimestamp: null}, spec: {containers: [{name, image, ...(command.length ? {command} : {}), resources: {}}], restartPolicy}};
}

function job(k: Kctx, name: string): Built {
	const image = flag(k.args, 'image');
	const from = flag(k.args, 'from');
	if ((!image && !from) || (image && from)) return {error: 'error: either --image or --from must be specified'};
	if (from && k.args.afterDash.length) return {error: 'error: cannot specify --from and command'};
	const base = {kind: 'Job', apiVersion: 'batch/v1'};
	if (image) return {ref: `job.batch/${name}`, failure: 'failed to create job', object: {...base, metadata: generatedMeta(k, name), spec: {template: podTemplate(name, image, k.args.afterDash, 'Never')}, status: {}}};
	const [type, source] = from!.includes('/') ? from!.split('/', 2) : [from!, undefined];
	const info = findResource(type!);
	if (!info) return {error: `error: the server doesn't have a resource type "${type}"`};
	if (!source) return {error: 'error: from must be an existing cronjob'};
	const found = k.ctx.world.cluster!.store[info.resource].get(storeKey(info, namespaceOf(k), source));
	if (!found) return {error: `Error from server (NotFound): ${info.apiVersion.includes('/') ? `${info.resource}.${groupOf(info.apiVersion)}` : info.resource} "${source}" not found`};
	if (found.kind !== 'CronJob') return {error: `error: unknown object type *${info.apiVersion.split('/').pop()}.${found.kind}`};
	const template = found.spec.jobTemplate ?? {};
	const meta = generatedMeta(k, name);
	const {creationTimestamp, ...rest} = meta;
	return {
		ref: `job.batch/${name}`,
		failure: 'failed to create job',
		object: {
			...base,
			metadata: {
				...rest,
				creationTimestamp,
				...(template.metadata?.labels ? {labels: template.metadata.labels} : {}),
				annotations: {'cronjob.kubernetes.io/instantiate': 'manual', ...template.metadata?.annotations},
				ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: source, uid: found.metadata.uid, controller: true}],
			},
			spec: JSON.parse(JSON.stringify(template.spec ?? {})),
			status: {},
		},
	};
}

function cronjob(k: Kctx, name: string): Built {
	const image = flag(k.args, 'image');
	const schedule = flag(k.args, 'schedule');
	if (!image) return {error: 'error: required flag(s) "image" not set'};
	if (schedule === undefined) return {error: 'error: required flag(s) "schedule" not set'};
	const restart = flag(k.args, 'restart') || 'OnFailure';
	return {
		ref: `cronjob.batch/${name}`,
		failure: 'failed to create cronjob',
		object: {
			kind: 'CronJob',
			apiVersion: 'batch/v1',
			metadata: generatedMeta(k, name),
			spec: {schedule, jobTemplate: {metadata: {name, creationTimestamp: null}, spec: {template: podTemplate(name, image, k.args.afterDash, restart)}}},
			status: {},
		},
	};
}

const standardVerbs = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

/** PolicyRules as generateResourcePolicyRules builds them: one rule per API group, groups sorted. */
function rules(k: Kctx, kind: 'Role' | 'ClusterRole'): {rules: Record<string, unknown>[]; warnings: string} | {error: string} {
	const verbs = list(k, 'verb');
	const urls = kind === 'ClusterRole' ? list(k, 'non-resource-url') : [];
	if (verbs.length === 0) return {error: 'error: at least one verb must be specified'};
	const warnings = verbs.filter(v => !standardVerbs.includes(v)).map(v => `Warning: '${v}' is not a standard resource verb\n`).join('');
	const resources = list(k, 'resource');
	if (resources.length === 0 && urls.length === 0) return {error: 'error: at least one resource must be specified'};
	const byGroup = new Map<string, string[]>();
	for (const typed of resources) {
		const [resourceAndGroup, sub] = typed.split('/', 2) as [string, string | undefined];
		const dot = resourceAndGroup.indexOf('.');
		let resource = dot < 0 ? resourceAndGroup : resourceAndGroup.slice(0, dot);
		let group = dot < 0 ? '' : resourceAndGroup.slice(dot + 1);
		if (resource !== '*') {
			const info = findResource(group ? `${resource}.${group}` : resource);
			if (!info) return {error: `error: the server doesn't have a resource type "${resource}"`};
			resource = info.resource;
			group = groupOf(info.apiVersion);
		}
		const full = sub ? `${resource}/${sub}` : resource;
		const existing = byGroup.get(group) ?? [];
		if (!existing.includes(full)) byGroup.set(group, [...existing, full]);
	}
	const names = list(k, 'resource-name');
	const out: Record<string, unknown>[] = [...byGroup.keys()].sort().map(group => ({verbs, apiGroups: [group], resources: byGroup.get(group), ...(names.length ? {resourceNames: names} : {})}));
	if (urls.length) out.push({verbs, nonResourceURLs: urls});
	return {rules: out, warnings};
}

function role(k: Kctx, kind: 'Role' | 'ClusterRole', name: string): Built & {warnings?: string} {
	const built = rules(k, kind);
	if ('error' in built) return built;
	const meta = kind === 'Role' ? generatedMeta(k, name) : {name, creationTimestamp: null};
	return {ref: `${kind.toLowerCase()}.${rbacGroup}/${name}`, object: {kind, apiVersion: `${rbacGroup}/v1`, metadata: meta, rules: built.rules}, warnings: built.warnings};
}

function binding(k: Kctx, kind: 'RoleBinding' | 'ClusterRoleBinding', name: string): Built {
	const roleName = kind === 'RoleBinding' ? flag(k.args, 'role') : undefined;
	const clusterRole = flag(k.args, 'clusterrole');
	if (kind === 'ClusterRoleBinding' && !clusterRole) return {error: 'error: required flag(s) "clusterrole" not set'};
	if (kind === 'RoleBinding' && !!roleName === !!clusterRole) return {error: 'error: exactly one of clusterrole or role must be specified'};
	const subjects: Record<string, string>[] = [];
	for (const user of list(k, 'user')) subjects.push({kind: 'User', apiGroup: rbacGroup, name: user});
	for (const group of list(k, 'group')) subjects.push({kind: 'Group', apiGroup: rbacGroup, name: group});
	for (const account of list(k, 'serviceaccount')) {
		const parts = account.split(':');
		if (parts.length !== 2) return {error: 'error: serviceaccount must be <namespace>:<name>'};
		subjects.push({kind: 'ServiceAccount', name: parts[1]!, namespace: parts[0]!});
	}
	const meta = kind === 'RoleBinding' ? generatedMeta(k, name) : {name, creationTimestamp: null};
	return {
		ref: `${kind.toLowerCase()}.${rbacGroup}/${name}`,
		failure: `failed to create ${kind.toLowerCase()}`,
		object: {kind, apiVersion: `${rbacGroup}/v1`, metadata: meta, ...(subjects.length ? {subjects} : {}), roleRef: {apiGroup: rbacGroup, kind: roleName ? 'Role' : 'ClusterRole', name: roleName ?? clusterRole}},
	};
}

/** The subcommands this file builds, with the path kubectl's usage errors name. */
const paths: Record<string, string> = {
	deployment: 'create deployment', deploy: 'create deployment', job: 'create job', cronjob: 'create cronjob', cj: 'create cronjob',
	role: 'create role', clusterrole: 'create clusterrole', rolebinding: 'create rolebinding', clusterrolebinding: 'create clusterrolebinding',
	serviceaccount: 'create serviceaccount', sa: 'create serviceaccount', namespace: 'create namespace', ns: 'create namespace',
};

/** `kubectl create <generator> ...`, or undefined when `what` is not one of these generators. */
export function createGenerated(k: Kctx, what: string): CommandOutcome | undefined {
	if (what === 'service' || what === 'svc') {
		const sub = k.args.positional[1];
		if (!sub || !serviceTypes[sub]) return undefined;
		const named = nameOf(k, `create service ${sub}`);
		if ('error' in named) return fail(named.error);
		return send(k, service(k, sub, named.name));
	}
	const path = paths[what];
	if (!path) return undefined;
	const named = nameOf(k, path);
	if ('error' in named) return fail(named.error);
	const name = named.name;
	switch (path) {
		case 'create deployment':
			return send(k, deployment(k, name));
		case 'create job':
			return send(k, job(k, name));
		case 'create cronjob':
			return send(k, cronjob(k, name));
		case 'create role':
			return send(k, role(k, 'Role', name));
		case 'create clusterrole':
			return send(k, role(k, 'ClusterRole', name));
		case 'create rolebinding':
			return send(k, binding(k, 'RoleBinding', name));
		case 'create clusterrolebinding':
			return send(k, binding(k, 'ClusterRoleBinding', name));
		case 'create serviceaccount':
			return send(k, {ref: `serviceaccount/${name}`, failure: 'failed to create serviceaccount', object: {kind: 'ServiceAccount', apiVersion: 'v1', metadata: generatedMeta(k, name)}});
		case 'create namespace':
			return send(k, {ref: `namespace/${name}`, object: {kind: 'Namespace', apiVersion: 'v1', metadata: {name, creationTimestamp: null}, spec: {}, status: {}}});
	}
	return undefined;
}

function send(k: Kctx, built: Built & {warnings?: string}): CommandOutcome {
	if ('error' in built) return fail(built.error);
	return sendGenerated(k, built, built.warnings ?? '');
}
