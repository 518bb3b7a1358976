// kubectl apply --server-side [--force-conflicts] [--field-manager NAME]: each object goes to the
// API server as an Apply by its field manager ("kubectl" unless named), which merges it, or
// refuses where it would change fields another manager owns (engine/k8s/field-managers.ts, the
// same decisions and words the API endpoint gives the real kubectl). kubectl adds its advice.
import {createObject, replaceObject} from '../../../engine/k8s/api-server.ts';
import {conflictMessage, recordApply, releaseFields, setManagedFields} from '../../../engine/k8s/field-managers.ts';
import {cloneData, now} from '../../../engine/k8s/metadata.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {ObjectInput} from '../../../engine/k8s/object-input.ts';
import type {World} from '../../../engine/world.ts';
import {bool, flag} from './args.ts';
import {serverError, type Kctx} from './context.ts';
import {strategicMergePatch} from './patches.ts';

/** kubectl's advice after the server's conflict error (apply.go). */
const conflictAdvice = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** One object applied server-side (call on a draft): the line kubectl prints, or its error. */
export function serverSideApply(k: Kctx, w: World, config: ObjectInput, existing: KubeObject | undefined, id: string, source: string): {line?: string; error?: string} {
	const manager = flag(k.args, 'field-manager') ?? 'kubectl';
	const own = recordApply(existing, config, manager, bool(k.args, 'force-conflicts'), now(w));
	if ('conflicts' in own) return {error: `error: ${conflictMessage(own.conflicts)}\n${conflictAdvice}`};
	if (!existing) {
		const created = createObject(w, config);
		if (!created.ok) return {error: created.error.reason === 'Invalid' ? created.error.message : serverError(created.error, `error when creating "${source}"`)};
		setManagedFields(created.object, own.managedFields);
		return {line: `${id} serverside-applied`};
	}
	const merged = strategicMergePatch(cloneData(existing), config) as ObjectInput; // the configuration merged into the live object
	releaseFields(merged, own.released);
	const replaced = replaceObject(w, merged);
	if (!replaced.ok) return {error: replaced.error.reason === 'Invalid' ? replaced.error.message : serverError(replaced.error, `error when patching "${source}"`)};
	setManagedFields(replaced.object, own.managedFields);
	return {line: `${id} serverside-applied`};
}
