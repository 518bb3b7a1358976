// Which socket of a server process takes a connection: its port, and the local address it is bound to.
import type {Listener, Process} from './types.ts';

/** The socket of a server process on `port` that takes a connection to `ip` (any of its addresses when no ip is given). */
export function listenerOf(p: Process, port: number, ip?: string): Listener | undefined {
	const w = p.workload;
	if (w.kind !== 'server') return undefined;
	const takes = (l: Listener) => l.port === port && (ip === undefined || !l.addresses || l.addresses.includes(ip));
	if (takes(w)) return w;
	return w.more?.find(takes);
}
