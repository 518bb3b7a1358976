import {messages} from '../i18n/catalog.ts';
import type {Locale} from '../i18n/locale.ts';
import {networkInterfaces} from 'node:os';

/** The addresses students can type: the bound one, or every LAN IPv4 address when bound to all. */
export function reachableAddresses(bind: string): string[] {
	if (bind !== '0.0.0.0' && bind !== '::') return [bind.includes(':') ? `[${bind}]` : bind];
	const found: string[] = [];
	for (const entries of Object.values(networkInterfaces())) {
		for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) found.push(entry.address);
	}
	return found.length > 0 ? found : ['127.0.0.1'];
}

/** The read-only page for a projector: counts and raised hands, never the join code. */
export function projectorUrl(address: string, port: number, key: string): string {
	return `http://${address}:${port}/room?key=${key}`;
}

/** With `offline`, npx installs the host's own copy of the package: no internet needed. An instructor working in Chinese hands out a Chinese join line. */
export function joinCommand(address: string, port: number, code: string, offline = false, lang: Locale = 'en'): string {
	const tutor = offline ? `--yes http://${address}:${port}/k8s-tutor.tgz` : 'k8s-tutor';
	return `npx ${tutor} join ${address}:${port} --code ${code} ${messages(lang).host.joinName}`;
}
