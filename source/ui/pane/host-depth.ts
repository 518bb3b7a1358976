// The host depth: the processes of the shell's current host, grouped by pid namespace with a
// colour per group, and the cgroups with their limits and live usage.
import type {World} from '../../engine/world.ts';
import {bar} from '../frame/styled-line.ts';
import {fit} from '../text-width.ts';
import type {DepthInput, PaneModel, PaneRow} from './pane-model.ts';
import {hostView} from './selectors/host.ts';
import {formatBytes} from './selectors/xray.ts';

export function hostDepth(world: World, hostName: string, input: DepthInput): PaneModel {
	const view = hostView(world, hostName);
	const t = input.text;
	if (!view) return {title: t.depth.host, rows: [], selectable: [], empty: t.noHost(hostName)};
	const width = input.width - 1;
	let rows: PaneRow[] = [];
	let selectable: string[] = [];
	for (const group of view.groups) {
		const colour = input.theme.palette(group.colorIndex);
		const ownPid = group.ownKinds.includes('pid');
		const label = group.isHost
			? t.hostNamespaces(group.pidNamespace)
			: [ownPid ? `pid ns ${group.pidNamespace}` : '', t.ownNamespaces(group.ownKinds.join(' ')), group.hostname && group.hostname !== hostName ? group.hostname : ''].filter(Boolean).join(' · ');
		rows.push({key: `group:${group.key}`, header: true, cells: [{text: '■ ', color: colour}, {text: label, bold: true, color: colour}]});
		const pidText = (proc: (typeof group.processes)[number]) => (!ownPid ? String(proc.pid) : `${proc.nsPid}(${proc.pid})`);
		const pidWidth = Math.max(3, ...group.processes.map(p => pidText(p).length));
		for (const proc of group.processes) {
			const pid = pidText(proc);
			const memory = formatBytes(proc.memoryBytes);
			const commandWidth = Math.max(8, width - 2 - pidWidth - 1 - 7);
			rows.push({
				key: proc.id,
				selectId: proc.id,
				cells: [
					{text: '│ ', color: colour},
					{text: fit(pid, pidWidth) + ' ', color: colour},
					// A VM's qemu process: its long command line would show only its path; its VM and state say more.
					proc.vm
						? {text: fit(t.vmProcess(proc.vm.name, proc.vm.state), commandWidth) + ' ', color: proc.vm.state === 'Starting' ? input.theme.warn : undefined, cell: 'vm', value: proc.vm.state}
						: {text: fit(proc.command, commandWidth) + ' '},
					{text: fit(memory, 6, 'right'), cell: 'mem'},
				],
			});
			selectable.push(proc.id);
		}
	}
	const processRows = rows.length;
	const processSelectable = selectable.length;
	if (view.cgroups.length) {
		// Columns: path, a usage bar, used/limit, CPU used (of the quota), pids, then OOM kills when there are any.
		// A narrow pane (80x24) drops the bar, so the path gets the room to say which group it is.
		// The last 7 cells are kept for " OOM×n" only while a group has one.
		const narrow = width - 41 < 14;
		const oomRoom = view.cgroups.some(cg => cg.oomKills) ? 7 : 0;
		const pathWidth = narrow ? Math.max(8, width - 27 - oomRoom) : Math.min(24, width - 41);
		rows.push({key: 'cgroups', header: true, cells: [{text: `${fit(t.cgroupColumns.cgroup, pathWidth)} ${fit(t.cgroupColumns.memory, narrow ? 12 : 19)} ${fit(t.cgroupColumns.cpu, 7)} ${t.cgroupColumns.pids}`, bold: true, dim: input.theme.dim}]});
		for (const cg of view.cgroups) {
			const limited = cg.memoryMax !== 'max';
			const memText = limited ? `${formatBytes(cg.memoryUsed)}/${formatBytes(cg.memoryMax as number)}` : `${formatBytes(cg.memoryUsed)}`;
			const ratio = limited ? cg.memoryUsed / (cg.memoryMax as number) : 0;
			const memoryColour = ratio > 0.9 ? input.theme.bad : ratio > 0.7 ? input.theme.warn : input.theme.ok;
			const cpu = cpuText(cg, view.cpus);
			const pids = cg.pidsMax === 'max' ? `${cg.pids}` : `${cg.pids}/${cg.pidsMax}`;
			rows.push({
				key: cg.id,
				selectId: cg.id,
				cells: [
					{text: fit(cgroupLabel(cg.path, pathWidth), pathWidth) + ' '},
					...(narrow ? [] : [{text: limited ? bar(cg.memoryUsed, cg.memoryMax as number, 6) : '      ', color: memoryColour}]),
					{text: (narrow ? '' : ' ') + fit(memText, 12) + ' ', cell: 'mem', ...(narrow && limited ? {color: memoryColour} : {})},
					{text: fit(cpu.text, 7) + ' ', cell: 'cpu', color: cpu.throttled ? input.theme.warn : undefined, bold: cpu.throttled},
					{text: fit(pids, 5), cell: 'pids'},
					{text: cg.oomKills ? ` OOM×${cg.oomKills}` : '', color: input.theme.bad, bold: true, cell: 'oom'},
				],
			});
			selectable.push(cg.id);
		}
	}
	// Once a cgroup has a limit, the lesson is about it: the cgroups come first, in view at 80x24
	// (below the host's processes they were scrolled away).
	if (view.cgroups.some(limitedGroup)) {
		rows = [...rows.slice(processRows), ...rows.slice(0, processRows)];
		selectable = [...selectable.slice(processSelectable), ...selectable.slice(0, processSelectable)];
	}
	return {title: t.hostTitle(view.name, view.cpus, formatBytes(view.memoryBytes), view.processCount), rows, selectable};
}

