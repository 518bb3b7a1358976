// The docker depth: each Docker host's images (a coloured block per layer, so shared layers
// match) and containers with their writable layer, then the registry.
import type {World} from '../../engine/world.ts';
import {fit} from '../text-width.ts';
import type {DepthInput, PaneCell, PaneModel, PaneRow} from './pane-model.ts';
import {dockerView} from './selectors/docker.ts';
import {formatBytes} from './selectors/xray.ts';

function layerBlocks(layers: string[], input: DepthInput, max: number): PaneCell[] {
	const shown = layers.slice(0, max);
	return shown.map(id => {
		const code = parseInt(id.replace(/^sha256:/, '').slice(0, 6), 16) || 0;
		return input.theme.color ? {text: '▮', color: input.theme.palette(code % 8)} : {text: id.replace(/^sha256:/, '').slice(0, 1)};
	});
}

export function dockerDepth(world: World, input: DepthInput): PaneModel {
	const view = dockerView(world);
	const t = input.text;
	const width = input.width - 1;
	const rows: PaneRow[] = [];
	const selectable: string[] = [];
	const registryRows = () => {
		rows.push({key: 'registry', header: true, cells: [{text: t.registry(view.registry.host), bold: true}, {text: `  ${t.registryCounts(view.registry.repositories.length, view.registry.layerCount)}`, dim: input.theme.dim, cell: 'count'}]});
		const nameWidth = Math.min(28, Math.max(12, ...view.registry.repositories.map(r => r.repository.length)));
		for (const repo of view.registry.repositories) {
			rows.push({
				key: `registry:${repo.repository}`,
				selectId: repo.id,
				cells: [{text: '  ' + fit(repo.repository, nameWidth) + ' '}, {text: repo.tags.join(' '), cell: 'tags', dim: input.theme.dim}],
			});
			selectable.push(repo.id);
		}
	};
	let registryShown = false;
	for (const host of view.hosts) {
		if (host.clusterNode && !registryShown) {
			registryRows();
			registryShown = true;
		}
		rows.push({key: `docker:${host.host}`, header: true, cells: [{text: host.host, bold: true}, {text: `${host.clusterNode ? `  ${t.clusterNode}` : ''}  ${t.dockerd(host.running)}`, color: host.running ? input.theme.ok : input.theme.bad, dim: input.theme.dim}]});
		if (host.images.length === 0) rows.push({key: `docker:${host.host}:noimages`, cells: [{text: `  ${t.noImages}`, dim: input.theme.dim}]});
		for (const image of host.images) {
			const nameWidth = Math.min(40, Math.max(10, width - 2 - 10 - 8));
			rows.push({
				key: image.id,
				selectId: image.id,
				cells: [
					{text: '  ' + fit(image.tags.join(' '), nameWidth) + ' '},
					...layerBlocks(image.layers, input, 7),
					{text: fit(image.layers.length > 7 ? `+${image.layers.length - 7}` : '', Math.max(0, 10 - Math.min(7, image.layers.length)))},
					{text: fit(formatBytes(image.sizeBytes), 7, 'right'), cell: 'size'},
				],
			});
			selectable.push(image.id);
		}
		for (const container of host.containers) {
			const stateColour = container.state === 'running' ? input.theme.ok : container.state.startsWith('exited') ? input.theme.bad : input.theme.warn;
			const nameWidth = Math.max(8, Math.floor((width - 4 - 12 - 10) / 2));
			rows.push({
				key: container.id,
				selectId: container.id,
				cells: [
					{text: '  ▶ ' + fit(container.name, nameWidth) + ' '},
					{text: fit(container.image, nameWidth) + ' ', dim: input.theme.dim},
					{text: fit(container.state, 12) + ' ', color: stateColour, cell: 'state'},
					{text: fit(t.writable(container.writableFiles), 8), cell: 'rw', value: String(container.writableFiles)},
				],
			});
			selectable.push(container.id);
		}
	}
	if (!registryShown) registryRows();
	const containers = view.hosts.reduce((n, h) => n + h.containers.length, 0);
	return {title: t.dockerTitle(view.hosts.length, containers), rows, selectable, empty: view.hosts.length === 0 ? t.noDockerHost : undefined};
}
