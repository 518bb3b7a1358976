// kubectl describe for the kinds beyond the book's first chapters, in the layout of kubectl's
// describers (staging/src/k8s.io/kubectl/pkg/describe).
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {msOf} from '../../../engine/k8s/metadata.ts';
import {annotationList, eventsAfter, eventsSection, fields, labelList, podTemplate, rfc1123, type Field} from './describe-parts.ts';
import {tabwrite} from './tabwriter.ts';
import {formatSelector} from './more-rows.ts';
import {describeClusterConfig} from './describe-cluster-config.ts';
import {humanDuration, table} from './table.ts';
import type {CronJob, DaemonSetStatus, Job, JobSpec, StatefulSet, StatefulSetStatus} from '../../../engine/k8s/kinds.ts';
import type {ConfigMap, DaemonSet, PodDisruptionBudget, PriorityClass, Secret, ServiceAccount} from '../../../engine/k8s/kinds-more.ts';

function header(obj: KubeObject): Field[] {
	return [['Name', obj.metadata.name], ['Namespace', obj.metadata.namespace ?? ''], ['Labels', labelList(obj.metadata.labels)], ['Annotations', annotationList(obj.metadata.annotations)]];
}

function byteLength(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return (base64.length / 4) * 3 - padding;
}

function describeConfigMap(w: World, obj: ConfigMap): string {
	let out = fields(header(obj)) + '\nData\n====\n';
	// kubectl 1.32 writes each value, a newline, then an empty line (its key order is Go's map order, random; sorted here as later kubectl sorts).
	for (const [key, value] of Object.entries(obj.data ?? {}).sort(([a], [b]) => a.localeCompare(b))) out += `${key}:\n----\n${value}\n\n`;
	out += '\nBinaryData\n====\n';
	for (const [key, value] of Object.entries(obj.binaryData ?? {}).sort(([a], [b]) => a.localeCompare(b))) out += `${key}: ${byteLength(value)} bytes\n`;
	return out + '\n' + eventsAfter(w, obj, [['Events', '']]);
}

function describeSecret(obj: Secret): string {
	let out = fields(header(obj)) + `\nType:  ${obj.type}\n\nData\n====\n`;
	const rows = Object.entries(obj.data ?? {})
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, value]) => [`${key}:`, key === 'token' && obj.type === 'kubernetes.io/service-account-token' ? atob(value) : `${byteLength(value)} bytes`]);
	if (rows.length) out += table(rows, 2);
	return out;
}

function describeServiceAccount(w: World, obj: ServiceAccount): string {
	const names = (list: {name?: string}[] | undefined) => (Array.isArray(list) ? list.map(x => String(x?.name)) : []);
	const list: Field[] = [...header(obj), ['Image pull secrets', names(obj.imagePullSecrets)], ['Mountable secrets', names(obj.secrets)], ['Tokens', []]];
	return fields(list) + eventsAfter(w, obj, list);
}

/** describePodDisruptionBudgetV1: the budget, its selector and the disruption controller's counts. */
function describeDisruptionBudget(w: World, pdb: PodDisruptionBudget): string {
	const spec = pdb.spec ?? {};
	const status = pdb.status ?? {};
	const lines = [`Name:\t${pdb.metadata.name}`, `Namespace:\t${pdb.metadata.namespace ?? ''}`];
	if (spec.minAvailable !== undefined && spec.minAvailable !== null) lines.push(`Min available:\t${spec.minAvailable}`);
	else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) lines.push(`Max unavailable:\t${spec.maxUnavailable}`);
	lines.push(`Selector:\t${spec.selector ? formatSelector(spec.selector) : '<unset>'}`, 'Status:');
	lines.push(`    Allowed disruptions:\t${status.disruptionsAllowed ?? 0}`, `    Current:\t${status.currentHealthy ?? 0}`, `    Desired:\t${status.desiredHealthy ?? 0}`, `    Total:\t${status.expectedPods ?? 0}`);
	return describedWithEvents(w, pdb, lines);
}

