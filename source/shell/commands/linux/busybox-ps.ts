// busybox's ps (the one busybox and alpine images carry): it lists every process of the pid
// namespace mounted at /proc in its default columns "pid,user,time,args", ignores BSD words such
// as `aux` and the flags -e/-f/-a/-l, and takes -o COL1,COL2. procps/ps.c (busybox 1.36):
//   #define DEFAULT_O_STR "pid,user" IF_FEATURE_PS_TIME(",time") ",args"
//   header "PID   USER     TIME  COMMAND", rows "%5u %-8s %5s %s"
import type {Host, Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';
import {comm, notSimulated, optionsOf, visiblePid} from './context.ts';
import {ownerAsSeenBy, rssKib, vszKib} from './process-view.ts';

type Column = {name: string; header: string; width: number; right: boolean; value(p: Process, pid: number, ppid: number): string};

export function busyboxPs(args: string[], ctx: CommandContext, host: Host, me: Process, viewPidNs: number): CommandOutcome {
	// -o can be given several times, each adding its columns; the other options are taken and ignored.
	const given = optionsOf('ps', args, ctx);
	const lists = given.values('o');
	const fields = lists.length ? lists.flatMap(list => list.split(',')).map(f => f.replace(/=.*$/, '')) : ['pid', 'user', 'time', 'args'];
	const bad = fields.find(f => !(f in columnsByName(ctx.world, host, me)));
	if (bad !== undefined) return {stdout: '', stderr: `ps: bad -o argument '${bad}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n`, exitCode: 1};
	const rows: {p: Process; pid: number; ppid: number}[] = [];
	for (const p of host.processes.values()) {
		const pid = visiblePid(p, viewPidNs);
		if (pid === undefined) continue;
		const parent = host.processes.get(p.ppid);
		rows.push({p, pid, ppid: parent ? (visiblePid(parent, viewPidNs) ?? 0) : 0});
	}
	// ps is a process too: the next pid, a child of the caller (unless the caller is ps itself: `docker run busybox ps`).
	const selfPid = Math.max(0, ...rows.map(r => r.pid)) + 1;
	if (comm(me.command) !== 'ps') rows.push({p: {...me, pid: -1, command: ['ps', ...args].join(' '), cpuMillis: 0, startTime: ctx.world.time, state: 'R'}, pid: selfPid, ppid: visiblePid(me, viewPidNs) ?? 0});
	rows.sort((a, b) => a.pid - b.pid);
	const columns = fields.map(f => columnsByName(ctx.world, host, me)[f]!);
	const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : columns[i]!.right ? cell.padStart(columns[i]!.width) : cell.padEnd(columns[i]!.width))).join(' ');
	const header = line(columns.map((c, i) => (i === columns.length - 1 ? c.header : c.header.padEnd(c.width))));
	const body = rows.map(r => line(columns.map(c => c.value(r.p, r.pid, r.ppid))));
	return {stdout: [header, ...body].join('\n') + '\n', exitCode: 0, ...(given.has('T') ? {stderr: notSimulated('ps', given, ['o', 'a', 'A', 'd', 'e', 'f', 'l'])} : {})};
}

function columnsByName(world: World, host: Host, me: Process): Record<string, Column> {
	const time = (p: Process) => {
		const s = Math.floor(p.cpuMillis / 1000);
		return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
	};
	const user = (p: Process) => ownerAsSeenBy(host, me, p).slice(0, 8);
	const list: Column[] = [
		{name: 'pid', header: 'PID', width: 5, right: true, value: (_p, pid) => String(pid)},
		{name: 'ppid', header: 'PPID', width: 5, right: true, value: (_p, _pid, ppid) => String(ppid)},
		{name: 'pgid', header: 'PGID', width: 5, right: true, value: (_p, pid) => String(pid)},
		{name: 'sid', header: 'SID', width: 5, right: true, value: (_p, pid) => String(pid)},
		{name: 'user', header: 'USER', width: 8, right: false, value: user},
		{name: 'ruser', header: 'RUSER', width: 8, right: false, value: user},
		{name: 'group', header: 'GROUP', width: 8, right: false, value: user},
		{name: 'rgroup', header: 'RGROUP', width: 8, right: false, value: user},
		{name: 'comm', header: 'COMMAND', width: 16, right: false, value: p => comm(p.command)},
		{name: 'args', header: 'COMMAND', width: 0, right: false, value: p => p.command},
		{name: 'time', header: 'TIME', width: 5, right: true, value: time},
		{name: 'etime', header: 'ELAPSED', width: 7, right: true, value: p => time({...p, cpuMillis: world.time - p.startTime})},
		{name: 'nice', header: 'NI', width: 3, right: true, value: () => '0'},
		{name: 'tty', header: 'TT', width: 6, right: false, value: p => p.tty ?? '?'},
		{name: 'vsz', header: 'VSZ', width: 4, right: true, value: p => String(vszKib(p))},
		{name: 'rss', header: 'RSS', width: 4, right: true, value: p => String(rssKib(p))},
		{name: 'stat', header: 'STAT', width: 4, right: false, value: p => p.state},
	];
	return Object.fromEntries(list.map(c => [c.name, c]));
}
