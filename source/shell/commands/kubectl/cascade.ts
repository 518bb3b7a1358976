// kubectl delete --cascade: which propagation policy the DELETE asks for (kubectl's
// GetCascadingStrategy: background by default, the old boolean values with a warning).
import type {DeleteOptions} from '../../../engine/k8s/api-server.ts';
import {flag} from './args.ts';
import type {Kctx} from './context.ts';

type Policy = NonNullable<DeleteOptions['propagationPolicy']>;

export function cascadePolicy(k: Kctx): {policy: Policy; warning?: string; error?: string} {
	const value = flag(k.args, 'cascade');
	if (value === undefined) return {policy: 'Background'};
	const named: Record<string, Policy> = {background: 'Background', foreground: 'Foreground', orphan: 'Orphan'};
	if (named[value]) return {policy: named[value]};
	const boolean = /^(1|t|T|TRUE|true|True)$/.test(value) ? true : /^(0|f|F|FALSE|false|False)$/.test(value) ? false : undefined;
	if (boolean === undefined) return {policy: 'Background', error: `error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`};
	const replacement = boolean ? 'background' : 'orphan';
	return {policy: boolean ? 'Background' : 'Orphan', warning: `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`};
}
