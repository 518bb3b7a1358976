// What the API server fills in when a manifest leaves a field out (the "defaulting" step).
import {randomSuffix} from '../rng.ts';
import type {World} from '../world.ts';
import {defaultBatchObject} from './batch-objects.ts';
import {defaultSecret} from './config-objects.ts';
import {defaultStorageObject} from './storage-objects.ts';
import {defaultPolicyObject} from './policy-objects.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import {fieldsAt, fieldsIn, isFields, listIn, type Fields, type ObjectInput} from './object-input.ts';
import type {PodSpec} from './types.ts';
import type {Pod} from './kinds.ts';

const nodeInfoFields = ['architecture', 'bootID', 'containerRuntimeVersion', 'kernelVersion', 'kubeProxyVersion', 'kubeletVersion', 'machineID', 'operatingSystem', 'osImage', 'systemUUID'];

export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
	const lastPart = image.split('/').pop() ?? image;
	if (image.includes('@')) return 'IfNotPresent';
	const tag = lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
	return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Fields): void {
	if (typeof c.image === 'string' && c.image && !c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image);
	c.terminationMessagePath ??= '/dev/termination-log';
	c.terminationMessagePolicy ??= 'File';
	const resources = fieldsAt(c, 'resources');
	if (resources?.limits && !resources.requests) resources.requests = {...(resources.limits as object)};
	for (const p of listIn(c, 'ports')) p.protocol ??= 'TCP';
	for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[field]);
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction: 1 s timeout, 10 s period, 1 success, 3 failures; GET / over HTTP. */
function defaultProbe(probe: unknown): void {
	if (!isFields(probe)) return;
	probe.timeoutSeconds ??= 1;
	probe.periodSeconds ??= 10;
	probe.successThreshold ??= 1;
	probe.failureThreshold ??= 3;
	const httpGet = fieldsIn(probe, 'httpGet');
	if (httpGet) {
		httpGet.path ||= '/';
		httpGet.scheme ??= 'HTTP';
	}
}

/** Defaults of a pod spec (also applied to the templates of controllers). */
export function defaultPodSpec(spec: unknown): void {
	if (!isFields(spec)) return;
	for (const c of listIn(spec, 'containers')) defaultContainer(c);
	spec.restartPolicy ??= 'Always';
	spec.terminationGracePeriodSeconds ??= 30;
	spec.dnsPolicy ??= 'ClusterFirst';
	spec.securityContext ??= {};
	spec.schedulerName ??= 'default-scheduler';
	spec.enableServiceLinks ??= true;
}

/** Admission plugins of a real API server add these to every new pod (DefaultTolerationSeconds, ServiceAccount). */
export function admitNewPod(w: World, pod: Pod): void {
	const spec = pod.spec;
	spec.preemptionPolicy ??= 'PreemptLowerPriority';
	spec.priority ??= 0;
	spec.serviceAccountName ??= 'default';
	spec.serviceAccount ??= spec.serviceAccountName;
	const tolerations = (spec.tolerations ??= []);
	for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
		if (!tolerations.some(t => t.key === key)) tolerations.push({key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300});
	}
	// The ServiceAccount admission plugin adds the token volume beside the pod's own volumes,
	// unless the pod opts out or already mounts something at the token's path.
	const tokenPath = '/var/run/secrets/kubernetes.io/serviceaccount';
	const mountsToken = spec.containers.some(c => (c.volumeMounts ?? []).some((m: {mountPath?: string}) => m.mountPath === tokenPath));
	if (spec.automountServiceAccountToken !== false && !mountsToken && !(spec.volumes ?? []).some((v: {name?: string}) => v.name?.startsWith('kube-api-access-'))) {
		const volume = `kube-api-access-${randomSuffix(w)}`;
		spec.volumes = [...(spec.volumes ?? []), {name: volume, projected: {defaultMode: 420, sources: [{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}}, {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}}, {downwardAPI: {items: [{fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}, path: 'namespace'}]}}]}}];
		for (const c of spec.containers) c.volumeMounts = [...(c.volumeMounts ?? []), {mountPath: tokenPath, name: volume, readOnly: true}];
	}
	pod.status = {phase: 'Pending', qosClass: qosClass(spec)};
}

