// kubectl config: the kubeconfig kubeadm wrote for the learner (one cluster, one user, one
// context), read locally without the API server. The context's namespace is the shell session's
// (set-context --current --namespace), which every kubectl command then uses by default.
import type {CommandOutcome} from '../../types.ts';
import {flag} from './args.ts';
import {fail, type Kctx} from './context.ts';
import {table} from './table.ts';
import {notSimulated} from './unmodelled.ts';

export const contextName = 'kubernetes-admin@kubernetes';

function hasKubeconfig(k: Kctx): boolean {
	return !!k.ctx.world.cluster?.kubectlHosts.includes(k.ctx.frame.host);
}

/** The namespace the context names, or '' when it names none (kubectl then uses "default"). */
function contextNamespace(k: Kctx): string {
	const ns = k.ctx.session.namespace;
	return ns && ns !== 'default' ? ns : '';
}

function view(k: Kctx): string {
	if (!hasKubeconfig(k)) return 'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n';
	const ns = contextNamespace(k);
	return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${k.ctx.world.cluster!.apiServerAddress}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
${ns ? `    namespace: ${ns}\n` : ''}    user: kubernetes-admin
  name: ${contextName}
current-context: ${contextName}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
}

export function kubectlConfig(k: Kctx): CommandOutcome {
	const [sub, ...names] = k.args.positional;
	switch (sub) {
		case 'view':
			return {stdout: view(k), stderr: flag(k.args, 'raw') === 'true' ? '[simulator] the simulated cluster has no real certificates: their data stays omitted\n' : '', exitCode: 0};
		case 'current-context':
			return hasKubeconfig(k) ? {stdout: `${contextName}\n`, exitCode: 0} : fail('error: current-context is not set');
		case 'get-contexts': {
			if (!hasKubeconfig(k) || (names[0] && names[0] !== contextName)) return names[0] ? fail(`error: context ${names[0]} not found`) : {stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', exitCode: 0};
			return {stdout: table([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', contextName, 'kubernetes', 'kubernetes-admin', contextNamespace(k)]]), exitCode: 0};
		}
		case 'use-context':
			if (!names[0]) return fail("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
			if (names[0] !== contextName || !hasKubeconfig(k)) return fail(`error: no context exists with the name: "${names[0]}"`);
			return {stdout: `Switched to context "${contextName}".\n`, exitCode: 0};
		case 'set-context': {
			const current = flag(k.args, 'current') === 'true';
			if (!current && names[0] !== contextName) return fail(notSimulated('a second kubeconfig context (kubectl config set-context NAME)'));
			const namespace = flag(k.args, 'namespace', 'n');
			const session = namespace !== undefined ? {...k.ctx.session, namespace: namespace || 'default'} : undefined;
			return {stdout: `Context "${contextName}" modified.\n`, exitCode: 0, session};
		}
		default:
			return fail(notSimulated(`kubectl config${sub ? ` ${sub}` : ''}`));
	}
}
