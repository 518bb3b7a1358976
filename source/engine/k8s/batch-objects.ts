// Jobs and CronJobs in the API server: defaulting, validation in its wording, and what the
// Job strategy adds on create (the generated selector and the controller-uid / job-name labels).
import {parseSchedule} from './cron.ts';
import type {KubeObject} from './types.ts';

type PodSpecStep = (spec: any) => void;

function defaultJobSpec(spec: any, defaultPodSpec: PodSpecStep): void {
	if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
	spec.parallelism ??= 1;
	spec.backoffLimit ??= 6;
	spec.completionMode ??= 'NonIndexed';
	spec.suspend ??= false;
	spec.podReplacementPolicy ??= 'TerminatingOrFailed';
	spec.manualSelector ??= undefined;
	if (spec.manualSelector === undefined) delete spec.manualSelector;
	const template = spec.template;
	if (template && typeof template === 'object') {
		template.metadata ??= {};
		template.metadata.creationTimestamp ??= null;
		if (template.spec) defaultPodSpec(template.spec);
	}
}

/** Defaulting of Jobs and CronJobs; `defaultPodSpec` is the pod spec defaulting every template gets. */
export function defaultBatchObject(obj: KubeObject, defaultPodSpec: PodSpecStep): void {
	obj.spec ??= {};
	if (obj.kind === 'Job') defaultJobSpec(obj.spec, defaultPodSpec);
	if (obj.kind === 'CronJob') {
		const spec = obj.spec;
		spec.concurrencyPolicy ??= 'Allow';
		spec.suspend ??= false;
		spec.successfulJobsHistoryLimit ??= 3;
		spec.failedJobsHistoryLimit ??= 1;
		const template = spec.jobTemplate?.spec?.template;
		if (template && typeof template === 'object') {
			spec.jobTemplate.metadata ??= {creationTimestamp: null};
			template.metadata ??= {};
			template.metadata.creationTimestamp ??= null;
			if (template.spec) defaultPodSpec(template.spec);
		}
	}
}

function validateJobSpec(spec: any, path: string, errors: string[], validatePodSpec: (spec: any, path: string, errors: string[]) => void): void {
	if (!spec?.template) {
		errors.push(`${path}.template: Required value`);
		return;
	}
	for (const field of ['parallelism', 'completions', 'backoffLimit']) {
		const v = spec[field];
		if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0)) errors.push(`${path}.${field}: Invalid value: ${v}: must be greater than or equal to 0`);
	}
	const deadline = spec.activeDeadlineSeconds;
	if (deadline !== undefined && (!Number.isInteger(deadline) || deadline <= 0)) errors.push(`${path}.activeDeadlineSeconds: Invalid value: ${deadline}: must be greater than 0`);
	validatePodSpec(spec.template.spec, `${path}.template.spec`, errors);
	const policy = spec.template.spec?.restartPolicy;
	if (policy !== 'OnFailure' && policy !== 'Never') errors.push(`${path}.template.spec.restartPolicy: Unsupported value: "${policy}": supported values: "OnFailure", "Never"`);
}

/** Validation of Jobs and CronJobs. `validatePodSpec` is the API server's pod spec validation. */
export function validateBatchObject(obj: KubeObject, errors: string[], validatePodSpec: (spec: any, path: string, errors: string[]) => void): void {
	if (obj.kind === 'Job') validateJobSpec(obj.spec, 'spec', errors, validatePodSpec);
	if (obj.kind === 'CronJob') {
		const schedule = obj.spec?.schedule;
		if (!schedule) errors.push('spec.schedule: Required value');
		else {
			const parsed = parseSchedule(String(schedule));
			if (typeof parsed === 'string') errors.push(`spec.schedule: Invalid value: "${schedule}": ${parsed}`);
		}
		if (!obj.spec?.jobTemplate) errors.push('spec.jobTemplate: Required value');
		else validateJobSpec(obj.spec.jobTemplate.spec, 'spec.jobTemplate.spec', errors, validatePodSpec);
	}
}

/** What the Job strategy adds on create, once the uid is known: the selector and the pod labels. */
export function prepareJob(job: KubeObject): void {
	const spec = job.spec;
	if (spec.manualSelector) return;
	const uid = job.metadata.uid;
	const name = job.metadata.name;
	spec.selector = {matchLabels: {'batch.kubernetes.io/controller-uid': uid}};
	spec.template.metadata.labels = {...spec.template.metadata.labels, 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name};
	if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0) job.metadata.labels = {...spec.template.metadata.labels};
}
