import {unsimulatedPrograms, type ExternalProgramRunner} from '../script/external-programs.ts';
import type {World} from '../world.ts';
import {apiServerUp, listObjects} from './api-server.ts';
import {runCronJobs} from './controllers/cronjob.ts';
import {reconcileDaemonSet} from './controllers/daemonset.ts';
import {reconcileDeployment} from './controllers/deployment.ts';
import {reconcileStatefulSet} from './controllers/statefulset.ts';
import {reconcileVolumes} from './controllers/volumes.ts';
import {nextResourceVersion} from './metadata.ts';
import {refreshQuotas} from './quota.ts';
import {jobNeedsTime, reconcileJob} from './controllers/job.ts';
import {reconcileEndpoints} from './controllers/endpoints.ts';
import {runNodeLifecycle} from './controllers/node-lifecycle.ts';
import {renewControlPlaneLeases} from './leases.ts';
import {refreshDisruptionBudgets} from './policy-objects.ts';
import {reconcileReplicas} from './controllers/replication.ts';
import {runTaintEviction} from './controllers/taint-eviction.ts';
import {runKubelets} from './kubelet.ts';
import {runScheduler} from './scheduler.ts';
import {syncStaticPods} from './static-pods.ts';
import type {KubeObject} from './types.ts';

function podsByNamespace(w: World): Map<string, KubeObject[]> {
	const out = new Map<string, KubeObject[]>();
	for (const pod of w.cluster!.store.pods.values()) {
		const ns = pod.metadata.namespace!;
		let list = out.get(ns);
		if (!list) out.set(ns, (list = []));
		list.push(pod);
	}
	return out;
}

/** The controllers of kube-controller-manager that react to changes: replication, deployments, namespaces. */
function runControllers(w: World): void {
	const c = w.cluster!;
	if (c.dirtyControllers.size === 0) return;
	// Reconciling can dirty others (a Deployment scales a ReplicaSet), so loop a few rounds.
	for (let round = 0; round < 3 && c.dirtyControllers.size > 0; round++) {
		const dirty = [...c.dirtyControllers];
		c.dirtyControllers.clear();
		for (const item of dirty) {
			const [resource, ns, name] = item.split('/') as [string, string, string];
			const key = `${ns}/${name}`;
			if (resource === 'deployments') reconcileDeployment(w, key);
			else if (resource === 'replicationcontrollers' || resource === 'replicasets') reconcileReplicas(w, resource, key);
			else if (resource === 'jobs') reconcileJob(w, key);
			else if (resource === 'daemonsets') reconcileDaemonSet(w, key);
			else if (resource === 'statefulsets') reconcileStatefulSet(w, key);
			else if (resource === 'volumes') reconcileVolumes(w);
			else if (resource === 'namespaces') {
				const remaining = podsByNamespace(w).get(name)?.length ?? 0;
				if (remaining === 0) c.store.namespaces.delete(name);
				else c.dirtyControllers.add(item);
				if (remaining !== 0) return;
			}
		}
	}
}

/** Controllers that act as time passes: CronJob schedules, Job deadlines and back-offs. */
function runTimedControllers(w: World): void {
	const c = w.cluster!;
	if (c.store.cronjobs.size) runCronJobs(w);
	if (c.store.resourcequotas.size) refreshQuotas(w, () => nextResourceVersion(c));
	if (c.store.poddisruptionbudgets.size) refreshDisruptionBudgets(w);
	for (const [key, job] of c.store.jobs) if (jobNeedsTime(job)) c.dirtyControllers.add(`jobs/${key}`);
}

function runEndpoints(w: World): void {
	const c = w.cluster!;
	if (c.dirtyServices.size === 0) return;
	const namespaces = [...c.dirtyServices];
	c.dirtyServices.clear();
	let hasServices = false;
	for (const svc of c.store.services.values()) if (namespaces.includes(svc.metadata.namespace!)) hasServices = true;
	if (!hasServices) return;
	for (const ns of namespaces) reconcileEndpoints(w, ns, listObjects(c, 'pods', ns));
}

/** Runs the cluster for `ms` of virtual time: static pods, node lifecycle, scheduler, controllers, kubelets (containers' scripts run their tools through `programs`). */
export function advanceCluster(w: World, ms: number, programs: ExternalProgramRunner = unsimulatedPrograms): void {
	void ms;
	const c = w.cluster;
	if (!c) return;
	syncStaticPods(w);
	if (!apiServerUp(w)) return;
	const controllerManager = c.components['kube-controller-manager'];
	renewControlPlaneLeases(w);
	runNodeLifecycle(w, controllerManager);
	if (controllerManager) runTaintEviction(w);
	runScheduler(w);
	if (controllerManager) {
		runTimedControllers(w);
		runControllers(w);
		runEndpoints(w);
	}
	runKubelets(w, ms, programs);
	if (controllerManager) runControllers(w);
}
