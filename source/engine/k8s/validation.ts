// The API server's validation, with its wording: `spec.containers[0].image: Required value`.
import {validateBatchObject} from './batch-objects.ts';
import {validateConfigObject} from './config-objects.ts';
import {validateStorageObject} from './storage-objects.ts';
import {validatePolicyObject} from './policy-objects.ts';
import {fieldsIn, isFields, listIn, type Fields, type ObjectInput} from './object-input.ts';

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const subdomainMessage =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** Go's %#v of a map[string]string, as validation messages print label maps. */
export function goMap(map: Record<string, string> | undefined): string {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
	return `map[string]string{${entries.map(([k, v]) => `"${k}":"${v}"`).join(', ')}}`;
}

function quoted(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : String(value);
}

function validateName(name: unknown, path: string, errors: string[], rfcLabel = false): void {
	if (typeof name !== 'string' || name === '') {
		errors.push(`${path}: Required value${path === 'metadata.name' ? ': name or generateName is required' : ''}`);
		return;
	}
	if (name.length > (rfcLabel ? 63 : 253)) errors.push(`${path}: Invalid value: "${name}": must be no more than ${rfcLabel ? 63 : 253} characters`);
	else if (!(rfcLabel ? label : subdomain).test(name)) errors.push(`${path}: Invalid value: "${name}": ${rfcLabel ? labelMessage : subdomainMessage}`);
}

