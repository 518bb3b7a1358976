// Jobs and CronJobs in the API server: defaulting, validation in its wording, and what the
// Job strategy adds on create (the generated selector and the controller-uid / job-name labels).
import {parseSchedule} from './cron.ts';
import {fieldsAt, fieldsIn, isFields, type Fields, type ObjectInput} from './object-input.ts';
import type {Job} from './kinds.ts';

type PodSpecStep = (spec: unknown) => void;

function defaultJobSpec(spec: Fields, defaultPodSpec: PodSpecStep): void {
	if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
	spec.parallelism ??= 1;
	spec.backoffLimit ??= 6;
	spec.completionMode ??= 'NonIndexed';
	spec.suspend ??= false;
	spec.podReplacementPolicy ??= 'TerminatingOrFailed';
	spec.manualSelector ??= undefined;
	if (spec.manualSelector === undefined) delete spec.manualSelector;
	const template = fieldsIn(spec, 'template');
	if (template) {
		const metadata = fieldsAt(template, 'metadata');
		if (metadata) metadata.creationTimestamp ??= null;
		if (template.spec) defaultPodSpec(template.spec);
	}
}

/** Defaulting of Jobs and CronJobs; `defaultPodSpec` is the pod spec defaulting every template gets. */
export function defaultBatchObject(obj: ObjectInput, defaultPodSpec: PodSpecStep): void {
	const spec = fieldsAt(obj, 'spec');
	if (!spec) return;
	if (obj.kind === 'Job') defaultJobSpec(spec, defaultPodSpec);
	if (obj.kind === 'CronJob') {
		spec.concurrencyPolicy ??= 'Allow';
		spec.suspend ??= false;
		spec.successfulJobsHistoryLimit ??= 3;
		spec.failedJobsHistoryLimit ??= 1;
		const jobTemplate = fieldsIn(spec, 'jobTemplate');
		const template = fieldsIn(fieldsIn(jobTemplate, 'spec'), 'template');
		if (jobTemplate && template) {
			jobTemplate.metadata ??= {creationTimestamp: null};
			const metadata = fieldsAt(template, 'metadata');
			if (metadata) metadata.creationTimestamp ??= null;
			if (template.spec) defaultPodSpec(template.spec);
		}
	}
}

type PodSpecCheck = (spec: unknown, path: string, errors: string[]) => void;

function validateJobSpec(spec: unknown, path: string, errors: string[], validatePodSpec: PodSpecCheck): void {
	const template = fieldsIn(spec, 'template');
	if (!isFields(spec) || !spec.template) {
		errors.push(`${path}.template: Required value`);
		return;
	}
	for (const field of ['parallelism', 'completions', 'backoffLimit']) {
		const v = spec[field];
		if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) errors.push(`${path}.${field}: Invalid value: ${v}: must be greater than or equal to 0`);
	}
	const deadline = spec.activeDeadlineSeconds;
	if (deadline !== undefined && (typeof deadline !== 'number' || !Number.isInteger(deadline) || deadline <= 0)) errors.push(`${path}.activeDeadlineSeconds: Invalid value: ${deadline}: must be greater than 0`);
	validatePodSpec(template?.spec, `${path}.template.spec`, errors);
	const policy = fieldsIn(template, 'spec')?.restartPolicy;
	if (policy !== 'OnFailure' && policy !== 'Never') errors.push(`${path}.template.spec.restartPolicy: Unsupported value: "${policy}": supported values: "OnFailure", "Never"`);
}

/** Validation of Jobs and CronJobs. `validatePodSpec` is the API server's pod spec validation. */
export function validateBatchObject(obj: ObjectInput, errors: string[], validatePodSpec: PodSpecCheck): void {
	const spec = fieldsIn(obj, 'spec');
	if (obj.kind === 'Job') validateJobSpec(obj.spec, 'spec', errors, validatePodSpec);
	if (obj.kind === 'CronJob') {
		const schedule = spec?.schedule;
		if (!schedule) errors.push('spec.schedule: Required value');
		else {
			const parsed = parseSchedule(String(schedule));
			if (typeof parsed === 'string') errors.push(`spec.schedule: Invalid value: "${schedule}": ${parsed}`);
		}
		if (!spec?.jobTemplate) errors.push('spec.jobTemplate: Required value');
		else validateJobSpec(fieldsIn(spec, 'jobTemplate')?.spec, 'spec.jobTemplate.spec', errors, validatePodSpec);
	}
}

/** What the Job strategy adds on create, once the uid is known: the selector and the pod labels. */
export function prepareJob(job: Job): void {
	const spec = job.spec;
	if (spec.manualSelector) return;
	const uid = job.metadata.uid;
	const name = job.metadata.name;
	spec.selector = {matchLabels: {'batch.kubernetes.io/controller-uid': uid}};
	const template = (spec.template.metadata ??= {}); // defaulting made it
	template.labels = {...template.labels, 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name};
	if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0) job.metadata.labels = {...template.labels};
}
