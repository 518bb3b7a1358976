import {useMemo} from 'react';
import type {PaneDepth} from '../../app/lesson-view.ts';
import type {World} from '../../engine/world.ts';
import type {Theme} from '../theme.tsx';
import {clusterDepth} from './cluster-depth.ts';
import {dockerDepth} from './docker-depth.ts';
import {hostDepth} from './host-depth.ts';
import type {DepthInput, PaneModel} from './pane-model.ts';
import type {PaneText} from '../../i18n/messages.ts';

/** The part of the world a depth looks at: the model is rebuilt only when that part changed. */
function depthSource(world: World, depth: PaneDepth, hostName: string): unknown[] {
	// Always four entries: React wants the same number of dependencies on every render.
	// Not the whole cluster: its kubelet timers change every tick; the pane shows pods, nodes, requests, health.
	const c = world.cluster;
	if (depth === 'cluster') return [c?.store.pods, c?.store.nodes, c?.nodeUsage, c?.components];
	if (depth === 'docker') return [world.dockers, world.registry, world.layers, world.hosts];
	return [world.hosts.get(hostName), undefined, undefined, undefined];
}

export function buildPaneModel(world: World, depth: PaneDepth, hostName: string, input: DepthInput): PaneModel {
	if (depth === 'cluster') return clusterDepth(world, input);
	if (depth === 'docker') return dockerDepth(world, input);
	return hostDepth(world, hostName, input);
}

export function usePaneModel(world: World, depth: PaneDepth, hostName: string, width: number, height: number, theme: Theme, text: PaneText, selectedId: string | undefined): PaneModel {
	const source = depthSource(world, depth, hostName);
	// eslint-disable-next-line react-hooks/exhaustive-deps
	return useMemo(() => buildPaneModel(world, depth, hostName, {width, height, theme, text, selectedId}), [...source, depth, hostName, width, height, theme, text, selectedId]);
}
