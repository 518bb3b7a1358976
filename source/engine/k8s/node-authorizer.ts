// The Node authorizer (kubeadm's --authorization-mode=Node,RBAC puts it before RBAC): a kubelet's
// credentials (user system:node:NAME in group system:nodes) may read the secrets, configmaps and
// volumes of the pods bound to its node, and what the bootstrap policy's NodeRules allow (nodes,
// pods, services, events...). As plugin/pkg/auth/authorizer/node/node_authorizer.go in 1.31, where
// the AuthorizeNodeWithSelectors gate is off: nodes and pods are not subdivided there.
import type {PolicyRule} from './kinds.ts';
import type {Cluster} from './types.ts';

type UserLike = {name: string; groups: string[]};
type ResourceAttributes = {verb: string; group: string; resource: string; subresource?: string; name?: string; namespace: string};

/** NodeIdentity: the node a user acts for, when it is a kubelet's. */
export function nodeNameOf(user: UserLike): string | undefined {
	if (!user.groups.includes('system:nodes') || !user.name.startsWith('system:node:')) return undefined;
	return user.name.slice('system:node:'.length);
}

const read = ['get', 'list', 'watch'];

/** bootstrappolicy.NodeRules(), the part a learner meets: what every node may do outside the subdivided types. */
export const nodeRules: PolicyRule[] = [
	{apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create']},
	{apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews', 'localsubjectaccessreviews'], verbs: ['create']},
	{apiGroups: [''], resources: ['services'], verbs: read},
	{apiGroups: [''], resources: ['nodes'], verbs: ['create', ...read]},
	{apiGroups: [''], resources: ['nodes/status'], verbs: ['update', 'patch']},
	{apiGroups: [''], resources: ['nodes'], verbs: ['update', 'patch']},
	{apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'update', 'patch']},
	{apiGroups: [''], resources: ['pods'], verbs: read},
	{apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete']},
	{apiGroups: [''], resources: ['pods/status'], verbs: ['update', 'patch']},
	{apiGroups: [''], resources: ['pods/eviction'], verbs: ['create']},
	{apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', ...read]},
	{apiGroups: ['storage.k8s.io'], resources: ['csidrivers'], verbs: read},
	{apiGroups: ['node.k8s.io'], resources: ['runtimeclasses'], verbs: read},
];

type Decision = {allowed: boolean; reason: string};
const noOpinion = (reason = ''): Decision => ({allowed: false, reason});

/** Does a pod bound to the node use the object (a volume, env, envFrom, an image pull secret, its service account)? */
function relatedToNode(c: Cluster, node: string, resource: string, namespace: string, name: string): boolean {
	for (const key of c.podsByNode.get(node) ?? []) {
		const pod = c.store.pods.get(key);
		if (!pod || pod.metadata.namespace !== namespace) continue;
		const spec = pod.spec as unknown as {volumes?: Record<string, {secretName?: string; name?: string; claimName?: string}>[]; containers?: {env?: {valueFrom?: Record<string, {name?: string}>}[]; envFrom?: Record<string, {name?: string}>[]}[]; imagePullSecrets?: {name?: string}[]; serviceAccountName?: string};
		if (resource === 'serviceaccounts') {
			if ((spec.serviceAccountName ?? 'default') === name) return true;
			continue;
		}
		const volumeKey = resource === 'secrets' ? 'secret' : resource === 'configmaps' ? 'configMap' : 'persistentVolumeClaim';
		const nameIn = (ref: {secretName?: string; name?: string; claimName?: string} | undefined) => !!ref && (ref.secretName ?? ref.claimName ?? ref.name) === name;
		if ((spec.volumes ?? []).some(v => nameIn(v[volumeKey]))) return true;
		if (resource === 'persistentvolumeclaims') continue;
		const refKey = resource === 'secrets' ? 'secretKeyRef' : 'configMapKeyRef';
		const fromKey = resource === 'secrets' ? 'secretRef' : 'configMapRef';
		for (const container of spec.containers ?? []) {
			if ((container.env ?? []).some(e => e.valueFrom?.[refKey]?.name === name)) return true;
			if ((container.envFrom ?? []).some(e => e[fromKey]?.name === name)) return true;
		}
		if (resource === 'secrets' && (spec.imagePullSecrets ?? []).some(s => s.name === name)) return true;
	}
	return false;
}

function byGraph(c: Cluster | undefined, node: string, a: ResourceAttributes): Decision {
	if (!a.name) return noOpinion('No Object name found');
	if (c && relatedToNode(c, node, a.resource, a.namespace, a.name)) return {allowed: true, reason: ''};
	return noOpinion(`no relationship found between node '${node}' and this object`);
}

/**
 * The Node authorizer's own decision for a resource request of a node's user: allowed, or no
 * opinion with its reason (which the API server's 403 ends with). Undefined: not a node's user, or
 * a type it leaves to its static rules and RBAC. Without a cluster a relationship is never found.
 */
export function nodeAuthorizerDecision(c: Cluster | undefined, user: UserLike, a: ResourceAttributes): Decision | undefined {
	const node = nodeNameOf(user);
	if (node === undefined) return undefined;
	if (a.group === '' && (a.resource === 'secrets' || a.resource === 'configmaps')) {
		if (!read.includes(a.verb)) return noOpinion('can only read resources of this type');
		if (a.subresource) return noOpinion('cannot read subresource');
		if (!a.namespace) return noOpinion('can only read namespaced object of this type');
		return byGraph(c, node, a);
	}
	if (a.group === '' && a.resource === 'persistentvolumeclaims' && a.subresource !== 'status') {
		if (a.verb !== 'get') return noOpinion('can only get individual resources of this type');
		if (a.subresource) return noOpinion('cannot get subresource');
		return byGraph(c, node, a);
	}
	if (a.group === '' && a.resource === 'serviceaccounts') {
		if (a.verb !== 'create' || !a.name) return noOpinion('can only create tokens for individual service accounts');
		if (a.subresource !== 'token') return noOpinion('can only create token subresource of serviceaccount');
		return byGraph(c, node, a);
	}
	if (a.group === 'coordination.k8s.io' && a.resource === 'leases') {
		if (!['get', 'create', 'update', 'patch', 'delete'].includes(a.verb)) return noOpinion('can only get, create, update, patch, or delete a node lease');
		if (a.namespace !== 'kube-node-lease') return noOpinion('can only access leases in the "kube-node-lease" system namespace');
		if (a.verb !== 'create' && a.name !== node) return noOpinion('can only access node lease with the same name as the requesting node');
		return {allowed: true, reason: ''};
	}
	return undefined;
}

/**
 * The NodeRestriction admission plugin's refusal of what the authorizers let a node's user through
 * (plugin/pkg/admission/noderestriction): a node creates only mirror pods, and changes only its own
 * Node object. The message as admission.NewForbidden wraps it; undefined when it admits.
 */
export function nodeRestriction(user: UserLike, a: ResourceAttributes, objectName?: string): string | undefined {
	const node = nodeNameOf(user);
	if (node === undefined || a.group !== '') return undefined;
	const name = a.name ?? objectName;
	const forbidden = (why: string) => `${a.resource}${name ? ` "${name}"` : ''} is forbidden: ${why}`;
	if (a.resource === 'pods' && !a.subresource && a.verb === 'create') return forbidden(`pod does not have "kubernetes.io/config.mirror" annotation, node "${node}" can only create mirror pods`);
	if (a.resource === 'nodes' && (a.verb === 'update' || a.verb === 'patch') && name && name !== node) return forbidden(`node "${node}" is not allowed to modify node "${name}"`);
	return undefined;
}
