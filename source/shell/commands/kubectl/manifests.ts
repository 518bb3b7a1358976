// Reading manifests as kubectl does: -f FILE, DIR or - (stdin), multi-document YAML or JSON,
// with kubectl's errors for broken YAML, a missing kind and unknown fields (strict decoding).
import {parseAllDocuments} from 'yaml';
import {base64Error} from '../../../engine/k8s/config-objects.ts';
import {fieldsIn, isFields, type Fields, type ObjectInput} from '../../../engine/k8s/object-input.ts';
import {startFolderPath} from '../../learner-files.ts';
import {listPath, pathKind, readPath} from '../../paths.ts';
import {readDisk} from '../../read-disk.ts';
import {typeMismatch} from './decode-types.ts';
import {goYamlMaxDepth, parsedMaxDepth, yamlDepth} from './yaml-depth.ts';
import type {CommandContext} from '../../types.ts';

/** The most manifest text read from one folder of the learner's disk. */
const realManifestsLimit = 8 * 1024 * 1024;

export type Manifest = {object: ObjectInput; source: string};

function readSource(ctx: CommandContext, path: string): {files: {name: string; content: string}[]} | {error: string} {
	if (path === '-') return {files: [{name: 'STDIN', content: ctx.stdin}]};
	const simKind = pathKind(ctx.world, ctx.frame, path);
	if (simKind === 'file') {
		const read = readPath(ctx.world, ctx.frame, path);
		if ('content' in read) return {files: [{name: path, content: read.content}]};
	}
	if (simKind === 'dir') {
		const names = (listPath(ctx.world, ctx.frame, path) ?? []).filter(n => /\.(ya?ml|json)$/.test(n));
		return {files: names.map(n => ({name: `${path.replace(/\/$/, '')}/${n}`, content: (readPath(ctx.world, ctx.frame, `${path}/${n}`) as {content: string}).content ?? ''}))};
	}
	// Not in the simulated host: the folder the tutor started in, from the learner's own shell at home (learner-files.ts).
	const real = startFolderPath(ctx.frame, path, {absolute: true});
	if (real === undefined) return {error: `error: the path "${path}" does not exist`};
	const read = readDisk(ctx.disk, real || '.');
	if (read.ok) return {files: [{name: path, content: read.content}]};
	if (read.problem === 'directory') {
		const dir = path.replace(/\/$/, '');
		const realDir = real.replace(/\/$/, '');
		const files: {name: string; content: string}[] = [];
		let total = 0;
		for (const n of ctx.disk.listDirectory(real || '.').filter(n => /\.(ya?ml|json)$/.test(n))) {
			const file = readDisk(ctx.disk, realDir ? `${realDir}/${n}` : n);
			if (!file.ok) return {error: readError(`${dir}/${n}`, file.problem === 'unreadable' ? `open ${dir}/${n}: ${file.message}` : `[simulator] ${file.message}`)};
			total += file.content.length;
			if (total > realManifestsLimit) return {error: readError(path, `[simulator] the folder holds more than ${realManifestsLimit / 1024 / 1024} MiB of manifests, the most k8s-tutor reads at once`)};
			files.push({name: `${dir}/${n}`, content: file.content});
		}
		return {files};
	}
	if (read.problem === 'missing') return {error: `error: the path "${path}" does not exist`};
	return {error: readError(path, read.problem === 'unreadable' ? `open ${path}: ${read.message}` : `[simulator] ${read.message}`)};
}

/** A `__proto__:` key in a manifest becomes an own property that later spreads and clones trip on; no Kubernetes field has that name. */
function dropPrototypeKeys(value: unknown): void {
	if (!value || typeof value !== 'object') return;
	if (Object.hasOwn(value, '__proto__')) delete (value as Record<string, unknown>)['__proto__'];
	for (const child of Object.values(value)) dropPrototypeKeys(child);
}

/** kubectl's wording when a path exists but cannot be read as manifests. */
function readError(path: string, why: string): string {
	return `error: error reading [${path}]: ${why}`;
}

/** go-yaml's wording for the kinds of error the yaml package reports. */
export function goYamlMessage(code: string, message: string): string {
	if (/tab/i.test(message)) return 'found character that cannot start any token';
	switch (code) {
		case 'BAD_INDENT':
		case 'MULTILINE_IMPLICIT_KEY':
		case 'NESTED_MAPPING':
		case 'BLOCK_AS_IMPLICIT_KEY':
			return 'mapping values are not allowed in this context';
		case 'MISSING_CHAR':
			return "did not find expected ',' or ']'";
		case 'DUPLICATE_KEY':
			return 'mapping key already defined';
		case 'UNEXPECTED_TOKEN':
			return 'did not find expected key';
		default:
			return 'did not find expected key';
	}
}

