// The RBAC authorizer: may a user (with its groups) do a verb on a resource in a namespace? It
// reads the Roles, ClusterRoles and their bindings in the store, as the API server's RBAC
// authorizer does (SubjectAccessReview), plus the discovery rules every authenticated user has
// from the bootstrap policy (system:basic-user, system:discovery, system:public-info-viewer).
import {nodeAuthorizerDecision, nodeNameOf, nodeRules} from './node-authorizer.ts';
import type {Cluster} from './types.ts';
import type {PolicyRule, RbacSubject, RoleBinding} from './kinds.ts';

export type {PolicyRule} from './kinds.ts';

export type UserInfo = {name: string; groups: string[]};

export type Attributes =
	| {kind: 'resource'; verb: string; group: string; resource: string; subresource?: string; name?: string; namespace: string}
	| {kind: 'non-resource'; verb: string; path: string};

/** Who a name is: a service account's groups, or an authenticated user with the groups given. */
export function userInfo(name: string, groups: string[] = []): UserInfo {
	const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(name);
	const implied = account ? ['system:serviceaccounts', `system:serviceaccounts:${account[1]}`] : [];
	return {name, groups: [...new Set([...groups, ...implied, 'system:authenticated'])]};
}

/** The rules the bootstrap policy gives every authenticated user (self reviews, discovery, version). */
export const authenticatedRules: PolicyRule[] = [
	{verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews']},
	{verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']},
	{verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/']},
];

function subjectMatches(subject: RbacSubject, user: UserInfo, bindingNamespace: string | undefined): boolean {
	if (subject.kind === 'User') return subject.name === user.name;
	if (subject.kind === 'Group') return user.groups.includes(subject.name ?? '');
	if (subject.kind === 'ServiceAccount') return user.name === `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${subject.name}`;
	return false;
}

function roleRules(c: Cluster, binding: RoleBinding): PolicyRule[] {
	const ref = binding.roleRef ?? {};
	const role = ref.kind === 'ClusterRole' ? c.store['clusterroles'].get(ref.name ?? '') : c.store['roles'].get(`${binding.metadata.namespace}/${ref.name}`);
	return role?.rules ?? [];
}

/** Every rule that applies to the user in the namespace ('' for cluster-wide only): ClusterRoleBindings everywhere, RoleBindings in their namespace. */
export function rulesFor(c: Cluster, user: UserInfo, namespace: string): PolicyRule[] {
	const rules: PolicyRule[] = [];
	if (user.groups.includes('system:authenticated')) rules.push(...authenticatedRules);
	for (const binding of c.store['clusterrolebindings'].values()) {
		if ((binding.subjects ?? []).some(s => subjectMatches(s, user, undefined))) rules.push(...roleRules(c, binding));
	}
	if (namespace) {
		for (const binding of c.store['rolebindings'].values()) {
			if (binding.metadata.namespace !== namespace) continue;
			if ((binding.subjects ?? []).some(s => subjectMatches(s, user, namespace))) rules.push(...roleRules(c, binding));
		}
	}
	return rules;
}

const has = (list: string[] | undefined, value: string) => (list ?? []).includes('*') || (list ?? []).includes(value);

function pathMatches(patterns: string[] | undefined, path: string): boolean {
	return (patterns ?? []).some(p => p === '*' || p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));
}

export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
	if (!has(rule.verbs, a.verb)) return false;
	if (a.kind === 'non-resource') return pathMatches(rule.nonResourceURLs, a.path);
	if (!rule.resources?.length) return false;
	if (!has(rule.apiGroups, a.group)) return false;
	const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
	const resourceOk = rule.resources.some(r => r === '*' || r === resource || (a.subresource !== undefined && r === `*/${a.subresource}`));
	if (!resourceOk) return false;
	return !rule.resourceNames?.length || (a.kind === 'resource' && a.name !== undefined && rule.resourceNames.includes(a.name));
}

/** The RBAC authorizer's decision. */
export function authorize(c: Cluster, user: UserInfo, a: Attributes): boolean {
	// kubeadm's --authorization-mode=Node,RBAC: the Node authorizer first, for a kubelet's user.
	if (nodeNameOf(user) !== undefined) {
		const node = a.kind === 'resource' ? nodeAuthorizerDecision(c, user, a) : undefined;
		if (node?.allowed || (!node && nodeRules.some(rule => ruleAllows(rule, a)))) return true;
	}
	return rulesFor(c, user, a.kind === 'resource' ? a.namespace : '').some(rule => ruleAllows(rule, a));
}

/** The API server's 403 message for a request RBAC refuses (responsewriters.forbiddenMessage inside errors.NewForbidden). */
export function forbiddenMessage(user: UserInfo, a: Attributes): string {
	if (a.kind === 'non-resource') return `forbidden: User "${user.name}" cannot ${a.verb} path "${a.path}"`;
	const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
	const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
	const why = `User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`;
	const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
	// The union authorizer ends the message with the reasons its authorizers gave (RBAC gives none).
	const reason = nodeAuthorizerDecision(undefined, user, a)?.reason;
	const full = reason ? `${why}: ${reason}` : why;
	return a.name ? `${qualified} "${a.name}" is forbidden: ${full}` : `${qualified} is forbidden: ${full}`;
}
