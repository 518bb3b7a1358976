// kubectl version, cluster-info, api-resources, api-versions.
import {kubernetesVersion} from '../../../engine/k8s/create-cluster.ts';
import {apiCatalogue, groupOf, qualifiedName} from '../../../engine/k8s/api-catalogue.ts';
import {flag} from './args.ts';
import type {CommandOutcome} from '../../types.ts';
import {fail, unreachable, type Kctx} from './context.ts';
import {kubeconfigSource} from './kubeconfig-source.ts';
import {table} from './table.ts';

export function kubectlVersion(k: Kctx): CommandOutcome {
	const client = `Client Version: ${kubernetesVersion}\nKustomize Version: v5.4.2\n`;
	const problem = kubeconfigSource(k.ctx, flag(k.args, 'kubeconfig')).error;
	if (problem) return {stdout: '', stderr: problem + '\n', exitCode: 1};
	const down = unreachable(k.ctx, flag(k.args, 'kubeconfig'));
	if (down) return {stdout: client, stderr: down + '\n', exitCode: 1};
	return {stdout: client + `Server Version: ${kubernetesVersion}\n`, exitCode: 0};
}

export function kubectlClusterInfo(k: Kctx): CommandOutcome {
	const c = k.ctx.world.cluster!;
	return {stdout: `\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33m${c.apiServerAddress}\x1b[0m\n\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33m${c.apiServerAddress}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`.replace(/\x1b\[[0-9;]*m/g, ''), exitCode: 0};
}

/** Every type the API server serves, in discovery's order (group, then name), with -o name, --namespaced and --api-group. */
export function kubectlApiResources(k: Kctx): CommandOutcome {
	if (k.args.positional.length) return fail(`error: unexpected arguments: [${k.args.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`);
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