/**
 * The line go-yaml names: the yaml package points at the node it could not place, go-yaml at the
 * `:` it did not expect (for `name: x` followed by a wrongly indented `labels: a`, the labels line).
 */
function goYamlLine(content: string, offset: number, message: string): number {
	let at = offset;
	if (message === 'mapping values are not allowed in this context') {
		const colon = content.slice(offset).search(/:(\s|$)/);
		if (colon >= 0) at = offset + colon;
	}
	return content.slice(0, at).split('\n').length;
}

/** The documents of a manifest (a List's items in its place), each as it was written: loadManifests checks them. */
export function parseManifestText(name: string, content: string): {objects: unknown[]} | {error: string} {
	const depth = yamlDepth(content);
	if (depth > goYamlMaxDepth) return {error: `error: error parsing ${name}: error converting YAML to JSON: yaml: exceeded max depth of ${goYamlMaxDepth}`};
	if (depth > parsedMaxDepth) return {error: `error: error parsing ${name}: [simulator] the YAML nests ${depth} levels deep; k8s-tutor reads up to ${parsedMaxDepth} (kubectl reads up to ${goYamlMaxDepth})`};
	const docs = parseAllDocuments(content, {prettyErrors: false, uniqueKeys: true});
	const list = Array.isArray(docs) ? docs : [docs];
	const objects: unknown[] = [];
	for (const doc of list) {
		const error = doc.errors[0];
		if (error) {
			const message = goYamlMessage(error.code, error.message);
			const line = goYamlLine(content, error.pos[0], message);
			const what = error.code === 'DUPLICATE_KEY' ? `yaml: unmarshal errors:\n  line ${line}: mapping key already defined` : `yaml: line ${line}: ${message}`;
			return {error: `error: error parsing ${name}: error converting YAML to JSON: ${what}`};
		}
		let value: unknown;
		try {
			value = doc.toJS();
		} catch (error) {
			// The yaml package refuses an alias bomb ("Excessive alias count"), as go-yaml does.
			const why = /alias/i.test((error as Error).message) ? 'document contains excessive aliasing' : `line 1: ${(error as Error).message}`;
			return {error: `error: error parsing ${name}: error converting YAML to JSON: yaml: ${why}`};
		}
		if (value === null || value === undefined) continue;
		dropPrototypeKeys(value);
		if (typeof value !== 'object' || Array.isArray(value)) return {error: `error: error parsing ${name}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : 'string'} into Go value of type map[string]interface {}`};
		const found = value as Fields; // an object: checked above
		if (found.kind === 'List' && Array.isArray(found.items)) objects.push(...found.items);
		else objects.push(found);
	}
	return {objects};
}

/** Every object the -f arguments name, in order, or kubectl's error. */
export function loadManifests(ctx: CommandContext, paths: string[]): {manifests: Manifest[]} | {error: string} {
	const manifests: Manifest[] = [];
	for (const path of paths) {
		const read = readSource(ctx, path);
		if ('error' in read) return read;
		for (const file of read.files) {
			const parsed = parseManifestText(file.name, file.content);
			if ('error' in parsed) return parsed;
			for (const item of parsed.objects) {
				const object: Fields = isFields(item) ? item : {}; // (a List item that is null, a number or a list has neither field)
				if (!object.apiVersion) return {error: `error: error validating "${file.name}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`};
				if (!object.kind) return {error: `error: error validating "${file.name}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`};
				object.metadata ??= {};
				manifests.push({object: object as ObjectInput, source: file.name}); // apiVersion, kind and metadata are there
			}
		}
	}
	if (manifests.length === 0) return {error: 'error: no objects passed to apply'};
	return {manifests};
}

