// What the API server fills in when a manifest leaves a field out (the "defaulting" step).
import {randomSuffix} from '../rng.ts';
import type {World} from '../world.ts';
import {defaultBatchObject} from './batch-objects.ts';
import {defaultSecret} from './config-objects.ts';
import {defaultStorageObject} from './storage-objects.ts';
import {defaultPolicyObject} from './policy-objects.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import type {ContainerSpec, KubeObject, PodSpec} from './types.ts';

export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
	const lastPart = image.split('/').pop() ?? image;
	if (image.includes('@')) return 'IfNotPresent';
	const tag = lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
	return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: ContainerSpec): void {
	if (typeof c.image === 'string' && c.image && !c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image);
	c.terminationMessagePath ??= '/dev/termination-log';
	c.terminationMessagePolicy ??= 'File';
	c.resources ??= {};
	if (c.resources.limits && !c.resources.requests) c.resources.requests = {...c.resources.limits};
	for (const p of c.ports ?? []) p.protocol ??= 'TCP';
	for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[field]);
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction: 1 s timeout, 10 s period, 1 success, 3 failures; GET / over HTTP. */
function defaultProbe(probe: unknown): void {
	if (!probe || typeof probe !== 'object') return;
	const p = probe as Record<string, any>;
	p.timeoutSeconds ??= 1;
	p.periodSeconds ??= 10;
	p.successThreshold ??= 1;
	p.failureThreshold ??= 3;
	if (p.httpGet && typeof p.httpGet === 'object') {
		p.httpGet.path ||= '/';
		p.httpGet.scheme ??= 'HTTP';
	}
}

/** Defaults of a pod spec (also applied to the templates of controllers). */
export function defaultPodSpec(spec: PodSpec): void {
	if (!spec || typeof spec !== 'object') return;
	for (const c of Array.isArray(spec.containers) ? spec.containers : []) if (c && typeof c === 'object') defaultContainer(c);
	spec.restartPolicy ??= 'Always';
	spec.terminationGracePeriodSeconds ??= 30;
	spec.dnsPolicy ??= 'ClusterFirst';
	spec.securityContext ??= {};
	spec.schedulerName ??= 'default-scheduler';
	spec.enableServiceLinks ??= true;
}

/** Admission plugins of a real API server add these to every new pod (DefaultTolerationSeconds, ServiceAccount). */
export function admitNewPod(w: World, pod: KubeObject): void {
	const spec = pod.spec as PodSpec;
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

function defaultTemplate(obj: KubeObject): void {
	const template = obj.spec?.template;
	if (template && typeof template === 'object') {
		template.metadata ??= {};
		template.metadata.creationTimestamp ??= null;
		if (template.spec) defaultPodSpec(template.spec);
	}
}

/** Fills in defaults for any kind, before validation. */
export function applyDefaults(obj: KubeObject): void {
	defaultPolicyObject(obj);
	switch (obj.kind) {
		case 'Pod':
			obj.spec ??= {};
			defaultPodSpec(obj.spec);
			break;
		case 'ReplicationController':
			obj.spec ??= {};
			obj.spec.replicas ??= 1;
			if (!obj.spec.selector && obj.spec.template?.metadata?.labels) obj.spec.selector = {...obj.spec.template.metadata.labels};
			if (!obj.metadata.labels && obj.spec.template?.metadata?.labels) obj.metadata.labels = {...obj.spec.template.metadata.labels};
			defaultTemplate(obj);
			break;
		case 'ReplicaSet':
			obj.spec ??= {};
			obj.spec.replicas ??= 1;
			defaultTemplate(obj);
			break;
		case 'Deployment':
			obj.spec ??= {};
			obj.spec.replicas ??= 1;
			// SetDefaults_Deployment: an empty strategy (kubectl create deployment sends `strategy: {}`) is a RollingUpdate of 25%/25%.
			obj.spec.strategy ??= {};
			obj.spec.strategy.type ||= 'RollingUpdate';
			if (obj.spec.strategy.type === 'RollingUpdate') obj.spec.strategy.rollingUpdate = {maxSurge: '25%', maxUnavailable: '25%', ...obj.spec.strategy.rollingUpdate};
			obj.spec.revisionHistoryLimit ??= 10;
			obj.spec.progressDeadlineSeconds ??= 600;
			defaultTemplate(obj);
			break;
		case 'Service':
			obj.spec ??= {};
			obj.spec.type ??= 'ClusterIP';
			obj.spec.sessionAffinity ??= 'None';
			if (obj.spec.type !== 'ExternalName') {
				obj.spec.ipFamilies ??= ['IPv4'];
				obj.spec.ipFamilyPolicy ??= 'SingleStack';
				obj.spec.internalTrafficPolicy ??= 'Cluster';
			}
			if (obj.spec.type === 'NodePort' || obj.spec.type === 'LoadBalancer') obj.spec.externalTrafficPolicy ??= 'Cluster';
			for (const p of Array.isArray(obj.spec.ports) ? obj.spec.ports : []) {
				if (!p || typeof p !== 'object') continue;
				p.protocol ??= 'TCP';
				p.targetPort ??= p.port;
			}
			break;
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
		case 'DaemonSet':
			obj.spec ??= {};
			obj.spec.updateStrategy ??= {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: 1}};
			obj.spec.revisionHistoryLimit ??= 10;
			defaultTemplate(obj);
			break;
		case 'StatefulSet':
			obj.spec ??= {};
			obj.spec.replicas ??= 1;
			obj.spec.podManagementPolicy ??= 'OrderedReady';
			obj.spec.revisionHistoryLimit ??= 10;
			obj.spec.updateStrategy ??= {type: 'RollingUpdate', rollingUpdate: {partition: 0}};
			obj.spec.persistentVolumeClaimRetentionPolicy ??= {whenDeleted: 'Retain', whenScaled: 'Retain'};
			for (const claim of Array.isArray(obj.spec.volumeClaimTemplates) ? obj.spec.volumeClaimTemplates : []) {
				if (!claim || typeof claim !== 'object') continue;
				claim.apiVersion ??= 'v1';
				claim.kind ??= 'PersistentVolumeClaim';
				claim.spec ??= {};
				claim.spec.volumeMode ??= 'Filesystem';
				claim.status ??= {phase: 'Pending'};
			}
			defaultTemplate(obj);
			break;
		case 'Namespace':
			obj.spec ??= {finalizers: ['kubernetes']};
			obj.status ??= {phase: 'Active'};
			obj.metadata.labels = {...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name};
			break;
	}
}
