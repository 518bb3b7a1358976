import type {WorldEvent} from '../engine/world.ts';

/** "pod/kubia-7x2kq" from "pod/default/kubia-7x2kq"; other namespaces stay ("pod/kube-system/etcd"). */
function objectName(object: string): string {
	const parts = object.split('/');
	if (parts.length === 3 && (parts[1] === 'default' || parts[1] === '')) return `${parts[0]}/${parts[2]}`;
	return object;
}

/**
 * One line per world change, for plain mode and screen readers, object first so a listener
 * hears what changed before who changed it:
 * "pod/kubia-7x2kq: Successfully assigned default/kubia-7x2kq to worker-2 (default-scheduler)".
 */
export function eventLine(event: WorldEvent): string {
	const warning = event.type === 'Warning' ? 'warning: ' : '';
	const object = event.object ? `${objectName(event.object)}: ` : '';
	return `  · ${warning}${object}${event.message || event.reason} (${event.component})`;
}
