// kubectl auth can-i (yes/no, --list) and auth whoami, answered by the cluster's RBAC
// (engine/k8s/rbac.ts) for the kubeconfig's user or the one --as impersonates.
import {authorize, rulesFor, type PolicyRule, type UserInfo} from '../../../engine/k8s/rbac.ts';
import {groupOf} from '../../../engine/k8s/api-catalogue.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag} from './args.ts';
import {allNamespaces, fail, namespaceOf, type Kctx} from './context.ts';
import {findResource} from './resource-names.ts';
import {impersonated} from './impersonate.ts';
import {table} from './table.ts';
import {notSimulated} from './unmodelled.ts';

/** The kubeconfig's user: kubeadm's admin.conf is in the kubeadm:cluster-admins group. */
const admin: UserInfo = {name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated']};

function currentUser(k: Kctx): UserInfo {
	return impersonated(k) ?? admin;
}

const resourceVerbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*'];
const nonResourceVerbs = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

/** Go's %v of a []string: [get list]. */
const goList = (list: string[] | undefined) => `[${(list ?? []).join(' ')}]`;

/** rbac's BreakdownRule then CompactRules: one row per group/resource (verbs merged), then the URLs. */
function accessRows(rules: PolicyRule[]): string[][] {
	const simple = new Map<string, PolicyRule>();
	const order: string[] = [];
	const add = (rule: PolicyRule) => {
		const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
		const existing = simple.get(key);
		if (existing) {
			for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
		} else {
			simple.set(key, {...rule, verbs: [...rule.verbs]});
			order.push(key);
		}
	};
	for (const rule of rules) {
		for (const group of rule.apiGroups ?? []) {
			for (const resource of rule.resources ?? []) {
				if (rule.resourceNames?.length) for (const name of rule.resourceNames) add({apiGroups: [group], resources: [resource], resourceNames: [name], verbs: rule.verbs});
				else add({apiGroups: [group], resources: [resource], verbs: rule.verbs});
			}
		}
		for (const url of rule.nonResourceURLs ?? []) add({nonResourceURLs: [url], verbs: rule.verbs});
	}
	// SortableRuleSlice: by PolicyRule.String(), e.g. PolicyRule{APIGroups:["apps"], Resources:["deployments"], Verbs:["get"]}.
	const q = (list: string[]) => `[${list.map(x => JSON.stringify(x)).join(' ')}]`;
	const text = (r: PolicyRule) =>
		'PolicyRule{' +
		[r.apiGroups?.length ? `APIGroups:${q(r.apiGroups)}` : '', r.resources?.length ? `Resources:${q(r.resources)}` : '', r.nonResourceURLs?.length ? `NonResourceURLs:${q(r.nonResourceURLs)}` : '', r.resourceNames?.length ? `ResourceNames:${q(r.resourceNames)}` : '', `Verbs:${q(r.verbs)}`].filter(Boolean).join(', ') +
		'}';
	const sorted = order.map(key => simple.get(key)!).sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
	return sorted.map(r => {
		const [resource, sub] = (r.resources?.[0] ?? '').split('/', 2);
		const group = r.apiGroups?.[0];
		const combined = r.resources?.length ? `${resource}${group ? `.${group}` : ''}${sub !== undefined ? `/${sub}` : ''}` : '';
		return [combined, goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)];
	});
}

function canI(k: Kctx): CommandOutcome {
	const c = k.ctx.world.cluster!;
	const user = currentUser(k);
	const all = allNamespaces(k);
	const namespace = all ? '' : namespaceOf(k);
	const positional = k.args.positional.slice(1);
	if (bool(k.args, 'list')) {
		if (positional.length) return fail('error: list option must be specified with no arguments');
		if (bool(k.args, 'q', 'quiet') || all || flag(k.args, 'subresource') !== undefined) return fail("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
		const rows = accessRows(rulesFor(c, user, namespace));
		const head = bool(k.args, 'no-headers') ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']];
		return {stdout: table([...head, ...rows]), exitCode: 0};
	}
	if (positional.length !== 2) return fail("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
	if (bool(k.args, 'no-headers')) return fail('error: --no-headers cannot be set without --list specified');
	const [verb, target] = positional as [string, string];
	let warnings = '';
	let allowed: boolean;
	if (target.startsWith('/')) {
		if (flag(k.args, 'subresource') !== undefined) return fail('error: --subresource can not be used with NonResourceURL');
		if (!nonResourceVerbs.includes(verb)) warnings += `Warning: verb '${verb}' is not a known verb\n`;
		allowed = authorize(c, user, {kind: 'non-resource', verb, path: target});
	} else {
		const [typed, name] = target.split('/', 2) as [string, string | undefined];
		let resource = typed.toLowerCase();
		let group = '';
		if (typed !== '*') {
			const info = findResource(typed);
			if (info) {
				resource = info.resource;
				group = groupOf(info.apiVersion);
				if (!info.namespaced && !all) warnings += group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'\n` : `Warning: resource '${resource}' is not namespace scoped\n`;
			} else {
				const dot = resource.indexOf('.');
				warnings += dot < 0 ? `Warning: the server doesn't have a resource type '${resource}'\n` : `Warning: the server doesn't have a resource type '${resource.slice(0, dot)}' in group '${resource.slice(dot + 1)}'\n`;
			}
		}
		if (!resourceVerbs.includes(verb)) warnings += `Warning: verb '${verb}' is not a known verb\n`;
		allowed = authorize(c, user, {kind: 'resource', verb, group, resource, subresource: flag(k.args, 'subresource'), name, namespace});
	}
	const quiet = bool(k.args, 'q', 'quiet');
	return {stdout: quiet ? '' : allowed ? 'yes\n' : 'no\n', stderr: warnings, exitCode: allowed ? 0 : 1};
}

function whoami(k: Kctx): CommandOutcome {
	const user = currentUser(k);
	const output = flag(k.args, 'o', 'output');
	const review = {kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {creationTimestamp: null}, status: {userInfo: {username: user.name, groups: user.groups}}};
	if (output === 'json') return {stdout: JSON.stringify(review, null, 4) + '\n', exitCode: 0};
	return {stdout: table([['ATTRIBUTE', 'VALUE'], ['Username', user.name], ['Groups', goList(user.groups)]]), exitCode: 0};
}

export function kubectlAuth(k: Kctx): CommandOutcome {
	const sub = k.args.positional[0];
	if (sub === 'can-i') return canI(k);
	if (sub === 'whoami') return whoami(k);
	if (sub === 'reconcile') return fail(notSimulated('kubectl auth reconcile'));
	if (!sub) return {stdout: 'Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n', exitCode: 0};
	return fail(`error: unknown command "${sub}" for "kubectl auth"`);
}