const metaFields = ['name', 'generateName', 'namespace', 'labels', 'annotations', 'uid', 'resourceVersion', 'creationTimestamp', 'ownerReferences', 'finalizers', 'generation', 'managedFields', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'];
const containerFields = ['name', 'image', 'command', 'args', 'ports', 'env', 'envFrom', 'resources', 'imagePullPolicy', 'volumeMounts', 'workingDir', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'securityContext', 'stdin', 'tty', 'terminationMessagePath', 'terminationMessagePolicy', 'stdinOnce', 'volumeDevices', 'resizePolicy', 'restartPolicy'];
const podSpecFields = ['containers', 'initContainers', 'nodeSelector', 'nodeName', 'restartPolicy', 'volumes', 'tolerations', 'affinity', 'hostNetwork', 'hostPID', 'hostIPC', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'terminationGracePeriodSeconds', 'securityContext', 'imagePullSecrets', 'schedulerName', 'priority', 'priorityClassName', 'hostname', 'subdomain', 'shareProcessNamespace', 'activeDeadlineSeconds', 'enableServiceLinks', 'preemptionPolicy', 'automountServiceAccountToken', 'dnsConfig', 'hostAliases', 'readinessGates', 'runtimeClassName', 'topologySpreadConstraints', 'overhead', 'os', 'ephemeralContainers', 'setHostnameAsFQDN', 'hostUsers', 'schedulingGates', 'resourceClaims'];
const portFields = ['containerPort', 'hostPort', 'protocol', 'name', 'hostIP'];

function unknownIn(obj: unknown, allowed: string[], path: string, out: string[]): void {
	if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
	for (const key of Object.keys(obj)) if (!allowed.includes(key)) out.push(`unknown field "${path}${key}"`);
}

/** A list field's entries, whatever their type (unknownIn skips those that are not objects). */
const listAt = (parent: unknown, key: string): unknown[] => (isFields(parent) && Array.isArray(parent[key]) ? parent[key] : []);

function checkPodSpec(spec: unknown, path: string, out: string[]): void {
	unknownIn(spec, podSpecFields, path, out);
	for (const [i, c] of listAt(spec, 'containers').entries()) {
		unknownIn(c, containerFields, `${path}containers[${i}].`, out);
		for (const [j, p] of listAt(c, 'ports').entries()) unknownIn(p, portFields, `${path}containers[${i}].ports[${j}].`, out);
	}
}

const jobSpecFields = ['activeDeadlineSeconds', 'backoffLimit', 'backoffLimitPerIndex', 'completionMode', 'completions', 'managedBy', 'manualSelector', 'maxFailedIndexes', 'parallelism', 'podFailurePolicy', 'podReplacementPolicy', 'selector', 'successPolicy', 'suspend', 'template', 'ttlSecondsAfterFinished'];

/** The top-level fields of the kinds that are not spec + status. */
const topLevelFields: Record<string, string[]> = {
	Endpoints: ['subsets'],
	ConfigMap: ['data', 'binaryData', 'immutable'],
	Secret: ['data', 'stringData', 'type', 'immutable'],
	ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
	Role: ['rules'],
	ClusterRole: ['rules', 'aggregationRule'],
	RoleBinding: ['subjects', 'roleRef'],
	ClusterRoleBinding: ['subjects', 'roleRef'],
	StorageClass: ['provisioner', 'parameters', 'reclaimPolicy', 'mountOptions', 'allowVolumeExpansion', 'volumeBindingMode', 'allowedTopologies'],
	EndpointSlice: ['addressType', 'endpoints', 'ports'],
	PriorityClass: ['value', 'globalDefault', 'description', 'preemptionPolicy'],
	Lease: ['spec'],
	Event: ['involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
};

/** Strict decoding: the fields the API schema does not know, as "unknown field" messages. */
export function unknownFields(obj: ObjectInput): string[] {
	const out: string[] = [];
	unknownIn(obj, ['apiVersion', 'kind', 'metadata', ...(topLevelFields[obj.kind] ?? ['spec', 'status'])], '', out);
	unknownIn(obj.metadata, metaFields, 'metadata.', out);
	const template = (spec: unknown) => {
		const podTemplate = fieldsIn(spec, 'template');
		unknownIn(podTemplate, ['metadata', 'spec'], 'spec.template.', out);
		unknownIn(podTemplate?.metadata, metaFields, 'spec.template.metadata.', out);
		checkPodSpec(podTemplate?.spec, 'spec.template.spec.', out);
	};
	switch (obj.kind) {
		case 'Pod':
			checkPodSpec(obj.spec, 'spec.', out);
			break;
		case 'ReplicationController':
			unknownIn(obj.spec, ['replicas', 'selector', 'template', 'minReadySeconds'], 'spec.', out);
			template(obj.spec);
			break;
		case 'ReplicaSet':
		case 'Deployment':
			unknownIn(obj.spec, ['replicas', 'selector', 'template', 'minReadySeconds', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'paused'], 'spec.', out);
			template(obj.spec);
			break;
		case 'Job':
			unknownIn(obj.spec, jobSpecFields, 'spec.', out);
			template(obj.spec);
			break;
		case 'CronJob':
			unknownIn(obj.spec, ['concurrencyPolicy', 'failedJobsHistoryLimit', 'jobTemplate', 'schedule', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'suspend', 'timeZone'], 'spec.', out);
		{
			const jobTemplate = fieldsIn(obj.spec, 'jobTemplate');
			const jobSpec = fieldsIn(jobTemplate, 'spec');
			const podTemplate = fieldsIn(jobSpec, 'template');
			unknownIn(jobTemplate, ['metadata', 'spec'], 'spec.jobTemplate.', out);
			unknownIn(jobSpec, jobSpecFields, 'spec.jobTemplate.spec.', out);
			unknownIn(podTemplate, ['metadata', 'spec'], 'spec.jobTemplate.spec.template.', out);
			checkPodSpec(podTemplate?.spec, 'spec.jobTemplate.spec.template.spec.', out);
		}
			break;
		case 'Service':
			unknownIn(obj.spec, ['ports', 'selector', 'type', 'clusterIP', 'clusterIPs', 'externalIPs', 'sessionAffinity', 'externalTrafficPolicy', 'internalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'loadBalancerIP', 'externalName', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'allocateLoadBalancerNodePorts', 'healthCheckNodePort', 'loadBalancerSourceRanges', 'loadBalancerClass', 'trafficDistribution'], 'spec.', out);
			for (const [i, p] of listAt(obj.spec, 'ports').entries()) unknownIn(p, ['port', 'targetPort', 'nodePort', 'protocol', 'name', 'appProtocol'], `spec.ports[${i}].`, out);
			break;
	}
	return out;
}

const quantityPattern = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

function goType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * Decoding errors before validation, as the API server's JSON decoder reports them: a string where
 * an int32 goes, a number where a list goes, a malformed quantity.
 */
export function decodeError(obj: ObjectInput): string | undefined {
	const structName: Record<string, string> = {ReplicationController: 'ReplicationControllerSpec', ReplicaSet: 'ReplicaSetSpec', Deployment: 'DeploymentSpec'};
	const wrong = (value: unknown, want: string, field: string, struct: string) => `json: cannot unmarshal ${goType(value)} into Go struct field ${struct}.${field} of type ${want}`;
	if (obj.kind === 'Secret' && obj.data && typeof obj.data === 'object') {
		for (const value of Object.values(obj.data)) {
			const error = base64Error(value);
			if (error) return error;
		}
	}
	const spec = obj.spec;
	if (spec !== undefined && spec !== null && goType(spec) !== 'object') return wrong(spec, `v1.${obj.kind}Spec`, 'spec', obj.kind);
	if (obj.metadata !== undefined && goType(obj.metadata) !== 'object') return wrong(obj.metadata, 'v1.ObjectMeta', 'metadata', obj.kind);
	for (const [where, labels] of [['metadata.labels', obj.metadata?.labels], ['spec.template.metadata.labels', fieldsIn(fieldsIn(spec, 'template'), 'metadata')?.labels]] as const) {
		if (labels === undefined || labels === null) continue;
		if (goType(labels) !== 'object') return wrong(labels, 'map[string]string', where, 'ObjectMeta');
		for (const value of Object.values(labels)) if (typeof value !== 'string') return wrong(value, 'string', where, 'ObjectMeta');
	}
	if (isFields(spec) && structName[obj.kind] && spec.replicas !== undefined && spec.replicas !== null && typeof spec.replicas !== 'number') return wrong(spec.replicas, 'int32', 'spec.replicas', structName[obj.kind]!);
	const podSpec = obj.kind === 'Pod' ? spec : fieldsIn(spec, 'template')?.spec;
	const prefix = obj.kind === 'Pod' ? 'spec' : 'spec.template.spec';
	if (isFields(podSpec) && podSpec.containers !== undefined && podSpec.containers !== null && !Array.isArray(podSpec.containers)) return wrong(podSpec.containers, '[]v1.Container', `${prefix}.containers`, 'PodSpec');
	for (const c of listAt(podSpec, 'containers')) {
		if (!isFields(c)) return wrong(c, 'v1.Container', `${prefix}.containers`, 'PodSpec');
		if (c.ports !== undefined && c.ports !== null && !Array.isArray(c.ports)) return wrong(c.ports, '[]v1.ContainerPort', `${prefix}.containers.ports`, 'Container');
		for (const p of listAt(c, 'ports')) if (isFields(p) && p.containerPort !== undefined && typeof p.containerPort !== 'number') return wrong(p.containerPort, 'int32', `${prefix}.containers.ports.containerPort`, 'ContainerPort');
		const resources = fieldsIn(c, 'resources');
		for (const list of [resources?.requests, resources?.limits]) {
			for (const value of Object.values(list ?? {})) {
				if (!quantityPattern.test(String(value))) return `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
			}
		}
		if (c.image !== undefined && c.image !== null && typeof c.image !== 'string') return wrong(c.image, 'string', `${prefix}.containers.image`, 'Container');
		if (c.name !== undefined && c.name !== null && typeof c.name !== 'string') return wrong(c.name, 'string', `${prefix}.containers.name`, 'Container');
	}
	return typeMismatch(obj);
}