/**
 * A cgroup's path as it fits `width`: whole when it fits, else its last part, with a container's
 * scope named by the short id `docker ps` shows (`/system.slice/docker-9d3f….scope` is
 * `…/docker-9d3fb64afebe`, or `docker-9d3fb64…` where that does not fit), never a bare `/system…`.
 */
export function cgroupLabel(path: string, width: number): string {
	if (path.length <= width) return path;
	const last = path.slice(path.lastIndexOf('/') + 1);
	const scope = last.match(/^(docker|cri-containerd)-([0-9a-f]{12})[0-9a-f]*\.scope$/);
	const name = scope ? `${scope[1]}-${scope[2]}` : last.replace(/\.(slice|scope)$/, '');
	// A top-level group has no parent to leave out: `/system…`, not `…/system` (which read as a child called system).
	if (path.lastIndexOf('/') === 0 && name.length + 2 <= width) return `/${name}…`;
	if (name.length + 2 <= width) return `…/${name}`;
	// Too narrow even for "docker-" and the id: the id alone, as docker ps begins it.
	return scope && width < 12 ? scope[2]! : name;
}

/**
 * A cgroup's CPU in use now, in percent of one CPU as top counts it: "50/50%" is 50% used of a
 * 50% quota (the group is throttled when it wants more); "200%" is two whole CPUs, no quota.
 */
export function cpuText(cg: {cpuQuotaCores: number | 'max'; cpuDemandCores: number}, hostCpus: number): {text: string; throttled: boolean} {
	const percent = (cores: number) => Math.round(cores * 100);
	const cap = cg.cpuQuotaCores === 'max' ? hostCpus : Math.min(cg.cpuQuotaCores, hostCpus);
	const used = Math.min(cg.cpuDemandCores, cap);
	if (cg.cpuQuotaCores === 'max') return {text: `${percent(used)}%`, throttled: false};
	return {text: `${percent(used)}/${percent(cg.cpuQuotaCores)}%`, throttled: cg.cpuDemandCores > cg.cpuQuotaCores};
}

const limitedGroup = (cg: {memoryMax: number | 'max'; cpuQuotaCores: number | 'max'; pidsMax: number | 'max'}) => cg.memoryMax !== 'max' || cg.cpuQuotaCores !== 'max' || cg.pidsMax !== 'max';
