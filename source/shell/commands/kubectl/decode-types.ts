// The API server's JSON decoder, for the fields the simulation reads: a value of the wrong type
// anywhere (a number where a port object goes, a string where metadata goes) is refused as the
// real decoder refuses it, before any code of the simulation touches it.

type Shape =
	| 'string'
	| 'int32'
	| 'int64'
	| 'bool'
	| 'intstr' // a number or a string (targetPort)
	| 'any'
	| {struct: string; fields: Record<string, Shape>}
	| {list: Shape; go: string}
	| {map: 'string' | 'quantity' | 'any'};

const stringMap: Shape = {map: 'string'};
const stringList: Shape = {list: 'string', go: '[]string'};
const anyList = (go: string): Shape => ({list: 'any', go});

const objectMeta: Shape = {
	struct: 'ObjectMeta',
	fields: {name: 'string', generateName: 'string', namespace: 'string', labels: stringMap, annotations: stringMap, finalizers: stringList, ownerReferences: anyList('[]v1.OwnerReference'), resourceVersion: 'string', uid: 'string'},
};
const containerPort: Shape = {struct: 'ContainerPort', fields: {name: 'string', hostPort: 'int32', containerPort: 'int32', protocol: 'string', hostIP: 'string'}};
const envVar: Shape = {struct: 'EnvVar', fields: {name: 'string', value: 'string', valueFrom: 'any'}};
const resources: Shape = {struct: 'ResourceRequirements', fields: {limits: {map: 'quantity'}, requests: {map: 'quantity'}}};
const container: Shape = {
	struct: 'Container',
	fields: {
		name: 'string', image: 'string', command: stringList, args: stringList, workingDir: 'string', ports: {list: containerPort, go: '[]v1.ContainerPort'}, env: {list: envVar, go: '[]v1.EnvVar'},
		resources, imagePullPolicy: 'string', volumeMounts: anyList('[]v1.VolumeMount'), livenessProbe: {struct: 'Probe', fields: {}}, readinessProbe: {struct: 'Probe', fields: {}}, startupProbe: {struct: 'Probe', fields: {}},
		stdin: 'bool', tty: 'bool', restartPolicy: 'string', securityContext: {struct: 'SecurityContext', fields: {}},
	},
};
const podSpec: Shape = {
	struct: 'PodSpec',
	fields: {
		containers: {list: container, go: '[]v1.Container'}, initContainers: {list: container, go: '[]v1.Container'}, volumes: anyList('[]v1.Volume'), nodeSelector: stringMap, nodeName: 'string',
		restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', hostNetwork: 'bool', hostPID: 'bool', hostIPC: 'bool', serviceAccountName: 'string',
		tolerations: anyList('[]v1.Toleration'), affinity: {struct: 'Affinity', fields: {}}, schedulerName: 'string', priorityClassName: 'string', hostname: 'string', subdomain: 'string',
	},
};
const template: Shape = {struct: 'PodTemplateSpec', fields: {metadata: objectMeta, spec: podSpec}};
const labelSelector: Shape = {struct: 'LabelSelector', fields: {matchLabels: stringMap, matchExpressions: anyList('[]v1.LabelSelectorRequirement')}};
const workload = (name: string, selector: Shape): Shape => ({struct: name, fields: {replicas: 'int32', selector, template, minReadySeconds: 'int32', revisionHistoryLimit: 'int32', progressDeadlineSeconds: 'int32', paused: 'bool', strategy: {struct: 'DeploymentStrategy', fields: {type: 'string', rollingUpdate: {struct: 'RollingUpdateDeployment', fields: {maxSurge: 'intstr', maxUnavailable: 'intstr'}}}}}});
const servicePort: Shape = {struct: 'ServicePort', fields: {name: 'string', protocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32', appProtocol: 'string'}};
const serviceSpec: Shape = {struct: 'ServiceSpec', fields: {ports: {list: servicePort, go: '[]v1.ServicePort'}, selector: stringMap, clusterIP: 'string', clusterIPs: stringList, type: 'string', externalIPs: stringList, sessionAffinity: 'string', externalName: 'string'}};

const specs: Record<string, Shape> = {
	Pod: podSpec,
	ReplicationController: workload('ReplicationControllerSpec', stringMap),
	ReplicaSet: workload('ReplicaSetSpec', labelSelector),
	Deployment: workload('DeploymentSpec', labelSelector),
	Service: serviceSpec,
	Namespace: {struct: 'NamespaceSpec', fields: {finalizers: stringList}},
};

function goType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'object' : typeof value;
}

const goName = (shape: Shape): string =>
	typeof shape === 'string' ? ({intstr: 'intstr.IntOrString', any: 'interface {}', int32: 'int32', int64: 'int64', bool: 'bool', string: 'string'} as const)[shape] : 'struct' in shape ? `v1.${shape.struct}` : 'list' in shape ? shape.go : shape.map === 'quantity' ? 'v1.ResourceList' : 'map[string]string';

/** The first value of a wrong type, in the decoder's words; undefined when the object decodes. */
export function typeMismatch(obj: Record<string, unknown>): string | undefined {
	const kind = String(obj.kind);
	const top: Shape = {struct: kind, fields: {metadata: objectMeta, ...(specs[kind] ? {spec: specs[kind]} : {}), ...(kind === 'ConfigMap' ? {data: stringMap} : {})}};
	return check(obj, top, '', kind);
}

function check(value: unknown, shape: Shape, path: string, struct: string): string | undefined {
	if (value === null || value === undefined || shape === 'any') return undefined;
	const wrong = () => `json: cannot unmarshal ${goType(value)} into Go struct field ${struct}.${path} of type ${goName(shape)}`;
	if (typeof shape === 'string') {
		const type = goType(value);
		if (shape === 'string') return type === 'string' ? undefined : wrong();
		if (shape === 'bool') return type === 'boolean' ? undefined : wrong();
		if (shape === 'intstr') return type === 'string' || (type === 'number' && Number.isInteger(value)) ? undefined : wrong();
		if (type !== 'number') return wrong();
		const limit = shape === 'int32' ? 2 ** 31 : 2 ** 63;
		if (!Number.isInteger(value) || Math.abs(value as number) >= limit) return `json: cannot unmarshal number ${String(value)} into Go struct field ${struct}.${path} of type ${shape}`;
		return undefined;
	}
	if ('list' in shape) {
		if (!Array.isArray(value)) return wrong();
		for (const item of value) {
			const found = check(item, shape.list, path, struct);
			if (found) return found;
		}
		return undefined;
	}
	if (goType(value) !== 'object') return wrong();
	const entries = Object.entries(value as Record<string, unknown>);
	if ('map' in shape) {
		if (shape.map === 'any') return undefined;
		for (const [, item] of entries) {
			if (shape.map === 'string' && typeof item !== 'string' && item !== null) return `json: cannot unmarshal ${goType(item)} into Go struct field ${struct}.${path} of type string`;
			if (shape.map === 'quantity' && typeof item !== 'string' && typeof item !== 'number') return `json: cannot unmarshal ${goType(item)} into Go struct field ${struct}.${path} of type resource.Quantity`;
		}
		return undefined;
	}
	for (const [key, item] of entries) {
		const field = shape.fields[key];
		if (!field) continue;
		const found = check(item, field, path ? `${path}.${key}` : key, path === '' ? struct : shape.struct);
		if (found) return found;
	}
	return undefined;
}
