// Where kubectl finds its kubeconfig, in kubectl's own order: --kubeconfig FILE (which must
// exist), else the files $KUBECONFIG lists (missing ones skipped), else ~/.kube/config. The
// learner's own machine has one set up for them (the session's kubeconfig, config.ts). A kubeadm
// node has only what kubeadm wrote: /etc/kubernetes/admin.conf on the control plane, readable by
// root. Without one, kubectl talks to localhost:8080 and fails as the real one does.
import {parse} from 'yaml';
import {worldEpoch} from '../../../engine/world.ts';
import {readPath, resolvePath} from '../../paths.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';

/** `user`: the current context's user when kubectl reads a kubeconfig file of the host (kubelet.conf's system:node:NAME). */
export type KubeconfigSource = {found: boolean; error?: string; user?: string};

const homeOf = (user: string) => (user === 'root' ? '/root' : `/home/${user}`);

/** A kubeconfig file as kubectl on this host reads it: usable when it names a current context. */
function readConfig(ctx: CommandContext, path: string, typed: string): KubeconfigSource | undefined {
	const read = readPath(ctx.world, ctx.frame, path);
	if ('error' in read) return undefined;
	// kubeadm writes its kubeconfigs mode 0600, owned by root.
	if (ctx.frame.user !== 'root' && path.startsWith('/etc/kubernetes/')) return {found: false, error: `error: error loading config file "${typed}": open ${typed}: permission denied`};
	const current = read.content.match(/^current-context:\s*(\S+)/m)?.[1];
	if (!current) return {found: false};
	const user = contextUser(read.content, current);
	return {found: true, ...(user ? {user} : {})};
}

/** The user of the named context in a kubeconfig's text (undefined when the YAML does not say). */
function contextUser(text: string, context: string): string | undefined {
	try {
		const config = parse(text) as {contexts?: {name?: string; context?: {user?: string}}[]} | null;
		const user = config?.contexts?.find(c => c?.name === context)?.context?.user;
		return typeof user === 'string' ? user : undefined;
	} catch {
		return undefined;
	}
}

export function kubeconfigSource(ctx: CommandContext, kubeconfigFlag?: string): KubeconfigSource {
	const cluster = ctx.world.cluster;
	if (kubeconfigFlag !== undefined) {
		const found = readConfig(ctx, resolvePath(ctx.frame, kubeconfigFlag), kubeconfigFlag);
		return found ?? {found: false, error: `error: stat ${kubeconfigFlag}: no such file or directory`};
	}
	if (cluster && cluster.kubectlHosts.includes(ctx.frame.host) && ctx.frame.host !== cluster.controlPlane) return {found: true};
	const listed = (ctx.session.env.KUBECONFIG ?? '').split(':').filter(Boolean);
	for (const path of listed.length ? listed : [`${homeOf(ctx.frame.user)}/.kube/config`]) {
		const found = readConfig(ctx, resolvePath(ctx.frame, path), path);
		if (found) return found;
	}
	return {found: false};
}

export const noServerLine = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';

/** How many times each verb asks for the API group list before giving up (kubectl 1.32 against nothing on localhost:8080). */
function discoveryTries(verb: string): number {
	if (verb === 'version' || verb === 'top') return 0;
	if (verb === 'run' || verb === 'api-resources') return 1;
	if (['logs', 'exec', 'drain', 'cordon', 'uncordon', 'attach', 'port-forward', 'cp'].includes(verb)) return 4;
	return 5;
}

/** kubectl with no kubeconfig: klog's discovery errors, then the line every kubeadm user has met. */
export function withoutKubeconfig(ctx: CommandContext, verb: string): CommandOutcome {
	const at = new Date(worldEpoch + ctx.world.time);
	const two = (n: number) => String(n).padStart(2, '0');
	const pid = String(ctx.frame.pid + 1).padStart(7);
	const lines: string[] = [];
	for (let i = 0; i < discoveryTries(verb); i++) {
		const micros = String((at.getUTCMilliseconds() * 1000 + 1_700 * i + 54_857) % 1_000_000).padStart(6, '0');
		const stamp = `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}.${micros}`;
		lines.push(`E${stamp} ${pid} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"`);
	}
	if (verb === 'cluster-info') lines.push('', "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
	lines.push(noServerLine);
	return {stdout: '', stderr: lines.join('\n') + '\n', exitCode: 1};
}
