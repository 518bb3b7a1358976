// coordination.k8s.io/v1 Leases as a kubeadm cluster holds them: one per node in kube-node-lease,
// which its kubelet renews every 10 s (the heartbeat the node lifecycle controller watches), and
// the leader-election leases of kube-scheduler and kube-controller-manager and the API server's
// identity lease in kube-system.
import {baseOf} from '../draft-reads.ts';
import {digestHex} from '../hash.ts';
import {worldEpoch, type World} from '../world.ts';
import {msOf, nextResourceVersion, timestampAt} from './metadata.ts';
import type {Cluster, KubeObject} from './types.ts';
import type {Lease, LeaseSpec} from './kinds-more.ts';
import type {ObjectMeta} from './object-types.ts';

export const nodeLeaseNamespace = 'kube-node-lease';
/** The kubelet's nodeLeaseDurationSeconds; it renews at a quarter of it (10 s). */
export const nodeLeaseDurationSeconds = 40;
/** kube-scheduler and kube-controller-manager: --leader-elect-lease-duration 15s, --leader-elect-retry-period 2s. */
const leaderLeaseDurationSeconds = 15;
const leaderRetryMs = 2_000;
/** The API server's identity lease: 3600 s, renewed every 10 s. */
const identityLeaseDurationSeconds = 3600;
const identityRenewMs = 10_000;

/** A MicroTime as the API server writes it: RFC 3339 with six fractional digits. */
export function microTimeAt(ms: number): string {
	return new Date(worldEpoch + ms).toISOString().replace(/Z$/, '000Z');
}

export function leaseKey(namespace: string, name: string): string {
	return `${namespace}/${name}`;
}

function renewTimeOf(lease: Lease | undefined): number | undefined {
	const renew = lease?.spec?.renewTime;
	return typeof renew === 'string' && renew ? msOf(renew) : undefined;
}

/**
 * When a lease was last renewed (virtual ms; undefined without a lease or renewTime). One produce
 * covers many slices, so the tick's base state can be stale: it is read first (cheap, no proxy),
 * and the draft only when the base says `staleAfterMs` have passed.
 */
export function leaseRenewedAt(w: World, namespace: string, name: string, staleAfterMs: number): number | undefined {
	const c = w.cluster!;
	const key = leaseKey(namespace, name);
	const fromBase = renewTimeOf(baseOf(c.store.leases).get(key));
	if (fromBase !== undefined && w.time - fromBase < staleAfterMs) return fromBase;
	return renewTimeOf(c.store.leases.get(key));
}

/**
 * The node lifecycle controller watches node Leases: each write of one (the kubelet's renewal, or
 * any write through the API) that shows a later renewTime moves the node's last-seen time, the
 * index it reads (Cluster.nodeLastSeen). An older renewTime is ignored, as the controller does.
 */
export function observeLeaseWrite(c: Cluster, lease: Lease): void {
	if (lease.kind !== 'Lease' || lease.metadata.namespace !== nodeLeaseNamespace) return;
	const renewed = renewTimeOf(lease);
	const node = lease.metadata.name;
	if (renewed !== undefined && c.nodes.includes(node) && renewed > (c.nodeLastSeen.get(node) ?? -Infinity)) c.nodeLastSeen.set(node, renewed);
}

function newLease(w: World, namespace: string, name: string, spec: LeaseSpec, extra: Partial<ObjectMeta> = {}): Lease {
	const c = w.cluster!;
	// The uid comes from a hash rather than the world's RNG: heartbeats must not shift the names and
	// uids every other object draws.
	const resourceVersion = nextResourceVersion(c);
	return {
		apiVersion: 'coordination.k8s.io/v1',
		kind: 'Lease',
		metadata: {name, namespace, uid: uuidOf(`lease/${namespace}/${name}/${resourceVersion}`), resourceVersion, creationTimestamp: timestampAt(w.time), ...extra},
		spec,
	};
}

/** The kubelet's heartbeat: renews (or, when it is gone, recreates) its node's Lease. Call on a draft. */
export function renewNodeLease(w: World, node: string, at = w.time): void {
	const c = w.cluster!;
	const key = leaseKey(nodeLeaseNamespace, node);
	const leases = c.store.leases;
	const lease = leases.get(key);
	if (lease) {
		// Changed in place: setting a new object into the map costs immer far more at the end of the tick.
		lease.spec = lease.spec ?? {};
		lease.spec.renewTime = microTimeAt(at);
		lease.metadata.resourceVersion = nextResourceVersion(c);
	} else {
		const owner = c.store.nodes.get(node);
		const ownerReferences = owner ? [{apiVersion: 'v1', kind: 'Node', name: node, uid: owner.metadata.uid}] : undefined;
		leases.set(key, newLease(w, nodeLeaseNamespace, node, {holderIdentity: node, leaseDurationSeconds: nodeLeaseDurationSeconds, renewTime: microTimeAt(at)}, ownerReferences ? {ownerReferences} : {}));
	}
	c.nodeLastSeen.set(node, at);
}

