// kubectl version, cluster-info, api-resources, explain.
import {kubernetesVersion} from '../../../engine/k8s/create-cluster.ts';
import {apiCatalogue, groupOf, qualifiedName} from '../../../engine/k8s/api-catalogue.ts';
import {resourceByKind} from '../../../engine/k8s/resources.ts';
import {flag} from './args.ts';
import type {CommandOutcome} from '../../types.ts';
import {fail, unreachable, type Kctx} from './context.ts';
import {findResource, unknownResourceType} from './resource-names.ts';
import {table} from './table.ts';

export function kubectlVersion(k: Kctx): CommandOutcome {
	const client = `Client Version: ${kubernetesVersion}\nKustomize Version: v5.4.2\n`;
	const down = unreachable(k.ctx);
	if (down) return {stdout: client, stderr: down + '\n', exitCode: 1};
	return {stdout: client + `Server Version: ${kubernetesVersion}\n`, exitCode: 0};
}

export function kubectlClusterInfo(k: Kctx): CommandOutcome {
	const c = k.ctx.world.cluster!;
	return {stdout: `\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33m${c.apiServerAddress}\x1b[0m\n\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33m${c.apiServerAddress}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`.replace(/\x1b\[[0-9;]*m/g, ''), exitCode: 0};
}

/** Every type the API server serves, in discovery's order (group, then name), with -o name, --namespaced and --api-group. */
export function kubectlApiResources(k: Kctx): CommandOutcome {
	const namespaced = flag(k.args, 'namespaced');
	const group = flag(k.args, 'api-group');
	const output = flag(k.args, 'o', 'output');
	const entries = apiCatalogue.filter(e => (namespaced === undefined || String(e.namespaced) === namespaced) && (group === undefined || groupOf(e.apiVersion) === group));
	if (output === 'name') return {stdout: entries.map(e => qualifiedName(e) + '\n').join(''), exitCode: 0};
	const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
	for (const e of entries) rows.push([e.resource, e.shortNames.join(','), e.apiVersion, String(e.namespaced), e.kind]);
	return {stdout: table(rows), exitCode: 0};
}

/** The group versions the API server serves, sorted (autoscaling/v1 is served beside the preferred v2). */
export function kubectlApiVersions(): CommandOutcome {
	const versions = [...new Set([...apiCatalogue.map(e => e.apiVersion), 'autoscaling/v1'])].sort();
	return {stdout: versions.map(v => v + '\n').join(''), exitCode: 0};
}

const descriptions: Record<string, string> = {
	Pod: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
	ReplicationController: 'ReplicationController represents the configuration of a replication controller.',
	ReplicaSet: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
	Deployment: 'Deployment enables declarative updates for Pods and ReplicaSets.',
	Service: 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
	Endpoints: 'Endpoints is a collection of endpoints that implement the actual service.',
	Node: 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
	Namespace: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
	ConfigMap: 'ConfigMap holds configuration data for pods to consume.',
	Secret: 'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
	Job: 'Job represents the configuration of a single job.',
	CronJob: 'CronJob represents the configuration of a single cron job.',
	DaemonSet: 'DaemonSet represents the configuration of a daemon set.',
	StatefulSet: 'StatefulSet represents a set of pods with consistent identities. Identities are defined as: - Network: A single stable DNS and hostname. - Storage: As many VolumeClaims as requested. The StatefulSet guarantees that a given network identity will always map to the same storage identity.',
	PersistentVolume: 'PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes',
	PersistentVolumeClaim: "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
	StorageClass: 'StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned. StorageClasses are non-namespaced; the name of the storage class according to etcd is in ObjectMeta.Name.',
	ResourceQuota: 'ResourceQuota sets aggregate quota restrictions enforced per namespace',
	LimitRange: 'LimitRange sets resource usage limits for each kind of resource in a Namespace.',
	Ingress: 'Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.',
	NetworkPolicy: 'NetworkPolicy describes what network traffic is allowed for a set of Pods',
	Role: 'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
	ClusterRole: 'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.',
	RoleBinding: 'RoleBinding references a role, but does not contain it.  It can reference a Role in the same namespace or a ClusterRole in the global namespace. It adds who information via Subjects and namespace information by which namespace it exists in.  RoleBindings in a given namespace only have effect in that namespace.',
	ClusterRoleBinding: 'ClusterRoleBinding references a ClusterRole, but not contain it.  It can reference a ClusterRole in the global namespace, and adds who information via Subject.',
	ServiceAccount: 'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets',
};

/** The top-level fields `kubectl explain` lists after apiVersion, kind and metadata. */
const explainFields: Record<string, [string, string][]> = {
	ConfigMap: [['binaryData', 'map[string]string'], ['data', 'map[string]string'], ['immutable', 'boolean']],
	Secret: [['data', 'map[string]string'], ['immutable', 'boolean'], ['stringData', 'map[string]string'], ['type', 'string']],
	ServiceAccount: [['automountServiceAccountToken', 'boolean'], ['imagePullSecrets', '[]LocalObjectReference'], ['secrets', '[]ObjectReference']],
	Endpoints: [['subsets', '[]EndpointSubset']],
	StorageClass: [['allowVolumeExpansion', 'boolean'], ['allowedTopologies', '[]TopologySelectorTerm'], ['mountOptions', '[]string'], ['parameters', 'map[string]string'], ['provisioner', 'string'], ['reclaimPolicy', 'string'], ['volumeBindingMode', 'string']],
	Role: [['rules', '[]PolicyRule']],
	ClusterRole: [['aggregationRule', 'AggregationRule'], ['rules', '[]PolicyRule']],
	RoleBinding: [['roleRef', 'RoleRef'], ['subjects', '[]Subject']],
	ClusterRoleBinding: [['roleRef', 'RoleRef'], ['subjects', '[]Subject']],
	LimitRange: [['spec', 'LimitRangeSpec']],
	NetworkPolicy: [['spec', 'NetworkPolicySpec']],
};

export function kubectlExplain(k: Kctx): CommandOutcome {
	const what = k.args.positional[0];
	if (!what) return fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
	const [type, ...path] = what.split('.');
	const info = findResource(type!);
	if (!info) return fail(unknownResourceType(type!));
	const kind = resourceByKind(info.kind)!;
	const field = path.length ? `\nFIELD: ${path[path.length - 1]}\n` : '';
	const fields: [string, string][] = [['apiVersion', 'string'], ['kind', 'string'], ['metadata', 'ObjectMeta'], ...(explainFields[kind.kind] ?? [['spec', `${kind.kind}Spec`], ['status', `${kind.kind}Status`]])];
	const fieldLines = fields.sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => `  ${name}\t<${type}>\n`).join('');
	const group = kind.apiVersion.includes('/') ? `GROUP:      ${kind.apiVersion.split('/')[0]}\n` : '';
	return {stdout: `${group}KIND:       ${kind.kind}\nVERSION:    ${kind.apiVersion.split('/').pop()}\n${field}\nDESCRIPTION:\n${wrap(descriptions[kind.kind] ?? `${kind.kind} is a Kubernetes API object.`, 76, '    ')}\n\nFIELDS:\n${fieldLines}`, exitCode: 0};
}

function wrap(text: string, width: number, indent: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(indent + line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(indent + line);
	return lines.join('\n');
}
