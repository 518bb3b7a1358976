// Longer than ~300 lines because every write passes the same defaults, validation and index upkeep here.
import {cloneData} from './metadata.ts';
import {digestHex} from '../hash.ts';
// The API server: the one door to the cluster's state. Stores objects with real metadata,
// applies defaults and validation, and keeps the control plane's indexes in step.
import type {World} from '../world.ts';
import {admitNewPod, applyDefaults} from './defaults.ts';
import {msOf, newUid, nextResourceVersion, now, randomSuffix} from './metadata.ts';
import {bindPodToNode, indexPodOwner, removePod, requestPodTermination} from './pod-store.ts';
import {markDaemonSetsDirty, markOwnersDirty, retryUnschedulablePods} from './reconcile-marks.ts';
import {orphanDependents} from './orphan-dependents.ts';
import {prepareJob} from './batch-objects.ts';
import {deleteEndpointSlices, writeEndpointSlice} from './endpoint-slices.ts';
import {deleteNodeLease, observeLeaseWrite} from './leases.ts';
import {admitPodPriority, priorityClassRefusal} from './policy-objects.ts';
import {applyLimitRanges, quotaRefusal, quotaStatus, refreshQuotas} from './quota.ts';
import {admitClaim} from './storage-objects.ts';
import {populateNamespace} from './config-objects.ts';
import {resourceByKind, resourceInfo, resourceInfos, storeKey, type ResourceInfo} from './resources.ts';
import {specOf, storeOf} from './typed-store.ts';
import {fieldsIn, isFields, type InputMeta, type ObjectInput} from './object-input.ts';
import type {Pod, Service} from './kinds.ts';
import type {Cluster, KubeObject, ResourceName, StoredKinds} from './types.ts';
import {invalidMessage, validateObject} from './validation.ts';
import type {ApiError} from './api-errors.ts';

export {apiServerUp} from './api-server-up.ts';

export type {ApiError, ApiErrorReason} from './api-errors.ts';
export type ApiResult<T extends KubeObject = KubeObject> = {ok: true; object: T; unchanged?: boolean} | {ok: false; error: ApiError};
/** The modelled kind of that name (every kind when the name is only known to be a string). */
export type KindNamed<K extends string> = Extract<KubeObject, {kind: K}>;

export function notFound(resource: string, name: string): ApiError {
	return {code: 404, reason: 'NotFound', message: `${resource} "${name}" not found`};
}

export function getObject<R extends ResourceName>(c: Cluster, resource: R, namespace: string | undefined, name: string): StoredKinds[R] | undefined {
	return c.store[resource].get(storeKey(resourceInfo(resource), namespace, name));
}

