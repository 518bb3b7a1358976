// ps (procps-ng): `ps`, `ps aux`, `ps -ef`, `ps -e`, `ps -p PID`, `ps -o FIELDS`, `ps -u USER`.
// It reads /proc, so it lists the pid namespace mounted there, with pids as seen from it.
import type {Host, Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandOutcome, CommandSpec} from '../../types.ts';
import {busyboxPs} from './busybox-ps.ts';
import {usesBusybox} from './busybox.ts';
import {procpsPsUsage} from './help-texts-net.ts';
import {callerOf, comm, external, fail, lostShell, notSimulated, ok, optionsOf, visiblePid} from './context.ts';
import {cpuTimeLong, cpuTimeShort, ownerAsSeenBy, percentCpu, percentMem, rssKib, startTimeText, statOf, vszKib} from './process-view.ts';

type Row = {p: Process; pid: number; ppid: number; user: string; self: boolean};

const usage = procpsPsUsage;

const fieldHeaders: Record<string, string> = {pid: 'PID', ppid: 'PPID', user: 'USER', uid: 'UID', comm: 'COMMAND', cmd: 'CMD', args: 'COMMAND', command: 'COMMAND', '%cpu': '%CPU', pcpu: '%CPU', '%mem': '%MEM', pmem: '%MEM', rss: 'RSS', vsz: 'VSZ', stat: 'STAT', tty: 'TT', time: 'TIME', etime: 'ELAPSED', pidns: 'PIDNS', netns: 'NETNS', utsns: 'UTSNS', mntns: 'MNTNS', ipcns: 'IPCNS', userns: 'USERNS', cgroup: 'CGROUP', nlwp: 'NLWP', ni: 'NI', pri: 'PRI', s: 'S', lstart: 'STARTED', start: 'STARTED'};
const rightAligned = new Set(['pid', 'ppid', 'uid', '%cpu', 'pcpu', '%mem', 'pmem', 'rss', 'vsz', 'time', 'etime', 'pidns', 'netns', 'utsns', 'mntns', 'ipcns', 'userns', 'nlwp', 'ni', 'pri']);

function fieldValue(field: string, row: Row, host: Host, world: World): string {
	const p = row.p;
	switch (field) {
		case 'pid': return String(row.pid);
		case 'ppid': return String(row.ppid);
		case 'user': return row.user;
		case 'uid': return String(p.uid);
		case 'comm': return row.self ? 'ps' : comm(p.command);
		case 'cmd': case 'args': case 'command': return p.command;
		case '%cpu': case 'pcpu': return percentCpu(p, world.time);
		case '%mem': case 'pmem': return percentMem(host, p);
		case 'rss': return String(rssKib(p));
		case 'vsz': return String(vszKib(p));
		case 'stat': return statOf(p, row.self);
		case 's': return statOf(p, row.self)[0]!;
		case 'tty': return p.tty ?? '?';
		case 'time': return cpuTimeLong(p);
		case 'etime': {
			const s = Math.floor((world.time - p.startTime) / 1000);
			return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
		}
		case 'pidns': return String(p.namespaces.pid);
		case 'netns': return String(p.namespaces.net);
		case 'utsns': return String(p.namespaces.uts);
		case 'mntns': return String(p.namespaces.mnt);
		case 'ipcns': return String(p.namespaces.ipc);
		case 'userns': return String(p.namespaces.user);
		case 'cgroup': return `0::${p.cgroup}`;
		case 'nlwp': return statOf(p).includes('l') ? '8' : '1';
		case 'ni': return '0';
		case 'pri': return '19';
		case 'start': case 'lstart': return startTimeText(p, world.time);
		default: return '-';
	}
}

/**
 * A -o list as procps reads it: fields split at commas or spaces, until an "=": the rest of the
 * argument is the last field's own header (`pid=` has none; `ppid=PARENT`).
 */
function formatList(list: string): {fields: string[]; titles: (string | undefined)[]} {
	const eq = list.indexOf('=');
	const fields = (eq < 0 ? list : list.slice(0, eq))
		.split(/[,\s]+/)
		.filter(Boolean)
		.map(f => f.toLowerCase());
	return {fields, titles: fields.map((_, i) => (eq >= 0 && i === fields.length - 1 ? list.slice(eq + 1) : undefined))};
}

