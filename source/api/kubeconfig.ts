// The kubeconfig a real kubectl reads to reach the simulated cluster: the endpoint, the CA that
// signed its certificate and the bearer token. Written mode 0600 beside the credentials.
import {chmodSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import envPaths from 'env-paths';
import type {ApiCredentials} from './credentials.ts';

export const kubeconfigName = 'kubeconfig';
export const defaultApiPort = 6443;

/** The folder that keeps progress, the API's credentials and the kubeconfig (K8S_TUTOR_HOME when set). */
export function configFolder(configDir: string | undefined): string {
	return configDir ?? envPaths('k8s-tutor', {suffix: 'nodejs'}).config;
}

export function kubeconfigPath(configDir: string | undefined): string {
	return join(configFolder(configDir), kubeconfigName);
}

/** The kubeconfig's text: one cluster, one user, one context, named as the tutor's own kubectl names them. */
export function kubeconfigText(server: string, credentials: Pick<ApiCredentials, 'caPem' | 'token'>): string {
	const ca = Buffer.from(credentials.caPem).toString('base64');
	return [
		'apiVersion: v1',
		'kind: Config',
		'clusters:',
		'- cluster:',
		`    certificate-authority-data: ${ca}`,
		`    server: ${server}`,
		'  name: k8s-tutor',
		'contexts:',
		'- context:',
		'    cluster: k8s-tutor',
		'    user: k8s-tutor-learner',
		'  name: k8s-tutor',
		'current-context: k8s-tutor',
		'preferences: {}',
		'users:',
		'- name: k8s-tutor-learner',
		'  user:',
		`    token: ${credentials.token}`,
		'',
	].join('\n');
}

export function serverUrl(host: string, port: number): string {
	return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Writes the kubeconfig (mode 0600) and returns its path. */
export function writeKubeconfig(configDir: string | undefined, server: string, credentials: ApiCredentials): string {
	const path = kubeconfigPath(configDir);
	writeFileSync(path, kubeconfigText(server, credentials), {mode: 0o600});
	chmodSync(path, 0o600);
	return path;
}