/** Objects of one resource, in one namespace or (namespace undefined) in all, sorted as the API lists them. */
export function listObjects<R extends ResourceName>(c: Cluster, resource: R, namespace?: string): StoredKinds[R][] {
	const info = resourceInfo(resource);
	const out: StoredKinds[R][] = [];
	for (const obj of c.store[resource].values()) {
		if (!info.namespaced || namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
	}
	return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}

function stripServerFields(obj: ObjectInput): ObjectInput {
	const copy = cloneData(obj);
	copy.metadata = {...copy.metadata};
	return copy;
}

/** POST: validates, defaults and stores a new object. Call on a draft. */
export function createObject<K extends string>(w: World, input: ObjectInput & {kind: K}): ApiResult<KindNamed<K>> {
	const c = w.cluster!;
	const info = resourceByKind(input.kind);
	if (!info) return {ok: false, error: {code: 400, reason: 'BadRequest', message: `no matches for kind "${input.kind}" in version "${input.apiVersion}"`}};
	const obj = stripServerFields(input);
	const meta: InputMeta = obj.metadata ?? {};
	obj.metadata = meta;
	if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix(w);
	if (info.namespaced) meta.namespace ??= 'default';
	else delete meta.namespace;
	if (info.namespaced && !c.store.namespaces.has(meta.namespace!)) {
		return {ok: false, error: notFound('namespaces', meta.namespace!)};
	}
	applyDefaults(obj);
	const errors = validateObject(obj);
	if (errors.length) return {ok: false, error: {code: 422, reason: 'Invalid', message: invalidMessage(obj.kind, meta.name ?? '', errors)}};
	const name = meta.name as string; // validateObject checked it
	const key = storeKey(info, meta.namespace, name);
	if (storeOf(c, info.resource).has(key)) {
		return {ok: false, error: {code: 409, reason: 'AlreadyExists', message: `${info.apiVersion.includes('/') ? `${info.resource}.${info.apiVersion.split('/')[0]}` : info.resource} "${meta.name}" already exists`}};
	}
	if (info.namespaced && c.store.namespaces.get(meta.namespace!)?.status?.phase === 'Terminating') {
		return {ok: false, error: {code: 403, reason: 'Forbidden', message: `${info.resource} "${meta.name}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`}};
	}
	meta.uid = newUid(w);
	meta.creationTimestamp = now(w);
	meta.resourceVersion = nextResourceVersion(c);
	if (['Deployment', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'PodDisruptionBudget', 'PriorityClass'].includes(obj.kind)) meta.generation = 1;
	delete meta.deletionTimestamp;
	// Validated, with its server-set metadata: the object now has the shape of its kind.
	const valid = obj as KindNamed<K>;
	const created = admit(w, valid);
	if (!created.ok) return created;
	storeOf(c, info.resource).set(key, valid);
	afterCreate(w, info, valid);
	return {ok: true, object: valid};
}

function admit(w: World, obj: KubeObject): ApiResult {
	const c = w.cluster!;
	if (obj.kind === 'Pod') {
		const ns = obj.metadata.namespace ?? 'default';
		const account = obj.spec.serviceAccountName ?? obj.spec.serviceAccount ?? 'default';
		if (account !== 'default' && !c.store.serviceaccounts.has(`${ns}/${account}`)) {
			return {ok: false, error: {code: 403, reason: 'Forbidden', message: `pods "${obj.metadata.name}" is forbidden: error looking up service account ${ns}/${account}: serviceaccount "${account}" not found`}};
		}
		const noPriority = admitPodPriority(w, obj);
		if (noPriority) return {ok: false, error: {code: 403, reason: 'Forbidden', message: noPriority}};
		applyLimitRanges(w, obj);
		const refused = quotaRefusal(w, obj);
		if (refused) return {ok: false, error: {code: 403, reason: 'Forbidden', message: refused}};
		admitNewPod(w, obj);
	}
	if (obj.kind === 'PriorityClass') {
		const refused = priorityClassRefusal(w, obj);
		if (refused) return {ok: false, error: {code: 403, reason: 'Forbidden', message: refused}};
	}
	if (obj.kind === 'PodDisruptionBudget') obj.status = {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0};
	if (obj.kind === 'PersistentVolumeClaim') admitClaim(w, obj);
	if (obj.kind === 'PersistentVolume') obj.status = {phase: 'Available'};
	if (obj.kind === 'ResourceQuota') obj.status = quotaStatus(w, obj);
	if (obj.kind === 'Ingress') obj.status = {loadBalancer: {}};
	if (obj.kind === 'Service') {
		const allocated = allocateServiceAddresses(c, obj);
		if (allocated) return {ok: false, error: allocated};
	}
	if (obj.kind === 'ReplicationController' || obj.kind === 'ReplicaSet') obj.status = {replicas: 0};
	if (obj.kind === 'Deployment') obj.status = {};
	if (obj.kind === 'Job') {
		prepareJob(obj);
		obj.status = {};
	}
	if (obj.kind === 'CronJob') obj.status = {};
	if (obj.kind === 'DaemonSet') obj.metadata.annotations = {...obj.metadata.annotations, 'deprecated.daemonset.template.generation': '1'};
	if (obj.kind === 'DaemonSet') obj.status = {currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0};
	if (obj.kind === 'StatefulSet') obj.status = {replicas: 0, availableReplicas: 0};
	return {ok: true, object: obj};
}

/**
 * The apiserver picks a free port of 30000-32767 at random; here the draw comes from the Service's
 * uid (itself from the world's seeded RNG), so a world replays the same ports without shifting the RNG.
 */
function randomNodePort(c: Cluster, svc: Service, index: number): number {
	const span = 32767 - 30000 + 1;
	let port = 30000 + (parseInt(digestHex(`nodeport/${svc.metadata.uid}/${index}`, 8), 16) % span);
	while (c.usedNodePorts.includes(port)) port = port >= 32767 ? 30000 : port + 1;
	return port;
}

function allocateServiceAddresses(c: Cluster, svc: Service): ApiError | undefined {
	const spec = svc.spec;
	if (spec.type === 'ExternalName') {
		// An ExternalName service is a DNS alias: no cluster IP, no node ports.
		svc.status = {loadBalancer: {}};
		return undefined;
	}
	const usedIps = new Set<string>();
	for (const other of c.store.services.values()) if (other.spec?.clusterIP) usedIps.add(other.spec.clusterIP);
	if (spec.clusterIP === undefined || spec.clusterIP === '') {
		// Sequential in 10.96.0.0/12, skipping addresses already taken (kube-dns holds 10.96.0.10).
		let ip: string;
		do {
			const n = c.nextServiceIp++;
			ip = `10.${96 + (Math.floor(n / 65536) % 16)}.${Math.floor(n / 256) % 256}.${n % 256}`;
		} while (usedIps.has(ip) || ip.endsWith('.0') || ip.endsWith('.255'));
		spec.clusterIP = ip;
	} else if (spec.clusterIP !== 'None' && usedIps.has(spec.clusterIP)) {
		return {code: 422, reason: 'Invalid', message: invalidMessage('Service', svc.metadata.name, [`spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`])};
	}
	spec.clusterIPs ??= [spec.clusterIP];
	if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
		for (const [i, p] of (spec.ports ?? []).entries()) {
			if (p.nodePort !== undefined) {
				if (c.usedNodePorts.includes(p.nodePort)) {
					return {code: 422, reason: 'Invalid', message: invalidMessage('Service', svc.metadata.name, [`spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`])};
				}
			} else p.nodePort = randomNodePort(c, svc, i);
			c.usedNodePorts.push(p.nodePort);
		}
	}
	svc.status = {loadBalancer: {}};
	return undefined;
}