/** The garbage collector removes a node's Lease with its Node (the Lease's owner). */
export function deleteNodeLease(w: World, node: string): void {
	w.cluster!.store.leases.delete(leaseKey(nodeLeaseNamespace, node));
}

function uuidOf(seed: string): string {
	const hex = digestHex(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Leader election (client-go's leaderelection): the running process renews its lease every 2 s;
 * a new process (the component restarted: a new mirror pod) waits until the old holder's lease
 * has expired, then takes it over, counting a transition.
 */
function electLeader(w: World, component: 'kube-scheduler' | 'kube-controller-manager'): void {
	const c = w.cluster!;
	// The mirror pod from the tick's base state (a draft read would copy the whole pod map); one
	// started during this tick is read from the draft.
	const podKey = `kube-system/${component}-${c.controlPlane}`;
	const pod = baseOf(c.store.pods).get(podKey) ?? (c.store.pods.has(podKey) ? c.store.pods.get(podKey) : undefined);
	if (!pod) return;
	const identity = `${c.controlPlane}_${uuidOf(`leader/${pod.metadata.uid}`)}`;
	const renewed = leaseRenewedAt(w, 'kube-system', component, leaderRetryMs);
	if (renewed !== undefined && w.time - renewed < leaderRetryMs) return;
	const key = leaseKey('kube-system', component);
	const lease = c.store.leases.get(key);
	const now = microTimeAt(w.time);
	if (!lease) {
		c.store.leases.set(key, newLease(w, 'kube-system', component, {holderIdentity: identity, leaseDurationSeconds: leaderLeaseDurationSeconds, acquireTime: now, renewTime: now, leaseTransitions: 0}));
		return;
	}
	if (lease.spec?.holderIdentity === identity) lease.spec = {...lease.spec, renewTime: now};
	else {
		const expired = renewed === undefined || w.time - renewed >= (lease.spec?.leaseDurationSeconds ?? leaderLeaseDurationSeconds) * 1000;
		if (!expired) return;
		lease.spec = {...lease.spec, holderIdentity: identity, leaseDurationSeconds: leaderLeaseDurationSeconds, acquireTime: now, renewTime: now, leaseTransitions: (lease.spec?.leaseTransitions ?? 0) + 1};
	}
	lease.metadata.resourceVersion = nextResourceVersion(c);
}

/** "apiserver-" and the lowercase base32 of a hash of the host name, as the API server names its identity lease. */
function identityLeaseName(host: string): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	const hex = digestHex(`apiserver/${host}`, 40);
	let bits = '';
	for (const ch of hex) bits += parseInt(ch, 16).toString(2).padStart(4, '0');
	let out = '';
	for (let i = 0; i + 5 <= bits.length && out.length < 26; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
	return `apiserver-${out}`;
}

function renewApiServerIdentity(w: World): void {
	const c = w.cluster!;
	const name = identityLeaseName(c.controlPlane);
	const renewed = leaseRenewedAt(w, 'kube-system', name, identityRenewMs);
	if (renewed !== undefined && w.time - renewed < identityRenewMs) return;
	const key = leaseKey('kube-system', name);
	const lease = c.store.leases.get(key);
	if (lease) {
		lease.spec = {...lease.spec, renewTime: microTimeAt(w.time)};
		lease.metadata.resourceVersion = nextResourceVersion(c);
		return;
	}
	const labels = {'apiserver.kubernetes.io/identity': 'kube-apiserver', 'kubernetes.io/hostname': c.controlPlane};
	c.store.leases.set(key, newLease(w, 'kube-system', name, {holderIdentity: `${name}_${uuidOf(`identity/${c.controlPlane}`)}`, leaseDurationSeconds: identityLeaseDurationSeconds, renewTime: microTimeAt(w.time)}, {labels}));
}

/** The control plane's own leases, renewed while each component runs. Call on a draft with the API server up. */
export function renewControlPlaneLeases(w: World): void {
	const c = w.cluster!;
	renewApiServerIdentity(w);
	if (c.components['kube-scheduler']) electLeader(w, 'kube-scheduler');
	if (c.components['kube-controller-manager']) electLeader(w, 'kube-controller-manager');
}
