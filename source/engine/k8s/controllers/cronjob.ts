// The CronJob controller: on the virtual clock, creates a Job from the jobTemplate at each
// scheduled minute (only the latest one when several were missed), honours suspend and
// concurrencyPolicy, tracks active Jobs and prunes finished ones beyond the history limits.
import type {World} from '../../world.ts';
import {worldEpoch} from '../../world.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {nextRun, parseSchedule} from '../cron.ts';
import {recordObjectEvent} from '../events.ts';
import {cloneData, msOf, nextResourceVersion, timestampAt} from '../metadata.ts';
import type {KubeObject} from '../types.ts';
import type {CronJob, CronJobStatus, Job, ObjectReference} from '../kinds.ts';

const who = 'cronjob-controller';

function jobState(job: Job): 'Complete' | 'Failed' | undefined {
	const type = (job.status?.conditions ?? []).find(x => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True')?.type;
	return type === 'Complete' || type === 'Failed' ? type : undefined;
}

/** The latest scheduled instant in (after, now], in virtual ms, or undefined. */
function latestDue(schedule: string, afterMs: number, nowMs: number): number | undefined {
	const parsed = parseSchedule(schedule);
	if (typeof parsed === 'string') return undefined;
	let due: number | undefined;
	let t = afterMs + worldEpoch;
	for (let guard = 0; guard < 1000; guard++) {
		const next = nextRun(parsed, t);
		if (next === undefined || next > nowMs + worldEpoch) break;
		due = next - worldEpoch;
		t = next;
	}
	return due;
}

function ownedJobs(w: World, cj: CronJob): Job[] {
	return [...w.cluster!.store.jobs.values()].filter(j => j.metadata.namespace === cj.metadata.namespace && j.metadata.ownerReferences?.some(r => r.uid === cj.metadata.uid));
}

/** Runs every CronJob's schedule up to the world's time. Call on a draft, once per tick slice. */
export function runCronJobs(w: World): void {
	const c = w.cluster!;
	for (const cj of c.store.cronjobs.values()) {
		const jobs = ownedJobs(w, cj);
		const status: CronJobStatus = {...cj.status};
		const before = JSON.stringify(cj.status ?? {});
		// Finished jobs leave the active list; the newest success is remembered.
		const active = jobs.filter(j => !jobState(j));
		for (const job of jobs) {
			if (jobState(job) && (status.active ?? []).some(r => r.uid === job.metadata.uid)) {
				recordObjectEvent(w, cj, 'Normal', who, 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${jobState(job)}`);
				if (jobState(job) === 'Complete') status.lastSuccessfulTime = job.status?.completionTime;
			}
		}
		const spec = cj.spec;
		const due = spec.suspend ? undefined : latestDue(spec.schedule, msOf(status.lastScheduleTime ?? cj.metadata.creationTimestamp), w.time);
		if (due !== undefined) {
			const policy = spec.concurrencyPolicy ?? 'Allow';
			if (policy === 'Forbid' && active.length) {
				status.lastScheduleTime = timestampAt(due);
			} else {
				if (policy === 'Replace') {
					for (const job of active) {
						deleteObject(w, 'jobs', job.metadata.namespace, job.metadata.name);
						recordObjectEvent(w, cj, 'Normal', who, 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
						active.splice(active.indexOf(job), 1);
					}
				}
				const template = spec.jobTemplate ?? {};
				const job = {
					apiVersion: 'batch/v1',
					kind: 'Job' as const,
					metadata: {
						name: `${cj.metadata.name}-${Math.floor((due + worldEpoch) / 60_000)}`,
						namespace: cj.metadata.namespace,
						...(template.metadata?.labels ? {labels: {...template.metadata.labels}} : {}),
						annotations: {...template.metadata?.annotations, 'batch.kubernetes.io/cronjob-scheduled-timestamp': timestampAt(due)},
						ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true}],
					}, // createObject gives it a uid, resourceVersion and creationTimestamp
					spec: cloneData(template.spec ?? {}),
				};
				const result = createObject(w, job);
				if (result.ok) {
					active.push(result.object);
					recordObjectEvent(w, cj, 'Normal', who, 'SuccessfulCreate', `Created job ${job.metadata.name}`);
				} else recordObjectEvent(w, cj, 'Warning', who, 'FailedCreate', `Error creating job: ${result.error.message}`);
				status.lastScheduleTime = timestampAt(due);
			}
		}
		// History limits: the oldest finished Jobs beyond the limits are deleted.
		for (const [state, limit] of [['Complete', spec.successfulJobsHistoryLimit ?? 3], ['Failed', spec.failedJobsHistoryLimit ?? 1]] as const) {
			const done = ownedJobs(w, cj)
				.filter(j => jobState(j) === state)
				.sort((a, b) => msOf(a.status?.startTime ?? a.metadata.creationTimestamp) - msOf(b.status?.startTime ?? b.metadata.creationTimestamp));
			for (const job of done.slice(0, Math.max(0, done.length - limit))) {
				deleteObject(w, 'jobs', job.metadata.namespace, job.metadata.name);
				recordObjectEvent(w, cj, 'Normal', who, 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
			}
		}
		// A reference keeps the resourceVersion the Job had when it was first listed, as the controller's cache does.
		const known = new Map((status.active ?? []).map(r => [r.uid, r]));
		const refs = active.filter(j => c.store.jobs.has(`${j.metadata.namespace}/${j.metadata.name}`)).map((j): ObjectReference => known.get(j.metadata.uid) ?? {apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: j.metadata.namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid});
		if (refs.length) status.active = refs;
		else delete status.active;
		if (JSON.stringify(status) !== before) {
			cj.status = status;
			cj.metadata.resourceVersion = nextResourceVersion(c);
		}
	}
}
