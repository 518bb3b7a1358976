import {enableMapSet} from 'immer';
import type {Host} from './host/types.ts';
import type {DockerDaemon, Layer, Registry} from './docker/types.ts';
import type {Cluster} from './k8s/types.ts';
import type {ChallengeState} from './challenge/challenge-types.ts';

enableMapSet();

export type WorldEvent = {
	seq: number;
	time: number; // virtual ms
	type: 'Normal' | 'Warning';
	component: string; // who acted: "default-scheduler", "kubelet/worker-1", "kernel", "dockerd"
	reason: string; // past event: "Scheduled", "Pulled", "OOMKilled"
	object: string; // "pod/default/kubia-7x2kq", "container/kubia-container", "process/host-1/1234"
	message: string;
	host?: string;
};

export type World = {
	seed: number;
	rng: number;
	time: number; // virtual ms since the world began
	nextId: number;
	eventSeq: number;
	hosts: Map<string, Host>;
	layers: Map<string, Layer>; // every layer's content, by digest
	registry: Registry;
	dockers: Map<string, DockerDaemon>; // by host name
	cluster: Cluster | null;
	events: WorldEvent[];
	challenge?: ChallengeState; // the final challenge's game, when one is being played
};

/** The wall-clock instant that virtual time 0 stands for, for timestamps the tools print. */
export const worldEpoch = Date.UTC(2026, 0, 5, 9, 0, 0);

export function emptyWorld(seed = 1): World {
	return {
		seed,
		rng: seed >>> 0,
		time: 0,
		nextId: 1,
		eventSeq: 0,
		hosts: new Map(),
		layers: new Map(),
		registry: {host: 'docker.io', repositories: new Map(), images: new Map(), layers: new Set()},
		dockers: new Map(),
		cluster: null,
		events: [],
	};
}

export function nextId(w: World): number {
	return w.nextId++;
}
