// The control-plane kubelet watches /etc/kubernetes/manifests: a component whose manifest leaves
// the directory is stopped (its mirror pod goes), and comes back when the file returns.
import {isDraft} from 'immer';
import {peek} from '../draft-reads.ts';
import {listDirectory, lookupFile} from '../host/filesystem.ts';
import type {Filesystem} from '../host/types.ts';
import type {World} from '../world.ts';
import {recordObjectEvent} from './events.ts';
import {createStaticPod, manifestsDir} from './create-cluster.ts';
import {kubeletAlive} from './node-health.ts';
import {removePod} from './pod-store.ts';
import type {ControlPlaneComponent} from './types.ts';

const componentNames: ControlPlaneComponent[] = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

/** The components whose manifests are in the directory now (by the `component:` label inside each file). */
function presentComponents(w: World): ReadonlySet<ControlPlaneComponent> {
	const c = w.cluster!;
	// Read without drafting: a draft read of the host copies the world's host Map, every tick.
	const host = peek(w.hosts, c.controlPlane);
	const fs = host?.filesystems.get(`${host.name}:/`);
	if (!fs) return new Set();
	// A frozen plain filesystem cannot change under a cached answer.
	const frozen = fs.kind === 'plain' && !isDraft(fs) && Object.isFrozen(fs.files) ? fs : undefined;
	const known = frozen && presentByFilesystem.get(frozen);
	if (known) return known;
	const present = new Set<ControlPlaneComponent>();
	for (const name of listDirectory(w, fs, manifestsDir)) {
		if (!/\.(ya?ml|json)$/.test(name)) continue;
		const found = lookupFile(w, fs, `${manifestsDir}/${name}`);
		if (found?.node.type !== 'file') continue;
		const m = found.node.content.match(/component:\s*["']?([a-z-]+)/) ?? found.node.content.match(/\bname:\s*["']?([a-z-]+)/);
		const component = m?.[1] as ControlPlaneComponent | undefined;
		if (component && componentNames.includes(component)) present.add(component);
	}
	if (frozen) presentByFilesystem.set(frozen, present);
	return present;
}

const presentByFilesystem = new WeakMap<Filesystem, ReadonlySet<ControlPlaneComponent>>();

/** Syncs the static pods with the manifest directory. Call on a draft, once per slice. */
export function syncStaticPods(w: World): void {
	const c = w.cluster!;
	if (!kubeletAlive(w, c.controlPlane)) {
		// Without its host or kubelet, nothing of the control plane runs.
		if (!w.hosts.get(c.controlPlane)?.reachable) for (const name of componentNames) c.components[name] = false;
		return;
	}
	const present = presentComponents(w);
	const signature = [...present].sort().join(',');
	if (signature === c.staticManifests && componentNames.every(n => c.components[n] === present.has(n))) return;
	c.staticManifests = signature;
	for (const name of componentNames) {
		const running = c.components[name];
		const podKey = `kube-system/${name}-${c.controlPlane}`;
		if (running && !present.has(name)) {
			c.components[name] = false;
			const pod = c.store.pods.get(podKey);
			if (pod) {
				recordObjectEvent(w, pod, 'Normal', `kubelet/${c.controlPlane}`, 'Killing', `Stopping container ${name}`, c.controlPlane);
				removePod(w, podKey);
			}
		} else if (!running && present.has(name)) {
			c.components[name] = true;
			if (!c.store.pods.has(podKey)) createStaticPod(w, name);
		}
	}
}