function validateLabels(labels: unknown, path: string, errors: string[]): void {
	if (labels === undefined || labels === null) return;
	for (const value of Object.values(labels as Record<string, unknown>)) {
		if (typeof value !== 'string') continue;
		if (value.length > 63 || (value !== '' && !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value))) {
			errors.push(
				`${path}: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
			);
		}
	}
}

/** Entry i of a list as an object; {} for an entry of another type (its fields then read as missing). */
const entries = (list: unknown[]): Fields[] => list.map(x => (isFields(x) ? x : {}));

export function validatePodSpec(spec: unknown, path: string, errors: string[]): void {
	if (!isFields(spec) || !Array.isArray(spec.containers) || spec.containers.length === 0) {
		errors.push(`${path}.containers: Required value`);
		return;
	}
	const seen = new Set<string>();
	const ports = new Map<string, number>();
	entries(spec.containers).forEach((c, i) => {
		const at = `${path}.containers[${i}]`;
		validateName(c?.name, `${at}.name`, errors, true);
		if (typeof c?.name === 'string' && c.name) {
			if (seen.has(c.name)) errors.push(`${at}.name: Duplicate value: "${c.name}"`);
			seen.add(c.name);
		}
		if (typeof c?.image !== 'string' || c.image.trim() === '') errors.push(`${at}.image: Required value`);
		entries(Array.isArray(c.ports) ? c.ports : []).forEach((p, j) => {
			const port = p.containerPort;
			if (port === undefined) errors.push(`${at}.ports[${j}].containerPort: Required value`);
			else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) errors.push(`${at}.ports[${j}].containerPort: Invalid value: ${quoted(port)}: must be between 1 and 65535, inclusive`);
			if (p.hostPort !== undefined) {
				const key = `${p.hostPort}/${p.protocol ?? 'TCP'}`;
				if (ports.has(key)) errors.push(`${at}.ports[${j}].hostPort: Duplicate value: "${key}"`);
				ports.set(key, j);
			}
		});
		if (c.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy as string)) {
			errors.push(`${at}.imagePullPolicy: Unsupported value: "${c.imagePullPolicy}": supported values: "Always", "IfNotPresent", "Never"`);
		}
	});
	if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy as string)) {
		errors.push(`${path}.restartPolicy: Unsupported value: "${spec.restartPolicy}": supported values: "Always", "OnFailure", "Never"`);
	}
}

function selectorMatchesTemplate(spec: Fields, selector: Record<string, string> | undefined, errors: string[]): void {
	const labels = fieldsIn(fieldsIn(spec, 'template'), 'metadata')?.labels as Record<string, string> | undefined;
	if (!selector) return;
	const ok = Object.entries(selector).every(([k, v]) => labels?.[k] === v);
	if (!ok) errors.push(`spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``);
}

function validateReplicas(spec: Fields, errors: string[]): void {
	const r = spec.replicas;
	if (r !== undefined && (typeof r !== 'number' || !Number.isInteger(r) || r < 0)) errors.push(`spec.replicas: Invalid value: ${quoted(r)}: must be greater than or equal to 0`);
}

/** Every validation error of an object, in the API server's order and wording. Empty when valid. */
export function validateObject(obj: ObjectInput): string[] {
	const errors: string[] = [];
	const spec = fieldsIn(obj, 'spec') ?? {};
	validateName(obj.metadata?.name, 'metadata.name', errors, obj.kind === 'Namespace' || obj.kind === 'Service');
	validateLabels(obj.metadata?.labels, 'metadata.labels', errors);
	switch (obj.kind) {
		case 'Pod':
			validatePodSpec(obj.spec, 'spec', errors);
			break;
		case 'ConfigMap':
		case 'Secret':
			validateConfigObject(obj, errors);
			break;
		case 'PodDisruptionBudget':
		case 'PriorityClass':
			validatePolicyObject(obj, errors);
			break;
		case 'Job':
		case 'CronJob':
			validateBatchObject(obj, errors, validatePodSpec);
			break;
		case 'PersistentVolume':
		case 'PersistentVolumeClaim':
		case 'StorageClass':
			validateStorageObject(obj, errors);
			break;
		case 'Ingress':
			entries(Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, i) =>
				entries(Array.isArray(fieldsIn(rule, 'http')?.paths) ? (fieldsIn(rule, 'http')!.paths as unknown[]) : []).forEach((path, j) => {
					const at = `spec.rules[${i}].http.paths[${j}]`;
					const backend = fieldsIn(path, 'backend');
					if (!path.pathType) errors.push(`${at}.pathType: Required value: pathType must be specified`);
					else if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(path.pathType as string)) errors.push(`${at}.pathType: Unsupported value: "${path.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"`);
					if (!backend?.service && !backend?.resource) errors.push(`${at}.backend: Invalid value: "": resource or service backend is required`);
				}),
			);
			break;
		case 'EndpointSlice':
			// (EndpointSlice's type promises an addressType: the API server requires one of three.)
			if (!obj.addressType) errors.push('addressType: Required value');
			else if (!['IPv4', 'IPv6', 'FQDN'].includes(obj.addressType as string)) errors.push(`addressType: Unsupported value: ${quoted(obj.addressType)}: supported values: "FQDN", "IPv4", "IPv6"`);
			break;
		case 'RoleBinding':
		case 'ClusterRoleBinding': {
			const roleRef = fieldsIn(obj, 'roleRef');
			if (!roleRef?.name) errors.push('roleRef.name: Required value');
			if (roleRef?.kind && !['Role', 'ClusterRole'].includes(roleRef.kind as string)) errors.push(`roleRef.kind: Unsupported value: "${roleRef.kind}": supported values: "ClusterRole", "Role"`);
			break;
		}
		case 'ReplicationController':
			validateReplicas(spec, errors);
			if (!spec.template) errors.push('spec.template: Required value');
			else {
				selectorMatchesTemplate(spec, spec.selector as Record<string, string> | undefined, errors);
				validatePodSpec(fieldsIn(spec, 'template')?.spec, 'spec.template.spec', errors);
			}
			break;
		case 'ReplicaSet':
		case 'Deployment':
		case 'DaemonSet':
		case 'StatefulSet': {
			if (obj.kind !== 'DaemonSet') validateReplicas(spec, errors);
			const selector = fieldsIn(spec, 'selector')?.matchLabels as Record<string, string> | undefined;
			if (!spec.selector) errors.push('spec.selector: Required value');
			if (!spec.template) errors.push('spec.template: Required value');
			else {
				if (selector) selectorMatchesTemplate(spec, selector, errors);
				const podSpec = fieldsIn(spec, 'template')?.spec;
				validatePodSpec(podSpec, 'spec.template.spec', errors);
				const policy = isFields(podSpec) ? podSpec.restartPolicy : undefined;
				if ((obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') && policy !== 'Always') errors.push(`spec.template.spec.restartPolicy: Unsupported value: "${policy}": supported values: "Always"`);
			}
			break;
		}
		case 'Service': {
			const ports = spec.ports;
			if (!Array.isArray(ports) || ports.length === 0) {
				// A headless Service may omit ports; an ExternalName is only a DNS alias and needs none.
				if (spec.clusterIP !== 'None' && spec.type !== 'ExternalName') errors.push('spec.ports: Required value');
			} else {
				entries(ports).forEach((p, i) => {
					if (typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errors.push(`spec.ports[${i}].port: Invalid value: ${quoted(p.port)}: must be between 1 and 65535, inclusive`);
					if (p.nodePort !== undefined && ((p.nodePort as number) < 30000 || (p.nodePort as number) > 32767)) {
						errors.push(`spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is 30000-32767`);
					}
					if (ports.length > 1 && !p.name) errors.push(`spec.ports[${i}].name: Required value`);
				});
			}
			const type = spec.type;
			if (type === 'ExternalName' && !spec.externalName) errors.push('spec.externalName: Required value');
			if (typeof type !== 'string' || !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type)) errors.push(`spec.type: Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`);
			break;
		}
	}
	return errors;
}

/** The message of a 422 Invalid: one error inline, several in brackets, as the API server joins them. */
export function invalidMessage(kind: string, name: string, errors: string[]): string {
	return `The ${kind} "${name}" is invalid: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
}
