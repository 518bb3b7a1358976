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
	const rows: PaneRow[] = [];
	const selectable: string[] = [];
	for (const group of view.groups) {
		const colour = input.theme.palette(group.colorIndex);
		const label = group.isHost
			? t.hostNamespaces(group.pidNamespace)
			: `pid ns ${group.pidNamespace}${group.ownKinds.length ? ` · ${t.ownNamespaces(group.ownKinds.join(' '))}` : ''}${group.hostname && group.hostname !== hostName ? ` · ${group.hostname}` : ''}`;
		rows.push({key: `group:${group.key}`, header: true, cells: [{text: '■ ', color: colour}, {text: label, bold: true, color: colour}]});
		const pidText = (proc: (typeof group.processes)[number]) => (group.isHost ? String(proc.pid) : `${proc.nsPid}(${proc.pid})`);
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
					{text: fit(proc.command, commandWidth) + ' '},
					{text: fit(memory, 6, 'right'), cell: 'mem'},
				],
			});
			selectable.push(proc.id);
		}
	}
	if (view.cgroups.length) {
		// Columns: path, a usage bar, used/limit, CPU cores allowed, pids, then OOM kills when there are any.
		const pathWidth = Math.max(8, Math.min(24, width - 38));
		rows.push({key: 'cgroups', header: true, cells: [{text: `${fit(t.cgroupColumns.cgroup, pathWidth)} ${fit(t.cgroupColumns.memory, 19)} ${fit(t.cgroupColumns.cpu, 4)} ${t.cgroupColumns.pids}`, bold: true, dim: input.theme.dim}]});
		for (const cg of view.cgroups) {
			const limited = cg.memoryMax !== 'max';
			const memText = limited ? `${formatBytes(cg.memoryUsed)}/${formatBytes(cg.memoryMax as number)}` : `${formatBytes(cg.memoryUsed)}`;
			const ratio = limited ? cg.memoryUsed / (cg.memoryMax as number) : 0;
			const cpu = cg.cpuQuotaCores === 'max' ? '-' : `${cg.cpuQuotaCores}`;
			const pids = cg.pidsMax === 'max' ? `${cg.pids}` : `${cg.pids}/${cg.pidsMax}`;
			rows.push({
				key: cg.id,
				selectId: cg.id,
				cells: [
					{text: fit(cg.path, pathWidth) + ' '},
					{text: limited ? bar(cg.memoryUsed, cg.memoryMax as number, 6) : '      ', color: ratio > 0.9 ? input.theme.bad : ratio > 0.7 ? input.theme.warn : input.theme.ok},
					{text: ' ' + fit(memText, 12) + ' ', cell: 'mem'},
					{text: fit(cpu, 4) + ' ', cell: 'cpu'},
					{text: fit(pids, 5), cell: 'pids'},
					{text: cg.oomKills ? ` OOM×${cg.oomKills}` : '', color: input.theme.bad, bold: true, cell: 'oom'},
				],
			});
			selectable.push(cg.id);
		}
	}
	return {title: t.hostTitle(view.name, view.cpus, formatBytes(view.memoryBytes), view.processCount), rows, selectable};
}