function afterCreate(w: World, info: ResourceInfo, obj: KubeObject): void {
	const c = w.cluster!;
	switch (obj.kind) {
		case 'Pod':
			// The quota admission plugin records the new usage at once.
			if (c.store.resourcequotas.size) refreshQuotas(w, () => nextResourceVersion(c));
			indexPodOwner(c, storeKey(info, obj.metadata.namespace, obj.metadata.name), obj);
			if (obj.spec.nodeName) bindPodToNode(w, storeKey(info, obj.metadata.namespace, obj.metadata.name), obj.spec.nodeName);
			else c.schedulingQueue.push(storeKey(info, obj.metadata.namespace, obj.metadata.name));
			markOwnersDirty(c, obj);
			break;
		case 'ReplicationController':
		case 'ReplicaSet':
		case 'Deployment':
			c.dirtyControllers.add(`${info.resource}/${obj.metadata.namespace}/${obj.metadata.name}`);
			break;
		case 'Service':
			c.dirtyServices.add(obj.metadata.namespace!);
			break;
		case 'Job':
		case 'DaemonSet':
		case 'StatefulSet':
			c.dirtyControllers.add(`${info.resource}/${obj.metadata.namespace}/${obj.metadata.name}`);
			break;
		case 'Namespace':
			populateNamespace(w, obj.metadata.name);
			break;
		case 'PersistentVolume':
		case 'PersistentVolumeClaim':
			c.dirtyControllers.add('volumes//');
			break;
		case 'Lease':
			observeLeaseWrite(c, obj);
			break;
		case 'Endpoints': {
			// The EndpointSlice mirroring controller copies user-managed Endpoints of a Service without a selector.
			const svc = c.store.services.get(`${obj.metadata.namespace}/${obj.metadata.name}`);
			if (svc && !svc.spec?.selector) writeEndpointSlice(w, svc, obj.subsets);
			break;
		}
	}
}

/** A PUT keeps the stored status (the status subresource is written by the controllers). */
function keepStatus(next: KubeObject, existing: KubeObject): void {
	(next as {status?: unknown}).status = (existing as {status?: unknown}).status;
}

