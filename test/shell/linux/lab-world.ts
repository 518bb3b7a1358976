// A small world of two plain Linux hosts for the Linux family's tests, independent of the
// sandbox (which grows Docker and Kubernetes parts), so transcripts stay stable.
import {produce} from 'immer';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {emptyWorld, type World} from '../../../source/engine/world.ts';

export function labWorld(seed = 7): World {
	return produce(emptyWorld(seed), w => {
		createHost(w, {name: 'host-1', ip: '192.168.56.10', cpus: 4, memoryBytes: 8 * gib, services: ['sshd', 'containerd']});
		createHost(w, {name: 'host-2', ip: '192.168.56.11', cpus: 2, memoryBytes: 4 * gib, services: ['sshd', 'kubelet']});
	});
}
