// The Job controller of kube-controller-manager: runs a Job's pods to the wanted number of
// completions, `parallelism` at a time; counts failures against backoffLimit (with a growing delay
// before a failed pod is replaced), stops at activeDeadlineSeconds, and keeps the pods afterwards.
import {cloneData} from '../metadata.ts';
import type {World} from '../../world.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {msOf, nextResourceVersion, now} from '../metadata.ts';
import {podIsReady} from '../typed-store.ts';
import type {KubeObject} from '../types.ts';
import type {Job, JobCondition, JobStatus, Pod} from '../kinds.ts';

const who = 'job-controller';

function finished(job: Job): boolean {
	return (job.status?.conditions ?? []).some(c => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function condition(w: World, type: string, reason: string, message: string): JobCondition {
	return {type, status: 'True', lastProbeTime: now(w), lastTransitionTime: now(w), reason, message};
}

function ownedPods(w: World, job: Job): Pod[] {
	const c = w.cluster!;
	const out: Pod[] = [];
	for (const key of c.podsByOwner.get(job.metadata.uid) ?? []) {
		const pod = c.store.pods.get(key);
		if (pod) out.push(pod);
	}
	return out;
}

const terminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** The delay before a failed Job pod is replaced: 10 s doubling per failure, at most 6 minutes. */
function backoffMs(failures: number): number {
	return failures <= 0 ? 0 : Math.min(10_000 * 2 ** (failures - 1), 360_000);
}

function lastFailureMs(pods: Pod[]): number {
	let last = 0;
	for (const pod of pods) {
		for (const s of pod.status?.containerStatuses ?? []) {
			for (const state of [s.state?.terminated, s.lastState?.terminated]) if (state && state.exitCode !== 0) last = Math.max(last, msOf(state.finishedAt));
		}
	}
	return last;
}

/** Whether the controller must look at this Job again as time passes (a deadline, a back-off). */
export function jobNeedsTime(job: Job): boolean {
	return !finished(job) && !job.spec?.suspend;
}

/** Brings one Job closer to done. Call on a draft. */
export function reconcileJob(w: World, key: string): void {
	const c = w.cluster!;
	const job = c.store.jobs.get(key);
	if (!job || finished(job) || job.spec?.suspend) return;
	const spec = job.spec;
	const pods = ownedPods(w, job);
	const active = pods.filter(p => !terminal(p) && !p.metadata.deletionTimestamp);
	const succeeded = pods.filter(p => p.status?.phase === 'Succeeded').length;
	const failedPods = pods.filter(p => p.status?.phase === 'Failed').length;
	const restarts = spec.template?.spec?.restartPolicy === 'OnFailure' ? pods.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0) : 0;
	const failures = failedPods + restarts;
	const before = JSON.stringify(job.status ?? {});
	const status: JobStatus = {...job.status};
	status.startTime ??= now(w);
	const fail = (reason: string, message: string) => {
		for (const pod of active) {
			deleteObject(w, 'pods', pod.metadata.namespace, pod.metadata.name);
			recordObjectEvent(w, job, 'Normal', who, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
		}
		status.conditions = [...(status.conditions ?? []), condition(w, 'FailureTarget', reason, message), condition(w, 'Failed', reason, message)];
		recordObjectEvent(w, job, 'Warning', who, reason, message);
	};
	const deadline = spec.activeDeadlineSeconds;
	const completions: number | undefined = spec.completions ?? undefined;
	const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
	let activeCount = active.length;
	let deletedActive = 0;
	if (deadline !== undefined && w.time - msOf(status.startTime) >= deadline * 1000 && !complete) {
		fail('DeadlineExceeded', 'Job was active longer than specified deadline');
		deletedActive = activeCount;
		activeCount = 0;
	} else if (failures > (spec.backoffLimit ?? 6)) {
		fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
		deletedActive = activeCount;
		activeCount = 0;
	} else if (complete) {
		const message = 'Reached expected number of succeeded pods';
		status.conditions = [...(status.conditions ?? []), condition(w, 'SuccessCriteriaMet', 'CompletionsReached', message), condition(w, 'Complete', 'CompletionsReached', message)];
		status.completionTime = now(w);
		recordObjectEvent(w, job, 'Normal', who, 'Completed', 'Job completed');
	} else {
		const parallelism = spec.parallelism ?? 1;
		const wanted = completions === undefined ? (succeeded > 0 ? 0 : parallelism) : Math.min(parallelism, completions - succeeded);
		const waitUntil = lastFailureMs(pods) + backoffMs(failures);
		if (activeCount < wanted && w.time >= waitUntil) {
			const template = spec.template;
			for (let i = activeCount; i < wanted; i++) {
				const pod = {
					apiVersion: 'v1',
					kind: 'Pod' as const,
					metadata: {
						generateName: `${job.metadata.name}-`,
						namespace: job.metadata.namespace,
						labels: {...template.metadata?.labels},
						...(template.metadata?.annotations ? {annotations: {...template.metadata.annotations}} : {}),
						ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid, controller: true, blockOwnerDeletion: true}],
					},
					spec: cloneData(template.spec),
				};
				const result = createObject(w, pod);
				if (!result.ok) {
					recordObjectEvent(w, job, 'Warning', who, 'FailedCreate', `Error creating: ${result.error.message}`);
					break;
				}
				activeCount += 1;
				recordObjectEvent(w, job, 'Normal', who, 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
			}
		}
	}
	status.active = activeCount || undefined;
	// Pods the controller deleted when the Job failed count as failed ones.
	status.ready = deletedActive ? 0 : active.filter(podIsReady).length;
	status.succeeded = succeeded || undefined;
	status.failed = failedPods + deletedActive || undefined;
	status.terminating = 0;
	status.uncountedTerminatedPods = {};
	for (const k of Object.keys(status) as (keyof JobStatus)[]) if (status[k] === undefined) delete status[k];
	if (JSON.stringify(status) !== before) {
		job.status = status;
		job.metadata.resourceVersion = nextResourceVersion(c);
		for (const ref of job.metadata.ownerReferences ?? []) if (ref.kind === 'CronJob') c.dirtyControllers.add(`cronjobs/${job.metadata.namespace}/${ref.name}`);
	}
}