function stableJson(value: unknown): string {
	return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * PUT of a whole new desired state (what `kubectl apply` sends for an existing object): keeps the
 * server-set metadata and status, validates, and bumps resourceVersion (and generation when the spec changed).
 */
export function replaceObject(w: World, input: ObjectInput): ApiResult {
	const c = w.cluster!;
	const info = resourceByKind(input.kind)!;
	const ns = info.namespaced ? (input.metadata.namespace ?? 'default') : undefined;
	const key = storeKey(info, ns, String(input.metadata.name));
	const existing = storeOf(c, info.resource).get(key);
	if (!existing) return {ok: false, error: notFound(info.resource, String(input.metadata.name))};
	const next = stripServerFields(input);
	next.metadata = {
		...existing.metadata,
		labels: input.metadata.labels,
		annotations: {...input.metadata.annotations},
	};
	if (!input.metadata.annotations || Object.keys(input.metadata.annotations).length === 0) delete next.metadata.annotations;
	if (!next.metadata.labels) delete next.metadata.labels;
	applyDefaults(next);
	if (next.kind === 'Pod' && existing.kind === 'Pod') {
		// The API server lets a pod's spec change only in a few fields, e.g. the images.
		const nextSpec = fieldsIn(next, 'spec') ?? {};
		const nextContainers: unknown[] = Array.isArray(nextSpec.containers) ? nextSpec.containers : [];
		const merged = cloneData(existing.spec);
		nextContainers.forEach((container, i) => {
			const image = isFields(container) ? container.image : undefined;
			if (merged.containers[i] && image) merged.containers[i].image = image as string;
		});
		// (containers are compared one by one below)
		const candidate = {...existing.spec, ...nextSpec};
		const comparable = (spec: object) => stableJson({...spec, containers: undefined, volumes: undefined, tolerations: undefined, nodeName: undefined, serviceAccount: undefined, serviceAccountName: undefined, priority: undefined, preemptionPolicy: undefined});
		const containersSame = nextContainers.length === existing.spec.containers.length && nextContainers.every((x, i) => stableJson({...(x as object), image: undefined, volumeMounts: undefined}) === stableJson({...existing.spec.containers[i], image: undefined, volumeMounts: undefined}));
		if (comparable(candidate) !== comparable(existing.spec) || !containersSame) {
			return {
				ok: false,
				error: {
					code: 422,
					reason: 'Invalid',
					message: invalidMessage('Pod', existing.metadata.name, [
						'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
					]),
				},
			};
		}
		next.spec = merged;
	}
	const errors = validateObject(next);
	if (errors.length) return {ok: false, error: {code: 422, reason: 'Invalid', message: invalidMessage(next.kind, String(next.metadata.name), errors)}};
	return storeReplacement(w, info, key, existing, next as KubeObject); // validated: it has its kind's shape
}

function storeReplacement(w: World, info: ResourceInfo, key: string, existing: KubeObject, next: KubeObject): ApiResult {
	const c = w.cluster!;
	if (next.kind === 'Service' && existing.kind === 'Service') {
		next.spec.clusterIP = existing.spec.clusterIP;
		next.spec.clusterIPs = existing.spec.clusterIPs;
		for (const [i, p] of (next.spec.ports ?? []).entries()) p.nodePort ??= existing.spec.ports?.[i]?.nodePort;
	}
	keepStatus(next, existing);
	// Everything but status counts: a ConfigMap's data, a Role's rules, an Endpoints' subsets.
	const comparable = (o: KubeObject) => stableJson({...o, status: undefined, metadata: {...o.metadata, resourceVersion: '', generation: 0}});
	const before = comparable(existing);
	const after = comparable(next);
	if (before === after) return {ok: true, object: existing, unchanged: true};
	const specChanged = stableJson(specOf(existing)) !== stableJson(specOf(next));
	if (specChanged && existing.metadata.generation !== undefined) next.metadata.generation = existing.metadata.generation + 1;
	next.metadata.resourceVersion = nextResourceVersion(c);
	storeOf(c, info.resource).set(key, next);
	if (next.kind === 'Pod' && existing.kind === 'Pod') {
		const images = (obj: Pod) => obj.spec.containers.map(x => x.image).join(',');
		if (images(existing) !== images(next)) c.kubeletTimers.set(key, w.time);
		markOwnersDirty(c, next);
	} else if (['replicationcontrollers', 'replicasets', 'deployments', 'daemonsets', 'statefulsets'].includes(info.resource)) {
		c.dirtyControllers.add(`${info.resource}/${next.metadata.namespace}/${next.metadata.name}`);
	} else if (info.resource === 'services') c.dirtyServices.add(next.metadata.namespace!);
	else if (info.resource === 'nodes') {
		retryUnschedulablePods(w);
		markDaemonSetsDirty(c);
	} else if (next.kind === 'Lease') observeLeaseWrite(c, next);
	return {ok: true, object: next};
}

/** Changes an object in place (labels, annotations, replicas, cordon) and bumps its resourceVersion. */
export function patchObject<R extends ResourceName>(w: World, resource: R, key: string, change: (obj: StoredKinds[R]) => void): ApiResult {
	const c = w.cluster!;
	const obj: StoredKinds[R] | undefined = c.store[resource].get(key);
	if (!obj) return {ok: false, error: notFound(resource, key.split('/').pop()!)};
	const specBefore = JSON.stringify(specOf(obj));
	change(obj);
	if (obj.metadata.generation !== undefined && JSON.stringify(specOf(obj)) !== specBefore) obj.metadata.generation += 1;
	obj.metadata.resourceVersion = nextResourceVersion(c);
	if (resource === 'pods') markOwnersDirty(c, obj);
	if (['replicationcontrollers', 'replicasets', 'deployments', 'daemonsets', 'statefulsets'].includes(resource)) c.dirtyControllers.add(`${resource}/${key}`);
	if (resource === 'services') c.dirtyServices.add(obj.metadata.namespace!);
	const changed: KubeObject = obj;
	if (changed.kind === 'Lease') observeLeaseWrite(c, changed);
	if (resource === 'nodes') {
		retryUnschedulablePods(w); // a node change may make waiting pods fit: retry them now
		markDaemonSetsDirty(c); // ...and may make a node want, or stop wanting, a daemon pod
	}
	return {ok: true, object: obj};
}

/** propagationPolicy as the API takes it (kubectl --cascade=background|foreground|orphan); Background by default. */
export type DeleteOptions = {gracePeriodSeconds?: number; force?: boolean; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'};

/** DELETE: pods terminate gracefully through their kubelet; owned objects are garbage-collected. */
export function deleteObject(w: World, resource: ResourceName, namespace: string | undefined, name: string, options: DeleteOptions = {}): ApiResult {
	const c = w.cluster!;
	const info = resourceInfo(resource);
	const key = storeKey(info, namespace, name);
	const obj = c.store[resource].get(key);
	if (!obj) return {ok: false, error: notFound(resource, name)};
	if (obj.kind === 'Pod') {
		const immediate = options.force || options.gracePeriodSeconds === 0 || !obj.spec.nodeName;
		if (immediate) removePod(w, key);
		else requestPodTermination(w, key, options.gracePeriodSeconds);
		return {ok: true, object: obj};
	}
	if (obj.kind === 'Namespace') {
		if (['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(name)) {
			return {ok: false, error: {code: 403, reason: 'Forbidden', message: `namespaces "${name}" is forbidden: this namespace may not be deleted`}};
		}
		obj.status = {phase: 'Terminating'};
		obj.metadata.deletionTimestamp = now(w);
		obj.metadata.resourceVersion = nextResourceVersion(c);
		const namespaced = resourceInfos.filter(r => r.namespaced && r.resource !== 'pods').map(r => r.resource);
		for (const r of [...namespaced, 'pods'] as ResourceName[]) {
			for (const o of listObjects(c, r, name)) deleteObject(w, r, name, o.metadata.name);
		}
		c.dirtyControllers.add(`namespaces//${name}`);
		return {ok: true, object: obj};
	}
	c.store[resource].delete(key);
	if (resource === 'persistentvolumeclaims' || resource === 'persistentvolumes') c.dirtyControllers.add('volumes//');
	if (obj.kind === 'Service') {
		c.store.endpoints.delete(key);
		deleteEndpointSlices(w, obj);
		for (const p of obj.spec?.ports ?? []) if (p.nodePort) c.usedNodePorts = c.usedNodePorts.filter(x => x !== p.nodePort);
	}
	if (resource === 'nodes') {
		c.nodes = c.nodes.filter(n => n !== name);
		deleteNodeLease(w, name);
		markDaemonSetsDirty(c);
	}
	if (options.propagationPolicy === 'Orphan') orphanDependents(w, obj);
	else collectGarbage(w, obj);
	return {ok: true, object: obj};
}

/** The garbage collector: objects whose controlling owner is gone are deleted (background propagation). */
function collectGarbage(w: World, owner: KubeObject): void {
	const c = w.cluster!;
	const uid = owner.metadata.uid;
	for (const rs of [...c.store.replicasets.values()]) {
		if (rs.metadata.namespace === owner.metadata.namespace && rs.metadata.ownerReferences?.some(r => r.uid === uid)) deleteObject(w, 'replicasets', rs.metadata.namespace, rs.metadata.name);
	}
	for (const key of [...(c.podsByOwner.get(uid) ?? [])]) {
		const pod = c.store.pods.get(key);
		if (pod && !pod.metadata.deletionTimestamp) deleteObject(w, 'pods', pod.metadata.namespace, pod.metadata.name);
	}
}

export function ageMs(w: World, obj: KubeObject): number {
	return w.time - msOf(obj.metadata.creationTimestamp);
}
