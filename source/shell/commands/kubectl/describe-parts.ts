// The pieces every kubectl describe is made of: aligned "Label:  value" fields, labels and
// annotations, RFC 1123 times, and the Events section with repeats folded.
import {msOf} from '../../../engine/k8s/metadata.ts';
import type {PodTemplateSpec} from '../../../engine/k8s/kinds.ts';
import type {KubeObject, Toleration} from '../../../engine/k8s/types.ts';
import type {World, WorldEvent} from '../../../engine/world.ts';
import {aligned, environmentLines} from './describe-pod-config.ts';
import {humanDuration, table} from './table.ts';

export function rfc1123(ts: string | undefined): string {
	if (!ts) return '<unset>';
	return new Date(Date.parse(ts)).toUTCString().replace('GMT', '+0000');
}

/** The event recorder folds repeats (same source, reason and message) into one event with a count. */
export function aggregateEvents(events: WorldEvent[]): (WorldEvent & {count: number; first: number; last: number})[] {
	const byKey = new Map<string, WorldEvent & {count: number; first: number; last: number}>();
	for (const e of events) {
		const key = [e.object, e.type, e.reason, e.component, e.message].join('\0');
		const seen = byKey.get(key);
		if (seen) {
			seen.count += 1;
			seen.last = e.time;
			byKey.delete(key);
			byKey.set(key, seen);
		} else byKey.set(key, {...e, count: 1, first: e.time, last: e.time});
	}
	return [...byKey.values()].sort((a, b) => a.last - b.last || a.seq - b.seq);
}

export function eventsSection(w: World, obj: KubeObject): string {
	const id = `${obj.kind.toLowerCase()}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
	const events = w.events.filter(e => e.object === id && e.time >= msOf(obj.metadata.creationTimestamp));
	if (events.length === 0) return 'Events:                      <none>\n';
	const rows = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
	for (const e of aggregateEvents(events)) {
		const age = e.count > 1 ? `${humanDuration(w.time - e.last)} (x${e.count} over ${humanDuration(w.time - e.first)})` : humanDuration(w.time - e.last);
		rows.push([e.type, e.reason, age, e.component.startsWith('kubelet/') ? 'kubelet' : e.component, e.message]);
	}
	return 'Events:\n' + table(rows, 2).split('\n').filter(Boolean).map(l => '  ' + l).join('\n') + '\n';
}

export type Field = [label: string, value: string | string[]];

/** Top-level "Label:  value" lines aligned as describe's tabwriter aligns them (longest label + 2). */
export function fields(list: Field[]): string {
	const width = Math.max(...list.map(([label]) => label.length + 1)) + 2;
	let out = '';
	for (const [label, value] of list) {
		const values = Array.isArray(value) ? (value.length ? value : ['<none>']) : [value];
		values.forEach((v, i) => (out += `${(i === 0 ? label + ':' : '').padEnd(width)}${v}`.trimEnd() + '\n'));
	}
	return out;
}

/** The Events section, its "<none>" aligned with the fields above it. */
export function eventsAfter(w: World, obj: KubeObject, list: Field[]): string {
	const width = Math.max(...list.map(([label]) => label.length + 1)) + 2;
	return eventsSection(w, obj).replace(/^Events: +<none>/, `${'Events:'.padEnd(width)}<none>`);
}

export function labelList(map: Record<string, string> | undefined): string[] {
	return Object.entries(map ?? {})
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, v]) => `${k}=${v}`);
}

/**
 * Annotations as printAnnotationsMultiline writes them: a value too long for one line (or with
 * newlines) goes under its key, indented 2, each line cut at 138 characters with "...".
 */
export function annotationList(map: Record<string, string> | undefined): string[] {
	const maxLength = 140;
	return Object.entries(map ?? {})
		.filter(([k]) => !k.startsWith('kubectl.kubernetes.io/last-applied'))
		.sort(([a], [b]) => a.localeCompare(b))
		.flatMap(([k, raw]) => {
			const v = raw.replace(/\n$/, '');
			if (v.length + k.length + 2 <= maxLength && !v.includes('\n')) return [`${k}: ${v}`];
			return [`${k}:`, ...v.split('\n').map(line => `  ${line.length > maxLength - 2 ? line.slice(0, maxLength - 2) + '...' : line}`)];
		});
}

/** A "Label:" line with its value, or a line of its own (which ends a block of aligned lines). */
type TemplateLine = string | [label: string, value: string];

/**
 * kubectl writes describe through a tabwriter (padding 2): consecutive label-value lines align on
 * the longest label among them, and a line without a value ends the block. So in a pod template
 * without a command, Image: lines up with Node-Selectors: at the bottom.
 */
function tabwriterLines(lines: TemplateLine[]): string {
	let out = '';
	for (let i = 0; i < lines.length; ) {
		const line = lines[i]!;
		if (typeof line === 'string') {
			out += line + '\n';
			i++;
			continue;
		}
		let end = i;
		while (end < lines.length && typeof lines[end] !== 'string') end++;
		out += aligned(lines.slice(i, end) as [string, string][]);
		i = end;
	}
	return out;
}

/** A toleration as kubectl describe prints it (key=value:effect, op=Exists, for Ns). */
export function tolerationText(t: Toleration): string {
	return `${t.key ?? ''}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && t.key ? ' op=Exists' : t.operator === 'Exists' ? 'op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`;
}

/** The "Pod Template:" section of the controllers' describe (kubectl 1.32: with Node-Selectors and Tolerations). */
export function podTemplate(template: PodTemplateSpec | undefined): string {
	const lines: TemplateLine[] = ['Pod Template:'];
	const labels = labelList(template?.metadata?.labels);
	lines.push(['  Labels:', labels[0] ?? '<none>'], ...labels.slice(1).map((label): TemplateLine => ['', label]));
	lines.push('  Containers:');
	for (const c of template?.spec?.containers ?? []) {
		const ports = (c.ports ?? []).map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
		lines.push(`   ${c.name}:`, ['    Image:', c.image], ['    Port:', ports || '<none>'], ['    Host Port:', ports ? (c.ports ?? []).map(p => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>']);
		if (c.command) lines.push('    Command:', ...c.command.map((x: string) => `      ${x}`));
		if (c.resources?.requests) lines.push('    Requests:', ...Object.entries(c.resources.requests).map(([k, v]): TemplateLine => [`      ${k}:`, String(v)]));
		if ((c.env ?? []).length || (c.envFrom ?? []).length) lines.push(...environmentLines(c, () => '').replace(/\n$/, '').split('\n'));
		else lines.push(['    Environment:', '<none>']);
		lines.push(['    Mounts:', '<none>']);
	}
	const nodeSelector = Object.entries(template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
	const tolerations = (template?.spec?.tolerations ?? []).map(tolerationText);
	lines.push(['  Volumes:', '<none>'], ['  Node-Selectors:', nodeSelector.join(',') || '<none>'], ['  Tolerations:', tolerations[0] ?? '<none>'], ...tolerations.slice(1).map((t: string): TemplateLine => ['', t]));
	return tabwriterLines(lines);
}
