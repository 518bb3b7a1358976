// kubectl create poddisruptionbudget|pdb, priorityclass|pc, quota|resourcequota, ingress|ing:
// the objects kubectl 1.32's generators build (k8s.io/kubectl pkg/cmd/create), field for field
// in the Go structs' order (what -o json prints), with their flags' checks and error words.
import {canonicalQuantity} from '../../../engine/k8s/quantity.ts';
import {parseSelector} from '../../../engine/k8s/selectors.ts';

export {canonicalQuantity};
import type {CommandOutcome} from '../../types.ts';
import {bool, flag, flagAll} from './args.ts';
import {fail, type Kctx} from './context.ts';
import {generatedMeta, sendGenerated, type Generated} from './dry-run.ts';

type Built = Generated | {error: string};

/** metav1.ParseToLabelSelector: equality requirements become matchLabels, the rest matchExpressions. */
function labelSelector(text: string): Record<string, unknown> | {error: string} {
	const reqs = parseSelector(text);
	if (!reqs) return {error: `error: unable to parse requirement: couldn't parse the selector string "${text}"`};
	const matchLabels: Record<string, string> = {};
	const matchExpressions: Record<string, unknown>[] = [];
	for (const r of reqs) {
		if (r.op === '=') matchLabels[r.key] = r.value;
		else if (r.op === '!=') return {error: 'error: "!=" is not a valid label selector operator'};
		else if (r.op === 'in' || r.op === 'notin') matchExpressions.push({key: r.key, operator: r.op === 'in' ? 'In' : 'NotIn', values: r.values});
		else matchExpressions.push({key: r.key, operator: r.op === 'exists' ? 'Exists' : 'DoesNotExist'});
	}
	return {...(Object.keys(matchLabels).length ? {matchLabels} : {}), ...(matchExpressions.length ? {matchExpressions} : {})};
}