function customTable(fields: string[], rows: Row[], host: Host, world: World, headers: boolean, own: (string | undefined)[] = []): string {
	const cells = rows.map(r => fields.map(f => fieldValue(f, r, host, world)));
	const titles = fields.map((f, i) => own[i] ?? fieldHeaders[f] ?? f.toUpperCase());
	const widths = fields.map((f, i) => Math.max(titles[i]!.length, ...cells.map(c => (i === fields.length - 1 ? 0 : c[i]!.length)), f === 'pid' || f === 'ppid' ? 7 : 0));
	const line = (values: string[]) =>
		values
			.map((v, i) => (rightAligned.has(fields[i]!) ? v.padStart(widths[i]!) : i === values.length - 1 ? v : v.padEnd(widths[i]!)))
			.join(' ')
			.trimEnd();
	// Every header empty (`ps -o ppid=`): no header line at all.
	return [...(headers && titles.some(t => t !== '') ? [line(titles)] : []), ...cells.map(line)].join('\n') + '\n';
}

export const ps: CommandSpec = external({
	name: 'ps',
	summary: 'report a snapshot of the processes (aux, -ef, -o ...)',
	usage: 'ps [aux | -ef | -e | -p PID | -o FIELD,... | -u USER]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me, viewPidNs} = caller;
		if (usesBusybox(ctx.world, ctx.frame)) return busyboxPs(args, ctx, host, me, viewPidNs);
		const given = optionsOf('ps', args, ctx);
		if (given.has('version')) return ok('ps from procps-ng 4.0.4\n');
		const all = given.has('all');
		const sysvA = given.has('sysv-a');
		const bsdA = given.has('bsd-a');
		const bsdX = given.has('bsd-x');
		const bsdUser = given.has('bsd-u');
		const full = given.has('f') || given.has('F');
		const headers = !given.has('no-headers');
		// A bare number is a process list in BSD syntax (`ps 1`), shown in the BSD columns.
		const pidLists = [...given.values('pid'), ...given.values('quick-pid'), ...given.operands];
		if (pidLists.some(list => !/^\d+([,\s]+\d+)*$/.test(list.trim()))) return fail(`error: process ID list syntax error\n${usage}`);
		const pids = pidLists.length ? pidLists.flatMap(list => list.trim().split(/[,\s]+/).map(Number)) : undefined;
		const userLists = [...given.values('user'), ...given.values('User')];
		const users = userLists.length ? userLists.flatMap(list => list.split(',')) : undefined;
		const commands = given.values('C').flatMap(list => list.split(','));
		const parents = given.values('ppid').flatMap(list => list.split(',').map(Number));
		let custom: string[] | undefined;
		let customTitles: (string | undefined)[] = [];
		for (const {key, value} of given.given) {
			if (value === undefined || !['format', 'O', 'bsd-O'].includes(key)) continue;
			const {fields, titles} = formatList(value);
			const unknown = fields.find(f => !(f in fieldHeaders));
			if (unknown || fields.length === 0) return fail(`error: unknown user-defined format specifier "${unknown ?? ''}"\n${usage}`);
			// Each -o adds its fields (ps -o pid= -o comm=); -O is the default columns around its own.
			if (key === 'format') {
				customTitles = [...(custom ?? []).map((_, i) => customTitles[i]), ...titles];
				custom = [...(custom ?? []), ...fields];
			} else custom = ['pid', ...fields, 'tty', 'time', 'comm'];
		}
		let sortKeys: {desc: boolean; field: string}[] = [];
		const sortList = given.value('sort');
		if (sortList !== undefined) {
			sortKeys = sortList.split(',').map(k => ({desc: k.startsWith('-'), field: k.replace(/^[+-]/, '').toLowerCase()}));
			if (sortKeys.some(k => !(k.field in fieldHeaders))) return fail(`error: unknown sort specifier\n${usage}`);
		}
		// -w: nothing is cut here anyway.
		const notes = notSimulated('ps', given, ['all', 'sysv-a', 'bsd-a', 'bsd-x', 'bsd-u', 'f', 'no-headers', 'pid', 'quick-pid', 'user', 'User', 'C', 'ppid', 'format', 'O', 'bsd-O', 'sort', 'wide']) + (given.has('F') ? '[simulator] ps -F: shown as -f (no SZ, RSS and PSR columns)\n' : '');
		const myTty = me.tty;
		const myUid = me.uid;
		const visible: Row[] = [];
		for (const p of host.processes.values()) {
			const pid = visiblePid(p, viewPidNs);
			if (pid === undefined) continue;
			const parent = host.processes.get(p.ppid);
			const ppid = parent ? (visiblePid(parent, viewPidNs) ?? 0) : 0;
			visible.push({p, pid, ppid, user: ownerAsSeenBy(host, me, p), self: false});
		}
		// ps itself is a process too: the next pid, as a child of the shell.
		const selfPid = Math.max(0, ...visible.map(r => r.pid)) + 1;
		const myPid = visiblePid(me, viewPidNs) ?? 0;
		const selfCommand = ['ps', ...args].join(' ');
		if (comm(me.command) === 'ps') visible.find(r => r.p.pid === me.pid)!.self = true; // the caller is ps itself (`docker run ubuntu ps`)
		else visible.push({p: {...me, pid: -1, ppid: me.pid, command: selfCommand, cpuMillis: 0, cpuDemand: 0, memoryBytes: 4 * 1024 * 1024, startTime: ctx.world.time, workload: {kind: 'idle'}, state: 'R'}, pid: selfPid, ppid: myPid, user: ownerAsSeenBy(host, me, me), self: true});
		visible.sort((a, b) => a.pid - b.pid);
		let rows: Row[];
		const listed = pids || users || commands.length || parents.length;
		if (listed) rows = visible.filter(r => pids?.includes(r.pid) || users?.includes(r.user) || users?.includes(String(r.p.uid)) || commands.includes(r.self ? 'ps' : comm(r.p.command)) || parents.includes(r.ppid));
		else if (all || (bsdA && bsdX)) rows = visible;
		else if (bsdX) rows = visible.filter(r => r.p.uid === myUid);
		else if (bsdA) rows = visible.filter(r => r.p.tty !== undefined);
		else if (sysvA) rows = visible.filter(r => r.p.tty !== undefined && !/^-?(ba|a|da)?sh$/.test(comm(r.p.command))); // a terminal, not its session's leader (the shell)
		else rows = visible.filter(r => r.p.uid === myUid && r.p.tty === myTty); // no terminal: the processes without one (procps matches tty_nr 0)
		if (sortKeys.length) {
			const value = (row: Row, field: string) => fieldValue(field, row, host, ctx.world);
			rows = [...rows].sort((x, y) => {
				for (const {desc, field} of sortKeys) {
					const [a, b] = [value(x, field), value(y, field)];
					const numeric = rightAligned.has(field) || field === 'uid';
					const order = numeric ? parseFloat(a.replace(/:/g, '')) - parseFloat(b.replace(/:/g, '')) : a < b ? -1 : a > b ? 1 : 0;
					if (order) return desc ? -order : order;
				}
				return 0;
			});
		}
		const none = listed && rows.length === 0 ? 1 : 0;
		const shown = (stdout: string): CommandOutcome => ({stdout, exitCode: none, ...(notes ? {stderr: notes} : {})});
		if (custom) return shown(customTable(custom, rows, host, ctx.world, headers, customTitles));
		const bsd = bsdUser || bsdA || bsdX || given.operands.length > 0;
		if (bsdUser) {
			const lines = rows.map(r => {
				const p = r.p;
				return `${r.user.slice(0, 8).padEnd(8)} ${String(r.pid).padStart(7)} ${percentCpu(p, ctx.world.time).padStart(4)} ${percentMem(host, p).padStart(4)} ${String(vszKib(p)).padStart(6)} ${String(rssKib(p)).padStart(5)} ${(p.tty ?? '?').padEnd(8)} ${statOf(p, r.self).padEnd(4)} ${startTimeText(p, ctx.world.time).padStart(5)} ${cpuTimeShort(p).padStart(6)} ${p.command}`;
			});
			return shown([...(headers ? ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'] : []), ...lines].join('\n') + '\n');
		}
		if (bsd) {
			const lines = rows.map(r => `${String(r.pid).padStart(7)} ${(r.p.tty ?? '?').padEnd(8)} ${statOf(r.p, r.self).padEnd(6)} ${cpuTimeShort(r.p).padStart(4)} ${r.p.command}`);
			return shown([...(headers ? ['    PID TTY      STAT   TIME COMMAND'] : []), ...lines].join('\n') + '\n');
		}
		if (full) {
			const lines = rows.map(r => `${r.user.slice(0, 8).padEnd(8)} ${String(r.pid).padStart(7)} ${String(r.ppid).padStart(7)} ${String(Math.min(99, Math.round(Number(percentCpu(r.p, ctx.world.time))))).padStart(2)} ${startTimeText(r.p, ctx.world.time).padEnd(5)} ${(r.p.tty ?? '?').padEnd(8)} ${cpuTimeLong(r.p).padStart(8)} ${r.p.command}`);
			return shown([...(headers ? ['UID          PID    PPID  C STIME TTY          TIME CMD'] : []), ...lines].join('\n') + '\n');
		}
		const lines = rows.map(r => `${String(r.pid).padStart(7)} ${(r.p.tty ?? '?').padEnd(8)} ${cpuTimeLong(r.p).padStart(8)} ${r.self ? 'ps' : comm(r.p.command)}`);
		if (none) return shown(headers ? '    PID TTY          TIME CMD\n' : '');
		return shown([...(headers ? ['    PID TTY          TIME CMD'] : []), ...lines].join('\n') + '\n');
	},
});
