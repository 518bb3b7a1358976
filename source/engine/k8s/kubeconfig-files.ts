// The kubeconfig files of the world. The learner's ~/.kube/config: the kubeconfig kubectl uses on
// the learner's own machine, as the kubeadm instructions leave it (admin.conf copied to
// $HOME/.kube/config, mode 0600); the built-in kubectl keeps its contexts in the shell session and
// writes them here whenever they change, so `cat ~/.kube/config` shows what kubectl uses. A node's
// /etc/kubernetes/kubelet.conf: the kubelet's own, for system:node:NAME. The control plane's
// admin.conf and pki/ca.crt.
import {writeFile} from '../host/filesystem.ts';
import {clusterCaPem} from './config-objects.ts';
import type {World} from '../world.ts';

export type KubeconfigContexts = {current: string; contexts: Record<string, {cluster: string; user: string; namespace?: string}>};

export const learnerKubeconfigPath = '/root/.kube/config';

export const adminContexts: KubeconfigContexts = {current: 'kubernetes-admin@kubernetes', contexts: {'kubernetes-admin@kubernetes': {cluster: 'kubernetes', user: 'kubernetes-admin'}}};

/** `kubectl config view` of the kubeconfig (only the listed contexts when `names` is given). */
export function kubeconfigView(server: string, config: KubeconfigContexts, names = Object.keys(config.contexts).sort()): string {
	const contexts = names
		.map(name => {
			const c = config.contexts[name]!;
			return `- context:\n    cluster: ${c.cluster}\n${c.namespace ? `    namespace: ${c.namespace}\n` : ''}    user: ${c.user}\n  name: ${name}\n`;
		})
		.join('');
	return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: kubernetes
contexts:
${contexts}current-context: ${config.current}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
}

/** The file's text: the view, with the certificates it cannot hold said plainly (in both languages: a file is not translated as it is shown). */
export function kubeconfigFileText(server: string, config: KubeconfigContexts): string {
	return `# [simulator] the simulated cluster has no real certificates: their data is omitted (a real kubeconfig holds them base64-encoded)\n# [模拟器] 模拟的集群没有真实的证书：证书数据已省略（真实的 kubeconfig 以 base64 编码保存它们）\n${kubeconfigView(server, config)}`;
}

/** Writes the learner's kubeconfig file on a host. Call on a draft. */
export function writeLearnerKubeconfig(w: World, host: string, config: KubeconfigContexts = adminContexts): void {
	const fs = w.hosts.get(host)?.filesystems.get(`${host}:/`);
	if (!fs || !w.cluster) return;
	writeFile(w, fs, learnerKubeconfigPath, kubeconfigFileText(w.cluster.apiServerAddress, config));
	const tree = fs.kind === 'plain' ? fs.files : fs.upper;
	const node = tree.get(learnerKubeconfigPath);
	if (node?.type === 'file') node.mode = 0o600;
}

/**
 * The kubeconfig kubeadm leaves a node's kubelet: a context for system:node:NAME whose client
 * certificate (O=system:nodes) the kubelet rotates in its pki folder.
 */
export function kubeletKubeconfig(server: string, node: string): string {
	const user = `system:node:${node}`;
	return `apiVersion: v1\nclusters:\n- cluster:\n    server: ${server}\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: ${user}\n  name: ${user}@kubernetes\ncurrent-context: ${user}@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: ${user}\n  user:\n    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n`;
}

/** What kubeadm init leaves on the control plane for the admin: admin.conf, and the cluster CA's certificate in its pki folder. */
export function controlPlaneFiles(server: string): Record<string, string> {
	return {
		'/etc/kubernetes/admin.conf': `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${server}\n  name: kubernetes\ncurrent-context: kubernetes-admin@kubernetes\n`,
		'/etc/kubernetes/pki/ca.crt': clusterCaPem,
	};
}