/** describePriorityClass: annotations as labels.FormatLabels prints them (k=v,k=v or <none>). */
function describePriorityClass(w: World, pc: PriorityClass): string {
	const annotations = Object.entries(pc.metadata.annotations ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
	const lines = [`Name:\t${pc.metadata.name}`, `Value:\t${pc.value ?? 0}`, `GlobalDefault:\t${pc.globalDefault ?? false}`, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}`, `Description:\t${pc.description ?? ''}`, `Annotations:\t${annotations}`];
	return describedWithEvents(w, pc, lines);
}

/** Tab-separated describe lines through kubectl's tabwriter, then the Events section (its <none> in the same block). */
function describedWithEvents(w: World, obj: KubeObject, lines: string[]): string {
	const events = eventsSection(w, obj);
	if (/^Events: +<none>\n$/.test(events)) return tabwrite(`${lines.join('\n')}\nEvents:\t<none>\n`);
	return tabwrite(`${lines.join('\n')}\n`) + events;
}

function describeJob(w: World, job: Job): string {
	const spec = job.spec ?? {};
	const list: Field[] = [['Name', job.metadata.name], ['Namespace', job.metadata.namespace ?? ''], ['Selector', formatSelector(spec.selector)], ['Labels', labelList(job.metadata.labels)], ['Annotations', annotationList(job.metadata.annotations)]];
	const controlledBy = job.metadata.ownerReferences?.find(r => r.controller);
	if (controlledBy) list.push(['Controlled By', `${controlledBy.kind}/${controlledBy.name}`]);
	list.push(['Parallelism', String(spec.parallelism ?? 1)], ['Completions', spec.completions === undefined || spec.completions === null ? '<unset>' : String(spec.completions)], ['Completion Mode', spec.completionMode ?? 'NonIndexed'], ['Suspend', String(spec.suspend ?? false)], ['Backoff Limit', String(spec.backoffLimit ?? 6)]);
	if (spec.activeDeadlineSeconds !== undefined) list.push(['Active Deadline Seconds', `${spec.activeDeadlineSeconds}s`]);
	const status = job.status ?? {};
	if (status.startTime) list.push(['Start Time', rfc1123(status.startTime)]);
	if (status.completionTime) list.push(['Completed At', rfc1123(status.completionTime)], ['Duration', humanDuration(msOf(status.completionTime) - msOf(status.startTime))]);
	list.push(['Pods Statuses', `${status.active ?? 0} Active (${status.ready ?? 0} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`]);
	return fields(list) + podTemplate(spec.template) + eventsAfter(w, job, list);
}

function describeCronJob(w: World, cj: CronJob): string {
	const spec = cj.spec;
	const jobSpec: Partial<JobSpec> = spec.jobTemplate?.spec ?? {};
	const unset = (v: unknown) => (v === undefined || v === null ? '<unset>' : String(v));
	const list: Field[] = [
		['Name', cj.metadata.name],
		['Namespace', cj.metadata.namespace ?? ''],
		['Labels', labelList(cj.metadata.labels)],
		['Annotations', annotationList(cj.metadata.annotations)],
		['Schedule', String(spec.schedule)],
		['Concurrency Policy', spec.concurrencyPolicy ?? 'Allow'],
		['Suspend', spec.suspend ? 'True' : 'False'],
		['Successful Job History Limit', String(spec.successfulJobsHistoryLimit ?? 3)],
		['Failed Job History Limit', String(spec.failedJobsHistoryLimit ?? 1)],
		['Starting Deadline Seconds', spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`],
		['Selector', jobSpec.selector ? formatSelector(jobSpec.selector) : '<unset>'],
		['Parallelism', unset(jobSpec.parallelism)],
		['Completions', unset(jobSpec.completions)],
	];
	if (jobSpec.activeDeadlineSeconds !== undefined) list.push(['Active Deadline Seconds', `${jobSpec.activeDeadlineSeconds}s`]);
	const tail: Field[] = [['Last Schedule Time', cj.status?.lastScheduleTime ? rfc1123(cj.status.lastScheduleTime) : '<unset>'], ['Active Jobs', (cj.status?.active ?? []).map(r => r.name).join(', ') || '<none>']];
	return fields(list) + podTemplate(jobSpec.template) + fields(tail) + eventsAfter(w, cj, tail);
}