export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
	const containers = spec.containers ?? [];
	const any = containers.some(c => c.resources?.requests || c.resources?.limits);
	if (!any) return 'BestEffort';
	const guaranteed = containers.every(c => {
		const l = c.resources?.limits;
		const r = c.resources?.requests;
		return l?.cpu && l?.memory && cpuMilli(r?.cpu ?? l.cpu) === cpuMilli(l.cpu) && memoryBytes(r?.memory ?? l.memory) === memoryBytes(l.memory);
	});
	return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultTemplate(spec: Fields): void {
	const template = fieldsIn(spec, 'template');
	if (template) {
		const metadata = fieldsAt(template, 'metadata');
		if (metadata) metadata.creationTimestamp ??= null;
		if (template.spec) defaultPodSpec(template.spec);
	}
}

/** Fills in defaults for any kind, before validation (which reports the fields of the wrong type that this leaves alone). */
export function applyDefaults(obj: ObjectInput): void {
	defaultPolicyObject(obj);
	switch (obj.kind) {
		case 'Pod':
			defaultPodSpec(fieldsAt(obj, 'spec'));
			break;
		case 'ReplicationController': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.replicas ??= 1;
			const labels = fieldsIn(fieldsIn(spec, 'template'), 'metadata')?.labels;
			if (!spec.selector && labels) spec.selector = {...labels};
			if (!obj.metadata.labels && labels) obj.metadata.labels = {...(labels as Record<string, string>)};
			defaultTemplate(spec);
			break;
		}
		case 'ReplicaSet': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.replicas ??= 1;
			defaultTemplate(spec);
			break;
		}
		case 'Deployment': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.replicas ??= 1;
			// SetDefaults_Deployment: an empty strategy (kubectl create deployment sends `strategy: {}`) is a RollingUpdate of 25%/25%.
			const strategy = fieldsAt(spec, 'strategy');
			if (strategy) {
				strategy.type ||= 'RollingUpdate';
				if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = {maxSurge: '25%', maxUnavailable: '25%', ...(strategy.rollingUpdate as object | undefined)};
			}
			spec.revisionHistoryLimit ??= 10;
			spec.progressDeadlineSeconds ??= 600;
			defaultTemplate(spec);
			break;
		}
		case 'Service': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.type ??= 'ClusterIP';
			spec.sessionAffinity ??= 'None';
			if (spec.type !== 'ExternalName') {
				spec.ipFamilies ??= ['IPv4'];
				spec.ipFamilyPolicy ??= 'SingleStack';
				spec.internalTrafficPolicy ??= 'Cluster';
			}
			if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
			for (const p of listIn(spec, 'ports')) {
				p.protocol ??= 'TCP';
				p.targetPort ??= p.port;
			}
			break;
		}
		case 'Secret':
			defaultSecret(obj);
			break;
		case 'Job':
		case 'CronJob':
			defaultBatchObject(obj, defaultPodSpec);
			break;
		case 'PersistentVolume':
		case 'PersistentVolumeClaim':
		case 'StorageClass':
			defaultStorageObject(obj);
			break;
		case 'DaemonSet': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.updateStrategy ??= {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: 1}};
			spec.revisionHistoryLimit ??= 10;
			defaultTemplate(spec);
			break;
		}
		case 'StatefulSet': {
			const spec = fieldsAt(obj, 'spec');
			if (!spec) break;
			spec.replicas ??= 1;
			spec.podManagementPolicy ??= 'OrderedReady';
			spec.revisionHistoryLimit ??= 10;
			spec.updateStrategy ??= {type: 'RollingUpdate', rollingUpdate: {partition: 0}};
			spec.persistentVolumeClaimRetentionPolicy ??= {whenDeleted: 'Retain', whenScaled: 'Retain'};
			for (const claim of listIn(spec, 'volumeClaimTemplates')) {
				claim.apiVersion ??= 'v1';
				claim.kind ??= 'PersistentVolumeClaim';
				const claimSpec = fieldsAt(claim, 'spec');
				if (claimSpec) claimSpec.volumeMode ??= 'Filesystem';
				claim.status ??= {phase: 'Pending'};
			}
			defaultTemplate(spec);
			break;
		}
		case 'Namespace':
			obj.spec ??= {finalizers: ['kubernetes']};
			obj.status ??= {phase: 'Active'};
			obj.metadata.labels = {...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name as string}; // (a nameless one fails validation)
			break;
		case 'Node': {
			// A Node someone registers by hand: an empty spec, and the status a Go NodeStatus encodes to
			// when nothing set it (its nodeInfo strings and kubelet port are not omitempty).
			fieldsAt(obj, 'spec');
			const status = fieldsAt(obj, 'status');
			if (!status) break;
			status.daemonEndpoints ??= {kubeletEndpoint: {Port: 0}};
			status.nodeInfo = {...Object.fromEntries(nodeInfoFields.map(field => [field, ''])), ...(status.nodeInfo as object | undefined)};
			break;
		}
	}
}