/** intstr.Parse: a number when it is one, else the string ("50%"). */
function intOrString(text: string): number | string {
	return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

function pdb(k: Kctx, name: string): Built {
	const selector = flag(k.args, 'selector') ?? '';
	const min = flag(k.args, 'min-available') ?? '';
	const max = flag(k.args, 'max-unavailable') ?? '';
	if (!selector) return {error: 'error: a selector must be specified'};
	if (!min && !max) return {error: 'error: one of min-available or max-unavailable must be specified'};
	if (min && max) return {error: 'error: min-available and max-unavailable cannot be both specified'};
	if (min && !/^[0-9]+%?$/.test(min)) return {error: 'error: invalid format specified for min-available'};
	if (max && !/^[0-9]+%?$/.test(max)) return {error: 'error: invalid format specified for max-unavailable'};
	const parsed = labelSelector(selector);
	if ('error' in parsed) return parsed as {error: string};
	const spec = {...(min ? {minAvailable: intOrString(min)} : {}), selector: parsed, ...(max ? {maxUnavailable: intOrString(max)} : {})};
	return {
		ref: `poddisruptionbudget.policy/${name}`,
		failure: 'failed to create poddisruptionbudgets',
		object: {kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', metadata: generatedMeta(k, name), spec, status: {disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0}},
	};
}

function priorityClass(k: Kctx, name: string): Built {
	const value = flag(k.args, 'value') ?? '0';
	const usage = "\nSee 'kubectl create priorityclass --help' for usage.";
	if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31) return {error: `error: invalid argument "${value}" for "--value" flag: strconv.ParseInt: parsing "${value}": ${/^[+-]?\d+$/.test(value) ? 'value out of range' : 'invalid syntax'}${usage}`};
	const globalDefault = flag(k.args, 'global-default');
	if (globalDefault !== undefined && !['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False', 'T', 'F'].includes(globalDefault)) return {error: `error: invalid argument "${globalDefault}" for "--global-default" flag: strconv.ParseBool: parsing "${globalDefault}": invalid syntax${usage}`};
	const description = flag(k.args, 'description') ?? '';
	return {
		ref: `priorityclass.scheduling.k8s.io/${name}`,
		failure: 'failed to create priorityclass',
		object: {
			kind: 'PriorityClass',
			apiVersion: 'scheduling.k8s.io/v1',
			metadata: {name, creationTimestamp: null},
			value: Number(value),
			...(bool(k.args, 'global-default') ? {globalDefault: true} : {}),
			...(description ? {description} : {}),
			preemptionPolicy: flag(k.args, 'preemption-policy') ?? 'PreemptLowerPriority',
		},
	};
}

function quota(k: Kctx, name: string): Built {
	const hardText = flag(k.args, 'hard') ?? '';
	const scopesText = flag(k.args, 'scopes') ?? '';
	let hard: Record<string, string> | undefined;
	if (hardText) {
		hard = {};
		for (const statement of hardText.split(',')) {
			const parts = statement.split('=');
			if (parts.length !== 2) return {error: `error: Invalid argument syntax ${statement}, expected <resource>=<value>`};
			const quantity = canonicalQuantity(parts[1]!);
			if (quantity === undefined) return {error: "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"};
			hard[parts[0]!] = quantity;
		}
	}
	let scopes: string[] | undefined;
	if (scopesText) {
		scopes = scopesText.split(',');
		if (scopes.includes('')) return {error: 'error: invalid resource quota scope ""'};
	}
	return {
		ref: `resourcequota/${name}`,
		failure: 'failed to create quota',
		object: {kind: 'ResourceQuota', apiVersion: 'v1', metadata: generatedMeta(k, name), spec: {...(hard ? {hard: Object.fromEntries(Object.entries(hard).sort(([a], [b]) => (a < b ? -1 : 1)))} : {}), ...(scopes ? {scopes} : {})}, status: {}},
	};
}

const ruleRegex = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** An IngressBackend for "svc:port": a port number or a port name. */
function backend(service: string): Record<string, unknown> {
	const [name, port] = service.split(':') as [string, string];
	const parsed = intOrString(port);
	return {service: {name, port: typeof parsed === 'number' ? (parsed ? {number: parsed} : {}) : {name: parsed}}};
}

function ingress(k: Kctx, name: string): Built {
	const rules = flagAll(k.args, 'rule');
	const defaultBackend = flag(k.args, 'default-backend') ?? '';
	const annotationsText = flagAll(k.args, 'annotation');
	if (!defaultBackend && rules.length === 0) return {error: 'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)'};
	for (const rule of rules) if (!ruleRegex.test(rule)) return {error: `error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`};
	for (const annotation of annotationsText) if (!annotation.includes('=')) return {error: `error: annotation ${annotation} is invalid and should be in format key=[value]`};
	if (defaultBackend && defaultBackend.split(':').length !== 2) return {error: 'error: default-backend should be in format servicename:serviceport'};
	const annotations = Object.fromEntries(annotationsText.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
	// buildTLSRules: one entry per secret, its hosts gathered.
	const tls: {hosts?: string[]; secretName?: string}[] = [];
	const hostsSeen = new Set<string>();
	for (const rule of rules) {
		const parts = rule.split(',');
		if (parts.length !== 2) continue;
		const host = rule.split('/')[0]!;
		const secret = parts[1]!.split('=')[1] ?? '';
		if (hostsSeen.has(host)) continue;
		const same = tls.findIndex(t => (t.secretName ?? '') === secret);
		hostsSeen.add(host);
		if (same > -1) {
			tls[same]!.hosts = [...(tls[same]!.hosts ?? []), host];
			continue;
		}
		const entry = {...(host ? {hosts: [host]} : {}), ...(secret ? {secretName: secret} : {})};
		if (entry.hosts || entry.secretName) tls.push(entry);
	}
	// buildIngressRules: paths of one host gathered under one rule.
	const built: {host?: string; http: {paths: Record<string, unknown>[]}}[] = [];
	for (const rule of rules) {
		const withoutTls = rule.split(',')[0]!;
		const slash = withoutTls.indexOf('/');
		const host = withoutTls.slice(0, slash);
		const [pathPart, service] = withoutTls.slice(slash + 1).split('=') as [string, string];
		let path = `/${pathPart}`;
		let pathType = 'Exact';
		if (path.endsWith('*')) {
			pathType = 'Prefix';
			path = path.slice(0, -1);
		}
		const entry = {path, pathType, backend: backend(service)};
		const existing = built.find(r => (r.host ?? '') === host);
		if (existing) existing.http.paths.push(entry);
		else built.push({...(host ? {host} : {}), http: {paths: [entry]}});
	}
	const className = flag(k.args, 'class') ?? '';
	const spec = {...(className ? {ingressClassName: className} : {}), ...(defaultBackend ? {defaultBackend: backend(defaultBackend)} : {}), ...(tls.length ? {tls} : {}), ...(built.length ? {rules: built} : {})};
	const meta = generatedMeta(k, name);
	return {
		ref: `ingress.networking.k8s.io/${name}`,
		failure: 'failed to create ingress',
		object: {kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: {...meta, ...(Object.keys(annotations).length ? {annotations} : {})}, spec, status: {loadBalancer: {}}},
	};
}

const paths: Record<string, string> = {
	poddisruptionbudget: 'create poddisruptionbudget', pdb: 'create poddisruptionbudget',
	priorityclass: 'create priorityclass', pc: 'create priorityclass',
	quota: 'create quota', resourcequota: 'create quota',
	ingress: 'create ingress', ing: 'create ingress',
};

/** `kubectl create <one of these> NAME ...`, or undefined when `what` is not one of them. */
export function createPolicyGenerated(k: Kctx, what: string): CommandOutcome | undefined {
	const path = paths[what];
	if (!path) return undefined;
	const names = k.args.positional.slice(1);
	if (names.length !== 1) return fail(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl ${path} -h' for help and examples`);
	const name = names[0]!;
	const built = path === 'create poddisruptionbudget' ? pdb(k, name) : path === 'create priorityclass' ? priorityClass(k, name) : path === 'create quota' ? quota(k, name) : ingress(k, name);
	if ('error' in built) return fail(built.error);
	return sendGenerated(k, built);
}
