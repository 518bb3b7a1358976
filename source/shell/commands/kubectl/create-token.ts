// kubectl create token SERVICE_ACCOUNT: kubectl's own flag checks, then a TokenRequest to the
// service account's token subresource (engine/k8s/token-request.ts, which the API endpoint
// serves too); it prints the JWT the API server answers, or the TokenRequest with -o.
import {issueToken} from '../../../engine/k8s/token-request.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag, flagAll} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {toYaml} from './yaml-print.ts';

const boundObjectKinds = ['Node', 'Pod', 'Secret'];

/** A Go duration in whole seconds, or kubectl's flag error. */
function durationSeconds(text: string): number | {error: string} {
	const bad = {error: `error: invalid argument "${text}" for "--duration" flag: time: invalid duration "${text}"`};
	if (/^[+-]?0$/.test(text)) return 0;
	const m = /^([+-]?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(text);
	if (!m) {
		const unit = /^[+-]?\d+(?:\.\d+)?([^\d.]+)/.exec(text)?.[1];
		return unit && !/^(ns|us|µs|ms|s|m|h)/.test(unit) ? {error: `error: invalid argument "${text}" for "--duration" flag: time: unknown unit "${unit}" in duration "${text}"`} : /^[+-]?\d+(\.\d+)?$/.test(text) ? {error: `error: invalid argument "${text}" for "--duration" flag: time: missing unit in duration "${text}"`} : bad;
	}
	const unitNs: Record<string, number> = {ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9};
	let ns = 0;
	for (const part of m[2]!.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ns += Number(part[1]) * unitNs[part[2]!]!;
	if (m[1] === '-') ns = -ns;
	if (ns < 0) return {error: 'error: --duration must be greater than or equal to 0'};
	if (ns % 1e9 !== 0) return {error: 'error: --duration cannot be expressed in units less than seconds'};
	return ns / 1e9;
}

export function kubectlCreateToken(k: Kctx): CommandOutcome {
	const names = k.args.positional.slice(1);
	if (names.length !== 1) return fail(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create token -h' for help and examples`);
	const name = names[0]!;
	const ns = namespaceOf(k);
	const durationText = flag(k.args, 'duration');
	const seconds = durationText === undefined ? 0 : durationSeconds(durationText);
	if (typeof seconds === 'object') return fail(seconds.error.includes('flag:') ? `${seconds.error}\nSee 'kubectl create token --help' for usage.` : seconds.error);
	const audiences = flagAll(k.args, 'audience');
	if (audiences.some(a => a === '')) return fail('error: --audience must not be an empty string');
	const kind = flag(k.args, 'bound-object-kind') ?? '';
	const boundName = flag(k.args, 'bound-object-name') ?? '';
	const boundUid = flag(k.args, 'bound-object-uid') ?? '';
	if (!kind) {
		if (boundName) return fail('error: --bound-object-name can only be set if --bound-object-kind is provided');
		if (boundUid) return fail('error: --bound-object-uid can only be set if --bound-object-kind is provided');
	} else {
		if (!boundObjectKinds.includes(kind)) return fail(`error: supported --bound-object-kind values are ${boundObjectKinds.join(', ')}`);
		if (!boundName) return fail('error: --bound-object-name is required if --bound-object-kind is provided');
	}
	const boundObjectRef = kind ? {kind, apiVersion: 'v1', name: boundName, ...(boundUid ? {uid: boundUid} : {})} : undefined;
	const issued = issueToken(k.ctx.world, ns, name, {...(audiences.length ? {audiences} : {}), ...(seconds ? {expirationSeconds: seconds} : {}), ...(boundObjectRef ? {boundObjectRef} : {})});
	if (!issued.ok) return fail(`error: failed to create token: ${issued.error.message}`);
	const request = issued.request;
	const token = request.status.token;
	const output = flag(k.args, 'o', 'output');
	if (output === 'yaml' || output === 'json' || output === 'name') {
		if (output === 'name') return {stdout: `tokenrequest.authentication.k8s.io/${name}\n`, exitCode: 0};
		return {stdout: output === 'yaml' ? toYaml(request) : JSON.stringify(request, null, 4) + '\n', exitCode: 0};
	}
	return {stdout: `${token}\n`, exitCode: 0};
}
