// kubectl config: the kubeconfig kubeadm wrote for the learner (cluster "kubernetes", user
// "kubernetes-admin", context kubernetes-admin@kubernetes) plus the contexts the learner adds,
// read locally without the API server. The current context's namespace is the shell session's,
// which every kubectl command then uses by default.
import {kubeconfigFileText, kubeconfigView} from '../../../engine/k8s/kubeconfig-files.ts';
import {readPath, writePath} from '../../paths.ts';
import type {CommandOutcome, KubeContext, ShellSession} from '../../types.ts';
import {flag} from './args.ts';
import {fail, type Kctx} from './context.ts';
import {kubeconfigSource} from './kubeconfig-source.ts';
import {table} from './table.ts';
import {notSimulated} from './unmodelled.ts';

export const contextName = 'kubernetes-admin@kubernetes';
export const clusterName = 'kubernetes';
export const userName = 'kubernetes-admin';

export type Kubeconfig = {current: string; contexts: Record<string, KubeContext>};

/** The session's kubeconfig, the current context holding the session's namespace. */
export function kubeconfigOf(session: ShellSession): Kubeconfig {
	const saved = session.kubeconfig ?? {current: contextName, contexts: {[contextName]: {cluster: clusterName, user: userName}}};
	const namespace = session.namespace && session.namespace !== 'default' ? session.namespace : undefined;
	const current = saved.contexts[saved.current];
	const contexts = current ? {...saved.contexts, [saved.current]: {...current, namespace}} : saved.contexts;
	return {current: saved.current, contexts};
}

/** A session whose kubeconfig is `config`: the namespace follows the current context. */
function withKubeconfig(session: ShellSession, config: Kubeconfig): ShellSession {
	return {...session, kubeconfig: config, namespace: config.contexts[config.current]?.namespace || 'default'};
}

/** Why kubectl cannot use this context as the simulation models it, or undefined. */
export function contextProblem(context: KubeContext | undefined): string | undefined {
	if (!context) return undefined;
	if (context.user !== userName) return notSimulated(`a context with the user "${context.user}" (credentials other than ${userName})`);
	return undefined;
}

function kubeconfigPath(k: Kctx): string {
	return `${k.ctx.frame.user === 'root' ? '/root' : `/home/${k.ctx.frame.user}`}/.kube/config`;
}

function hasKubeconfig(k: Kctx): boolean {
	return !!k.ctx.world.cluster && kubeconfigSource(k.ctx, flag(k.args, 'kubeconfig')).found;
}

function view(k: Kctx, minify: boolean): string {
	if (!hasKubeconfig(k)) return 'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n';
	const config = kubeconfigOf(k.ctx.session);
	const names = Object.keys(config.contexts)
		.filter(name => !minify || name === config.current)
		.sort();
	return kubeconfigView(k.ctx.world.cluster!.apiServerAddress, config, names);
}

