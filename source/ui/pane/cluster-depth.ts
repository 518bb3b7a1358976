// The cluster depth: control plane health, nodes with requested against allocatable CPU and
// memory, and the pods on each node. With many pods, each node shows counts per status and
// only the selected node lists its pods.
import {formatCpu} from '../../engine/k8s/quantity.ts';
import type {World} from '../../engine/world.ts';
import {bar} from '../frame/styled-line.ts';
import {fit, textWidth} from '../text-width.ts';
import type {DepthInput, PaneModel, PaneRow} from './pane-model.ts';
import {eventLinesFor} from './event-lines-for.ts';
import {clusterView, type NodeRow, type PodRow} from './selectors/cluster.ts';
import {formatBytes} from './selectors/xray.ts';

const statusTone = (status: string, theme: DepthInput['theme']) =>
	status === 'Running' || status === 'Completed' || status === 'Ready' ? theme.ok : /Creating|Pending|Terminating|Init/.test(status) ? theme.warn : theme.bad;

const percent = (used: number, total: number) => (total > 0 ? `${Math.round((100 * used) / total)}%` : '-');

function nodeRow(node: NodeRow, input: DepthInput, wide: boolean, nameWidth: number): PaneRow {
	const {theme} = input;
	const status = node.ready ? (node.unschedulable ? 'NoSched' : 'Ready') : 'NotReady';
	const cpu = wide ? `${formatCpu(node.cpuRequestedMilli)}/${formatCpu(node.cpuAllocatableMilli)}` : percent(node.cpuRequestedMilli, node.cpuAllocatableMilli);
	const mem = wide ? `${formatBytes(node.memoryRequestedBytes)}/${formatBytes(node.memoryAllocatableBytes)}` : percent(node.memoryRequestedBytes, node.memoryAllocatableBytes);
	const barWidth = wide ? 6 : 4;
	const cpuColour = node.cpuRequestedMilli > node.cpuAllocatableMilli * 0.9 ? theme.bad : theme.accent;
	const memColour = node.memoryRequestedBytes > node.memoryAllocatableBytes * 0.9 ? theme.bad : theme.accent;
	return {
		key: node.id,
		selectId: node.id,
		cells: [
			{text: fit(node.name, nameWidth) + ' ', bold: true},
			{text: fit(status, 8) + ' ', color: node.ready ? theme.ok : theme.bad, cell: 'status', value: status},
			{text: bar(node.cpuRequestedMilli, node.cpuAllocatableMilli, barWidth), color: cpuColour},
			{text: ' ' + fit(cpu, wide ? 9 : 4, 'right') + ' ', cell: 'cpu'},
			{text: bar(node.memoryRequestedBytes, node.memoryAllocatableBytes, barWidth), color: memColour},
			{text: ' ' + fit(mem, wide ? 13 : 4, 'right') + ' ', cell: 'mem'},
			{text: fit(String(node.pods.length), 4, 'right'), cell: 'pods'},
		],
	};
}

function podRowCells(pod: PodRow, input: DepthInput, width: number, statusWidth: number): PaneRow {
	const nameWidth = Math.min(44, Math.max(8, width - 2 - statusWidth - 1 - 4 - 4));
	// System pods are dimmed rather than prefixed: the name is what fits in a narrow pane.
	const system = pod.namespace === 'kube-system';
	const name = pod.namespace === 'default' || system ? pod.name : `${pod.namespace}/${pod.name}`;
	return {
		key: pod.id,
		selectId: pod.id,
		cells: [
			{text: '  ' + fit(name, nameWidth) + ' ', dim: system && input.theme.dim},
			{text: fit(pod.status, statusWidth) + ' ', color: statusTone(pod.status, input.theme), cell: 'status', value: pod.status},
			{text: fit(`${pod.ready}/${pod.containers}`, 4), cell: 'ready'},
			{text: pod.restarts ? fit(`↻${pod.restarts}`, 4, 'right') : '', cell: 'restarts'},
		],
	};
}

/** The same keys podRowCells watches, for a pod that is not drawn. */
function watchPod(unseen: Map<string, string>, pod: PodRow): void {
	unseen.set(`${pod.id}|status`, pod.status);
	unseen.set(`${pod.id}|ready`, `${pod.ready}/${pod.containers}`);
	unseen.set(`${pod.id}|restarts`, pod.restarts ? `↻${pod.restarts}` : '');
}

const countsText = (node: NodeRow, input: DepthInput) => node.statusCounts.map(([status, count]) => `${count} ${status}`).join(' · ') || input.text.noPods;

