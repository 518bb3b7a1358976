// kubectl get: tables, -o wide|yaml|json|name, -l, -A, --show-labels, -w (a bounded watch).
import {listObjects} from '../../../engine/k8s/api-server.ts';
import {resourceInfo} from '../../../engine/k8s/resources.ts';
import {startWatch, watchObjects} from './get-watch.ts';
import {formatLabels, matchesRequirements, parseSelector} from '../../../engine/k8s/selectors.ts';
import type {KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import {kubeEvents} from '../../../engine/k8s/events.ts';
import type {World, WorldEvent} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag, flagAll} from './args.ts';
import {allNamespaces, fail, namespaceOf, ok, type Kctx} from './context.ts';
import {parseTargets, qualifiedPlural, typePrefix} from './resource-names.ts';
import {aggregateEvents} from './describe.ts';
import {customColumns, renderJsonPath} from './jsonpath.ts';
import {fieldSelection} from './field-selection.ts';
import {sortObjects} from './sort-by.ts';
import {headers, row} from './rows.ts';
import {humanDuration, table} from './table.ts';
import {sortKeys, toYaml} from './yaml-print.ts';

export {sortKeys, toYaml} from './yaml-print.ts';

/** kubectl leaves metadata.managedFields out of -o yaml|json unless --show-managed-fields. */
export function printObjects(w: World, objects: KubeObject[], output: string | undefined, single: boolean, showManagedFields = false): string {
	const clean = objects.map(o => {
		const copy = JSON.parse(JSON.stringify(o));
		if (!showManagedFields && copy.metadata) delete copy.metadata.managedFields;
		return copy;
	});
	const payload = single && clean.length === 1 ? clean[0] : {apiVersion: 'v1', items: clean, kind: 'List', metadata: {resourceVersion: ''}};
	if (output === 'yaml') return toYaml(payload);
	// kubectl prints what it decoded as unstructured, and Go's encoder writes map keys sorted.
	return JSON.stringify(sortKeys(payload), null, 4) + '\n';
}

