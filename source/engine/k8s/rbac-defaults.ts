// The roles and bindings every kubeadm cluster starts with (the API server's bootstrap policy).
import {digestHex} from '../hash.ts';
import type {World} from '../world.ts';
import type {PolicyRule, RbacSubject} from './kinds.ts';
import {timestampAt} from './metadata.ts';

/** The best-known of the roles and bindings every cluster has, stored without a draw from the RNG. */
export function addDefaultRbac(w: World): void {
	const c = w.cluster!;
	const meta = (name: string) => {
		const hex = digestHex(`rbac/${name}`, 32);
		return {name, uid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`, resourceVersion: String(c.resourceVersion), creationTimestamp: timestampAt(w.time), labels: {'kubernetes.io/bootstrapping': 'rbac-defaults'}, annotations: {'rbac.authorization.kubernetes.io/autoupdate': 'true'}};
	};
	const role = (name: string, rules: PolicyRule[]) => c.store.clusterroles.set(name, {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta(name), rules});
	const all = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
	role('cluster-admin', [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}, {nonResourceURLs: ['*'], verbs: ['*']}]);
	// As the bootstrap policy writes them: one rule per API group (a rule lists groups AND resources,
	// so one rule for all would also grant pods.apps and deployments in the core group).
	const read = ['get', 'list', 'watch'];
	const groups = (secrets: boolean): [string, string[]][] => [
		['', ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'pods/log', 'replicationcontrollers', 'serviceaccounts', 'services', ...(secrets ? ['secrets', 'pods/exec', 'pods/portforward'] : [])]],
		['apps', ['daemonsets', 'deployments', 'replicasets', 'statefulsets']],
		['batch', ['cronjobs', 'jobs']],
		['networking.k8s.io', ['ingresses', 'networkpolicies']],
	];
	const rules = (verbs: string[], secrets: boolean) => groups(secrets).map(([group, resources]) => ({apiGroups: [group], resources, verbs}));
	role('admin', [...rules(all, true), {apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: all}]);
	role('edit', rules(all, true));
	role('view', rules(read, false));
	const bind = (name: string, roleName: string, subjects: RbacSubject[]) => c.store.clusterrolebindings.set(name, {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta(name), roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName}, subjects});
	bind('cluster-admin', 'cluster-admin', [{apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters'}]);
	bind('kubeadm:cluster-admins', 'cluster-admin', [{apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'kubeadm:cluster-admins'}]);
}
