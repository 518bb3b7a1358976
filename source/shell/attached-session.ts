// The end of a `kubectl run -it` session, however it ends (the attached shell's `exit`, or the
// attached program exiting by itself): kubectl 1.32's reattach line, then --rm's delete.
import {produce} from 'immer';
import {deleteObject} from '../engine/k8s/api-server.ts';
import type {World} from '../engine/world.ts';
import type {ShellFrame} from './types.ts';

type Attached = NonNullable<ShellFrame['attached']>;

/**
 * attach.go's reattachMessage: only for a pod that restarts its containers (restartPolicy Always)
 * does kubectl say how to attach again. With --rm the pod is deleted at once (its process is gone,
 * so nothing waits for a grace period).
 */
export function endAttachedSession(world: World, attached: Attached, before: string): {stdout: string; world: World} {
	const pod = world.cluster?.store.pods.get(`${attached.namespace}/${attached.pod}`);
	let stdout = before;
	if ((pod?.spec?.restartPolicy ?? 'Always') === 'Always') stdout += `Session ended, resume using 'kubectl attach ${attached.pod} -c ${attached.container} -i -t' command when the pod is running\n`;
	if (!attached.remove || !world.cluster || !pod) return {stdout, world};
	const after = produce(world, w => {
		deleteObject(w, 'pods', attached.namespace, attached.pod, {force: true, gracePeriodSeconds: 0});
	});
	return {stdout: `${stdout}pod "${attached.pod}" deleted\n`, world: after};
}