function eventsTable(k: Kctx, events: WorldEvent[], all: boolean, ns: string): string {
	const w = k.ctx.world;
	const rows = aggregateEvents(events)
		.filter(e => /^(pod|node|replicationcontroller|replicaset|deployment|service|namespace|job|cronjob|daemonset|statefulset|persistentvolumeclaim|persistentvolume|ingress|endpoints|configmap|secret|serviceaccount)\//.test(e.object))
		.filter(e => {
			const [, evNs] = e.object.split('/');
			return all || evNs === ns || (evNs === '' && ns === 'default');
		})
		.map(e => {
			const [kind, evNs, name] = e.object.split('/') as [string, string, string];
			return {ns: evNs || 'default', cells: [humanDuration(w.time - e.last), e.type, e.reason, `${kind}/${name}`, e.message]};
		});
	if (rows.length === 0) return '';
	return table([[...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ...rows.map(r => (all ? [r.ns, ...r.cells] : r.cells))]);
}

function componentStatuses(k: Kctx): string {
	const c = k.ctx.world.cluster!;
	const rows = [['NAME', 'STATUS', 'MESSAGE', 'ERROR']];
	rows.push(c.components['kube-controller-manager'] ? ['controller-manager', 'Healthy', 'ok', ''] : ['controller-manager', 'Unhealthy', 'Get "https://127.0.0.1:10257/healthz": dial tcp 127.0.0.1:10257: connect: connection refused', '']);
	rows.push(c.components['kube-scheduler'] ? ['scheduler', 'Healthy', 'ok', ''] : ['scheduler', 'Unhealthy', 'Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused', '']);
	rows.push(['etcd-0', 'Healthy', 'ok', '']);
	return table(rows);
}

export function kubectlGet(k: Kctx): CommandOutcome {
	const w = k.ctx.world;
	const c = w.cluster!;
	const ns = namespaceOf(k);
	const all = allNamespaces(k);
	const output = flag(k.args, 'o', 'output');
	const wide = output === 'wide';
	const showLabels = bool(k.args, 'show-labels');
	// -L key1,key2 (repeatable): a column per key, headed by its last path segment upper-cased, before LABELS.
	const labelColumns = flagAll(k.args, 'L', 'label-columns').flatMap(v => v.split(',')).map(x => x.trim()).filter(Boolean);
	if (output && !['wide', 'yaml', 'json', 'name'].includes(output) && !output.startsWith('jsonpath') && !output.startsWith('custom-columns')) {
		return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
	}
	const selectorText = flag(k.args, 'l', 'selector');
	const selector = selectorText !== undefined ? parseSelector(selectorText) : [];
	if (!selector) return fail(`error: unable to parse requirement: found '${selectorText}', expected: identifier`);
	const positional = k.args.positional;
	const sortBy = flag(k.args, 'sort-by');
	const fields = fieldSelection(k);
	if ('error' in fields) return fail(fields.error);
	if (positional.length === 0) {
		return fail(
			'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
		);
	}
	const first = positional[0]!.toLowerCase();
	if (['events', 'event', 'ev'].includes(first)) {
		if (output === 'yaml' || output === 'json' || output === 'name') {
			const events = kubeEvents(w).filter(e => all || e.metadata.namespace === ns);
			if (output === 'name') return ok(events.map(e => `event/${e.metadata.name}\n`).join(''));
			return ok(printObjects(w, events, output, false));
		}
		const refused = fields.refusal('events');
		if (refused) return fail(refused);
		const text = eventsTable(k, w.events.filter(e => fields.matchesEvent(e)), all, ns);
		return text ? ok(text) : ok('', undefined, all ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
	}
	if (['componentstatuses', 'componentstatus', 'cs'].includes(first)) return ok(componentStatuses(k), undefined, 'Warning: v1 ComponentStatus is deprecated in v1.19+\n');
	const isAll = first === 'all';
	const targets = isAll ? (['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'replicationcontrollers', 'cronjobs', 'jobs'] as ResourceName[]).map(r => ({info: resourceInfo(r), names: positional.slice(1)})) : parseTargets(positional);
	if (typeof targets === 'string') return fail(targets);
	const sections: string[] = [];
	const errors: string[] = [];
	const found: KubeObject[] = [];
	const multiType = isAll || targets.length > 1;
	if ((selectorText !== undefined || fields.given) && targets.some(t => t.names.length)) return fail('error: name cannot be provided when a selector is specified');
	for (const target of targets) {
		const info = target.info;
		let objects: KubeObject[];
		const refused = fields.refusal(info.resource);
		if (refused) return fail(refused);
		if (target.names.length) {
			objects = [];
			for (const name of target.names) {
				const obj = c.store[info.resource].get(info.namespaced ? `${ns}/${name}` : name);
				if (obj) objects.push(obj);
				else errors.push(`Error from server (NotFound): ${qualifiedPlural(info)} "${name}" not found`);
			}
		} else {
			objects = listObjects(c, info.resource, info.namespaced && !all ? ns : undefined).filter(o => matchesRequirements(o.metadata.labels, selector) && fields.matches(o));
		}
		if (sortBy !== undefined) {
			const sorted = sortObjects(objects, sortBy);
			if ('error' in sorted) return fail(sorted.error);
			objects = sorted.objects;
		}
		found.push(...objects);
		if (objects.length === 0 || output === 'yaml' || output === 'json' || output?.startsWith('jsonpath') || output?.startsWith('custom-columns')) continue;
		if (output === 'name') {
			sections.push(objects.map(o => `${typePrefix(info)}/${o.metadata.name}`).join('\n') + '\n');
			continue;
		}
		const showNs = all && info.namespaced;
		const head = headers(info.resource, wide);
		const rows = objects.map(o => {
			const cells = row(w, info.resource, o, wide);
			if (multiType) cells[0] = `${typePrefix(info)}/${cells[0]}`;
			for (const key of labelColumns) cells.push(o.metadata.labels?.[key] ?? '');
			if (showLabels) cells.push(formatLabels(o.metadata.labels));
			return showNs ? [o.metadata.namespace!, ...cells] : cells;
		});
		const header = [...(showNs ? ['NAMESPACE'] : []), ...head, ...labelColumns.map(key => key.split('/').pop()!.toUpperCase()), ...(showLabels ? ['LABELS'] : [])];
		const text = table([header, ...rows]);
		sections.push(bool(k.args, 'no-headers') ? text.slice(text.indexOf('\n') + 1) : text);
	}
	if (output?.startsWith('jsonpath')) {
		const single = targets.length === 1 && targets[0]!.names.length === 1 && found.length === 1;
		// kubectl's OmitManagedFieldsPrinter wraps every output format.
		const shown = JSON.parse(JSON.stringify(found)).map((o: KubeObject) => (bool(k.args, 'show-managed-fields') ? o : {...o, metadata: {...o.metadata, managedFields: undefined}}));
		const root = single ? shown[0] : {apiVersion: 'v1', items: shown, kind: 'List', metadata: {resourceVersion: ''}};
		const rendered = renderJsonPath(root, output.slice(output.indexOf('=') + 1));
		if ('error' in rendered) return fail(rendered.error);
		return {stdout: rendered.text, stderr: errors.map(e => e + '\n').join(''), exitCode: errors.length ? 1 : 0};
	}
	if (output?.startsWith('custom-columns')) {
		const columns = customColumns(JSON.parse(JSON.stringify(found)), output.slice(output.indexOf('=') + 1));
		if ('error' in columns) return fail(columns.error);
		return {stdout: found.length ? table(columns.rows) : '', stderr: errors.map(e => e + '\n').join('') + (found.length || errors.length ? '' : `No resources found in ${ns} namespace.\n`), exitCode: errors.length ? 1 : 0};
	}
	let stdout = output === 'yaml' || output === 'json' ? (found.length ? printObjects(w, found, output, targets.length === 1 && targets[0]!.names.length === 1, bool(k.args, 'show-managed-fields')) : '') : sections.join(isAll || multiType ? '\n' : '');
	let stderr = errors.join('\n') + (errors.length ? '\n' : '');
	if (found.length === 0 && errors.length === 0) {
		if (output === 'yaml' || output === 'json') stdout = printObjects(w, [], output, false);
		else stderr = all || !targets.some(t => t.info.namespaced) ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`;
	}
	const watchOnly = bool(k.args, 'watch-only');
	const watchOutput = output === undefined || output === 'wide' || output === 'yaml' || output === 'json' || output === 'name';
	if ((watchOnly || bool(k.args, 'w', 'watch')) && targets.length === 1 && !isAll && watchOutput && errors.length === 0) {
		// A watch prints the list (nothing when it is empty), then keeps printing changes; in
		// yaml/json each object on its own, as the printers print watch events.
		const info = targets[0]!.info;
		const objectwise = output === 'yaml' || output === 'json';
		const initial = watchOnly ? '' : objectwise ? watchObjects(found, output, typePrefix(info), 0) : stdout;
		const start = {labelSelector: selectorText, fieldSelector: flag(k.args, 'field-selector'), names: targets[0]!.names, output: output as 'wide' | 'yaml' | 'json' | 'name' | undefined, printed: watchOnly ? 0 : found.length};
		return {stdout: initial, stderr: '', exitCode: 0, effects: [{kind: 'follow', follow: startWatch(w, info, info.namespaced && !all ? ns : undefined, stdout, watchOnly, start)}]};
	}
	return {stdout, stderr, exitCode: errors.length ? 1 : 0};
}
