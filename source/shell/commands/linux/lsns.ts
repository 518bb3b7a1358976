// lsns (util-linux): one row per namespace the caller can see, with its lowest-pid process.
import type {NamespaceKind, Process} from '../../../engine/host/types.ts';
import {namespaceKinds} from '../../../engine/host/types.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, findVisible, lostShell, ok, optionsOf, visiblePid} from './context.ts';
import {ownerAsSeenBy} from './process-view.ts';

const lsnsOrder: NamespaceKind[] = ['time', 'cgroup', 'pid', 'user', 'uts', 'ipc', 'mnt', 'net'];

export const lsns: CommandSpec = external({
	name: 'lsns',
	summary: 'list namespaces (-t TYPE, -p PID)',
	usage: 'lsns [-t TYPE] [-p PID] [-n]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me, viewPidNs} = caller;
		// external() has answered --help and a bad option from lsns's spec (option-specs.ts); the values are checked as lsns's getopt loop does, in order.
		const given = optionsOf('lsns', args);
		let type: NamespaceKind | undefined;
		let taskPid: number | undefined;
		for (const {key, value = ''} of given.given) {
			if (key === 'type') {
				if (!(namespaceKinds as readonly string[]).includes(value)) return fail(`lsns: unknown namespace type: ${value}`);
				type = value as NamespaceKind;
			} else if (key === 'task') {
				if (!/^\d+$/.test(value)) return fail(`lsns: invalid PID argument: '${value}'`);
				taskPid = Number(value);
			}
		}
		const headings = !given.has('noheadings');
		const notAnId = given.operands.find(a => !/^\d+$/.test(a));
		if (notAnId !== undefined) return fail(`lsns: invalid namespace argument: '${notAnId}'`);
		const root = me.uid === 0 && me.namespaces.user === host.initNamespaces.user;
		let processes = [...host.processes.values()].filter(p => visiblePid(p, viewPidNs) !== undefined);
		// Without privilege, lsns can read only the caller's own processes' namespace links.
		if (!root) processes = processes.filter(p => p.uid === me.uid);
		let kinds = lsnsOrder;
		let onlyIds: Set<number> | undefined;
		if (taskPid !== undefined) {
			const target = findVisible(host, viewPidNs, taskPid);
			if (!target) return fail(`lsns: cannot open /proc/${taskPid}: No such file or directory`);
			const ids = new Set(Object.values(target.namespaces));
			processes = processes.filter(p => Object.values(p.namespaces).some(id => ids.has(id)));
			kinds = lsnsOrder.filter(k => ids.has(target.namespaces[k]));
			onlyIds = ids;
		}
		if (type) kinds = kinds.filter(k => k === type);
		type NsRow = {id: number; kind: NamespaceKind; procs: Process[]; name?: string};
		const rows = new Map<number, NsRow>();
		for (const p of processes) {
			for (const kind of kinds) {
				const id = p.namespaces[kind];
				if (onlyIds && !onlyIds.has(id)) continue;
				let row = rows.get(id);
				if (!row) rows.set(id, (row = {id, kind, procs: []}));
				row.procs.push(p);
			}
		}
		// A named network namespace (ip netns add) is held by its mount in /run/netns even with no process in it.
		if (root && (type === 'net' || !type) && taskPid === undefined) {
			for (const ns of host.namespaces.values()) if (ns.kind === 'net' && ns.name && !rows.has(ns.id)) rows.set(ns.id, {id: ns.id, kind: 'net', procs: [], name: ns.name});
		}
		const sorted = [...rows.values()].sort((a, b) => a.id - b.id);
		const showNet = type === 'net';
		const cells = sorted.map(r => {
			const first = r.procs.reduce<Process | undefined>((best, p) => (!best || (visiblePid(p, viewPidNs) ?? 0) < (visiblePid(best, viewPidNs) ?? 0) ? p : best), undefined);
			const ns = host.namespaces.get(r.id);
			const netnsName = ns?.name;
			return {
				ns: String(r.id),
				type: r.kind as string,
				nprocs: String(r.procs.length),
				pid: first ? String(visiblePid(first, viewPidNs)) : '',
				user: first ? ownerAsSeenBy(host, me, first) : '',
				netnsid: r.kind === 'net' ? (r.id === me.namespaces.net ? 'unassigned' : netnsName ? String(netnsIndex(host, r.id)) : 'unassigned') : '',
				nsfs: netnsName ? `/run/netns/${netnsName}` : '',
				command: first ? first.command : '',
			};
		});
		const widths = {
			ns: Math.max(2, ...cells.map(c => c.ns.length)),
			type: Math.max(4, ...cells.map(c => c.type.length)),
			nprocs: Math.max(6, ...cells.map(c => c.nprocs.length)),
			pid: Math.max(5, ...cells.map(c => c.pid.length)),
			user: Math.max(4, ...cells.map(c => c.user.length)),
			netnsid: Math.max(10, ...cells.map(c => c.netnsid.length)),
			nsfs: Math.max(4, ...cells.map(c => c.nsfs.length)),
		};
		const line = (c: typeof cells[number]) =>
			[c.ns.padStart(widths.ns), c.type.padEnd(widths.type), c.nprocs.padStart(widths.nprocs), c.pid.padStart(widths.pid), c.user.padEnd(widths.user), ...(showNet ? [c.netnsid.padStart(widths.netnsid), c.nsfs.padEnd(widths.nsfs)] : []), c.command].join(' ').trimEnd();
		const header = line({ns: 'NS', type: 'TYPE', nprocs: 'NPROCS', pid: 'PID', user: 'USER', netnsid: 'NETNSID', nsfs: 'NSFS', command: 'COMMAND'});
		if (cells.length === 0) return ok('');
		return ok([...(headings ? [header] : []), ...cells.map(line)].join('\n') + '\n');
	},
});

/** The netns id the caller's namespace has assigned to another (0, 1, ... in creation order). */
function netnsIndex(host: {namespaces: Map<number, {kind: string; name?: string}>}, id: number): number {
	const named = [...host.namespaces.values()].filter(ns => ns.kind === 'net' && ns.name).map(ns => (ns as {id?: number}).id ?? 0);
	const index = named.sort((a, b) => a - b).indexOf(id);
	return index < 0 ? 0 : index;
}
