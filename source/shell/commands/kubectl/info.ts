// kubectl version, cluster-info, api-resources, explain.
import {kubernetesVersion} from '../../../engine/k8s/create-cluster.ts';
import {resourceInfos, resourceByKind} from '../../../engine/k8s/resources.ts';
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

export function kubectlApiResources(): CommandOutcome {
	const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
	const extra = [{resource: 'componentstatuses', shortNames: ['cs'], apiVersion: 'v1', namespaced: false, kind: 'ComponentStatus'}, {resource: 'events', shortNames: ['ev'], apiVersion: 'v1', namespaced: true, kind: 'Event'}];
	const all = [...resourceInfos, ...extra].sort((a, b) => (a.apiVersion === 'v1' ? 0 : 1) - (b.apiVersion === 'v1' ? 0 : 1) || a.resource.localeCompare(b.resource));
	for (const r of all) rows.push([r.resource, r.shortNames.join(','), r.apiVersion, String(r.namespaced), r.kind]);
	return {stdout: table(rows), exitCode: 0};
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
};

export function kubectlExplain(k: Kctx): CommandOutcome {
	const what = k.args.positional[0];
	if (!what) return fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
	const [type, ...path] = what.split('.');
	const info = findResource(type!);
	if (!info) return fail(unknownResourceType(type!));
	const kind = resourceByKind(info.kind)!;
	const field = path.length ? `\nFIELD: ${path[path.length - 1]}\n` : '';
	const group = kind.apiVersion.includes('/') ? `GROUP:      ${kind.apiVersion.split('/')[0]}\n` : '';
	return {stdout: `${group}KIND:       ${kind.kind}\nVERSION:    ${kind.apiVersion.split('/').pop()}\n${field}\nDESCRIPTION:\n${wrap(descriptions[kind.kind]!, 76, '    ')}\n\nFIELDS:\n  apiVersion\t<string>\n  kind\t<string>\n  metadata\t<ObjectMeta>\n  spec\t<${kind.kind}Spec>\n  status\t<${kind.kind}Status>\n`, exitCode: 0};
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