function getContexts(k: Kctx, wanted: string | undefined): CommandOutcome {
	const head = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
	if (!hasKubeconfig(k)) return wanted ? fail(`error: context ${wanted} not found`) : {stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', exitCode: 0};
	const config = kubeconfigOf(k.ctx.session);
	if (wanted && !config.contexts[wanted]) return fail(`error: context ${wanted} not found`);
	const names = wanted ? [wanted] : Object.keys(config.contexts).sort();
	const rows = names.map(name => {
		const c = config.contexts[name]!;
		return [name === config.current ? '*' : '', name, c.cluster, c.user, c.namespace ?? ''];
	});
	return {stdout: table([head, ...rows]), exitCode: 0};
}

function setContext(k: Kctx, name: string | undefined): CommandOutcome {
	const config = kubeconfigOf(k.ctx.session);
	const current = flag(k.args, 'current') === 'true';
	const target = current ? config.current : name;
	if (!target) return fail("error: you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples");
	const existing = config.contexts[target];
	const namespace = flag(k.args, 'namespace', 'n');
	const next: KubeContext = {
		cluster: flag(k.args, 'cluster') ?? existing?.cluster ?? '',
		user: flag(k.args, 'user') ?? existing?.user ?? '',
		...(namespace !== undefined ? (namespace ? {namespace} : {}) : existing?.namespace ? {namespace: existing.namespace} : {}),
	};
	const updated: Kubeconfig = {...config, contexts: {...config.contexts, [target]: next}};
	return {stdout: `Context "${target}" ${existing ? 'modified' : 'created'}.\n`, exitCode: 0, session: withKubeconfig(k.ctx.session, updated)};
}

/**
 * kubectl config writes what it changes to the kubeconfig file it read: the learner's
 * ~/.kube/config (when it is there; --kubeconfig or $KUBECONFIG name files this kubectl does not edit).
 */
export function kubectlConfig(k: Kctx): CommandOutcome {
	const outcome = configCommand(k);
	const cluster = k.ctx.world.cluster;
	if (!outcome.session?.kubeconfig || !cluster || outcome.exitCode !== 0 || flag(k.args, 'kubeconfig') !== undefined || k.ctx.session.env.KUBECONFIG) return outcome;
	const path = kubeconfigPath(k);
	const world = outcome.world ?? k.ctx.world;
	if ('error' in readPath(world, k.ctx.frame, path)) return outcome;
	const written = writePath(world, k.ctx.frame, path, kubeconfigFileText(cluster.apiServerAddress, kubeconfigOf(outcome.session)), false);
	return written.ok ? {...outcome, world: written.world} : outcome;
}

function configCommand(k: Kctx): CommandOutcome {
	const [sub, ...names] = k.args.positional;
	const config = kubeconfigOf(k.ctx.session);
	const path = kubeconfigPath(k);
	switch (sub) {
		case 'view':
			return {stdout: view(k, flag(k.args, 'minify') === 'true'), stderr: flag(k.args, 'raw') === 'true' ? '[simulator] the simulated cluster has no real certificates: their data stays omitted\n' : '', exitCode: 0};
		case 'current-context':
			return hasKubeconfig(k) && config.current ? {stdout: `${config.current}\n`, exitCode: 0} : fail('error: current-context is not set');
		case 'get-contexts':
			return getContexts(k, names[0]);
		case 'use-context':
		case 'use': {
			if (!names[0]) return fail("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
			if (!config.contexts[names[0]] || !hasKubeconfig(k)) return fail(`error: no context exists with the name: "${names[0]}"`);
			return {stdout: `Switched to context "${names[0]}".\n`, exitCode: 0, session: withKubeconfig(k.ctx.session, {...config, current: names[0]})};
		}
		case 'set-context':
			return setContext(k, names[0]);
		case 'delete-context': {
			const name = names[0];
			if (!name) return fail("error: Unexpected args: []\nSee 'kubectl config delete-context -h' for help and examples");
			if (!config.contexts[name]) return fail(`error: cannot delete context ${name}, not in ${path}`);
			const {[name]: _, ...rest} = config.contexts;
			const warning = name === config.current ? 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n' : '';
			// The current-context keeps naming the deleted context, as kubectl leaves it.
			return {stdout: `deleted context ${name} from ${path}\n`, stderr: warning, exitCode: 0, session: {...k.ctx.session, kubeconfig: {...config, contexts: rest}}};
		}
		case 'rename-context': {
			const [from, to] = names;
			if (!from || !to || names.length !== 2) return fail("error: Unexpected args: " + `[${names.join(' ')}]` + "\nSee 'kubectl config rename-context -h' for help and examples");
			if (!config.contexts[from]) return fail(`error: cannot rename the context "${from}", it's not in ${path}`);
			if (config.contexts[to]) return fail(`error: cannot rename the context "${from}", the context "${to}" already exists in ${path}`);
			const {[from]: moved, ...rest} = config.contexts;
			const renamed: Kubeconfig = {current: config.current === from ? to : config.current, contexts: {...rest, [to]: moved!}};
			return {stdout: `Context "${from}" renamed to "${to}".\n`, exitCode: 0, session: {...k.ctx.session, kubeconfig: renamed}};
		}
		case 'get-clusters':
			return {stdout: `NAME\n${clusterName}\n`, exitCode: 0};
		case 'get-users':
			return {stdout: `NAME\n${userName}\n`, exitCode: 0};
		default:
			return fail(notSimulated(`kubectl config${sub ? ` ${sub}` : ''}`));
	}
}