function countsRow(node: NodeRow, input: DepthInput): PaneRow {
	const text = countsText(node, input);
	// Same key as the node's row: the counts are watched as the node's, wherever they are drawn.
	return {key: node.id, cells: [{text: '  ' + text, dim: input.theme.dim, cell: 'counts', value: text}]};
}

export function clusterDepth(world: World, input: DepthInput): PaneModel {
	const view = clusterView(world);
	const t = input.text;
	if (!view) return {title: t.depth.cluster, rows: [], selectable: [], empty: t.noCluster};
	const width = input.width - 1; // the gutter
	const wide = width >= 66;
	const nameWidth = Math.min(16, Math.max(8, ...view.nodes.map(n => n.name.length)));
	const header: PaneRow = {
		key: 'components',
		header: true,
		cells: view.components.map((c, i) => ({
			text: `${c.name.replace(/^kube-/, '').replace('controller-manager', 'ctrl-mgr')} ${c.healthy ? '✓' : '✗'}${i < view.components.length - 1 ? '  ' : ''}`,
			color: c.healthy ? input.theme.ok : input.theme.bad,
			cell: c.name,
		})),
	};
	const columns: PaneRow = {
		key: 'columns',
		header: true,
		cells: [{text: `${fit(t.nodeColumns.node, nameWidth)} ${fit(t.nodeColumns.status, 8)} ${fit(t.nodeColumns.cpu, wide ? 16 : 9)} ${fit(t.nodeColumns.memory, wide ? 20 : 9)} ${fit(t.nodeColumns.pods, 4, 'right')}`, bold: true, dim: input.theme.dim}],
	};
	const rows: PaneRow[] = [header, columns];
	const unseen = new Map<string, string>();
	const selectable: string[] = [];
	// Three levels, the first that fits: every pod; the learner's pods (system pods only counted
	// in PODS); counts per node, where only the selected node lists its pods.
	const budget = Math.max(4, input.height - 1 - eventLinesFor(input.height) - 2);
	const unscheduledRows = view.unscheduled.length ? 1 + Math.min(5, view.unscheduled.length) : 0;
	const isSystem = (pod: PodRow) => pod.namespace === 'kube-system';
	const userPods = view.nodes.reduce((n, node) => n + node.pods.filter(p => !isSystem(p)).length, 0);
	const level = view.nodes.length + view.podCount - view.unscheduled.length + unscheduledRows <= budget ? 'all' : view.nodes.length + userPods + unscheduledRows <= budget ? 'user' : 'counts';
	const aggregate = level === 'counts';
	// The status column is as wide as the longest status on screen (Running: 7; ContainerCreating: 17).
	const statusWidth = Math.max(7, ...view.nodes.flatMap(n => n.pods).concat(view.unscheduled).map(p => p.status.length).slice(0, 2000));
	const selectedNode = input.selectedId?.startsWith('node:') ? input.selectedId : input.selectedId?.startsWith('pod:') ? `node:${view.nodes.find(n => n.pods.some(p => p.id === input.selectedId))?.name}` : undefined;
	for (const node of view.nodes) {
		rows.push(nodeRow(node, input, wide, nameWidth));
		selectable.push(node.id);
		const open = level === 'all' || node.id === selectedNode;
		for (const pod of node.pods) {
			if (open || (level === 'user' && !isSystem(pod))) {
				rows.push(podRowCells(pod, input, width, statusWidth));
				selectable.push(pod.id);
			} else watchPod(unseen, pod);
		}
		if (aggregate && !open && node.pods.length) {
			// Wide panes keep one row per node: the counts go at the end of the node's row.
			const row = rows[rows.length - 1 - (open ? node.pods.length : 0)]!;
			const used = row.cells.reduce((n, c) => n + textWidth(c.text), 0);
			if (width - used >= 18) row.cells.push({text: '  ' + countsText(node, input), dim: input.theme.dim, cell: 'counts', value: countsText(node, input)});
			else rows.push(countsRow(node, input));
		}
	}
	if (view.unscheduled.length) {
		rows.push({key: 'unscheduled', header: true, cells: [{text: t.notScheduled(view.unscheduled.length), bold: true, color: input.theme.warn, cell: 'count'}]});
		for (const [i, pod] of view.unscheduled.entries()) {
			if (aggregate && i >= 5) {
				watchPod(unseen, pod);
				continue;
			}
			rows.push(podRowCells(pod, input, width, statusWidth));
			selectable.push(pod.id);
		}
		if (aggregate && view.unscheduled.length > 5) rows.push({key: 'unscheduled-more', cells: [{text: `  ${t.more(view.unscheduled.length - 5)}`, dim: input.theme.dim}]});
	}
	return {title: t.clusterTitle(view.name, view.nodes.length, view.podCount), rows, selectable, unseen};
}