function describeDaemonSet(w: World, ds: DaemonSet): string {
	const st: Partial<DaemonSetStatus> = ds.status ?? {};
	const nodeSelector = Object.entries(ds.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
	const head: Field[] = [['Name', ds.metadata.name], ['Selector', formatSelector(ds.spec?.selector)], ['Node-Selector', nodeSelector], ['Labels', labelList(ds.metadata.labels)], ['Annotations', annotationList(ds.metadata.annotations)]];
	// These five lines have no tab in kubectl's describer, so they are not aligned.
	const counts = `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\nCurrent Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\nNumber of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\nNumber of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\nNumber of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`;
	const status: Field[] = [['Pods Status', podsStatus(w, ds)]];
	return fields(head) + counts + fields(status) + podTemplate(ds.spec?.template) + eventsAfter(w, ds, [['Events', '']]);
}

function describeStatefulSet(w: World, sts: StatefulSet): string {
	const st: Partial<StatefulSetStatus> = sts.status ?? {};
	const list: Field[] = [
		['Name', sts.metadata.name],
		['Namespace', sts.metadata.namespace ?? ''],
		['CreationTimestamp', rfc1123(sts.metadata.creationTimestamp)],
		['Selector', formatSelector(sts.spec?.selector)],
		['Labels', labelList(sts.metadata.labels)],
		['Annotations', annotationList(sts.metadata.annotations)],
		['Replicas', `${sts.spec?.replicas ?? 1} desired | ${st.replicas ?? 0} total`],
		['Update Strategy', sts.spec?.updateStrategy?.type ?? 'RollingUpdate'],
		['  Partition', String(sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0)],
		['Pods Status', podsStatus(w, sts)],
	];
	let out = fields(list) + podTemplate(sts.spec?.template);
	const claims = sts.spec?.volumeClaimTemplates ?? [];
	out += 'Volume Claims:\n';
	if (!claims.length) out += '  <none>\n';
	for (const t of claims) {
		out += `  Name:          ${t.metadata?.name}\n  StorageClass:  ${t.spec?.storageClassName ?? ''}\n  Labels:        ${labelList(t.metadata?.labels).join(',') || '<none>'}\n  Annotations:   ${annotationList(t.metadata?.annotations).join(',') || '<none>'}\n  Capacity:      ${t.spec?.resources?.requests?.storage ?? ''}\n  Access Modes:  ${(t.spec?.accessModes ?? []).join(',')}\n`;
	}
	return out + eventsAfter(w, sts, list);
}

/** "N Running / N Waiting / N Succeeded / N Failed" over the controller's pods. */
function podsStatus(w: World, owner: KubeObject): string {
	const c = w.cluster!;
	const counts = {Running: 0, Waiting: 0, Succeeded: 0, Failed: 0};
	for (const key of c.podsByOwner.get(owner.metadata.uid) ?? []) {
		const phase = c.store.pods.get(key)?.status?.phase;
		if (phase === 'Running') counts.Running++;
		else if (phase === 'Succeeded') counts.Succeeded++;
		else if (phase === 'Failed') counts.Failed++;
		else counts.Waiting++;
	}
	return `${counts.Running} Running / ${counts.Waiting} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** The describe text of a kind this file knows, or undefined for the others. */
export function describeMore(w: World, obj: KubeObject): string | undefined {
	switch (obj.kind) {
		case 'ConfigMap':
			return describeConfigMap(w, obj);
		case 'Secret':
			return describeSecret(obj);
		case 'ServiceAccount':
			return describeServiceAccount(w, obj);
		case 'Job':
			return describeJob(w, obj);
		case 'CronJob':
			return describeCronJob(w, obj);
		case 'DaemonSet':
			return describeDaemonSet(w, obj);
		case 'StatefulSet':
			return describeStatefulSet(w, obj);
		case 'PodDisruptionBudget':
			return describeDisruptionBudget(w, obj);
		case 'PriorityClass':
			return describePriorityClass(w, obj);
		default:
			return describeClusterConfig(w, obj);
	}
}
