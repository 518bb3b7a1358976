// Hosts benchmark: the kernel's share of a tick. 1,000 hosts with 10 idle processes each (the
// cost a quiet cluster pays), then 50 of them running stress workloads under cgroup limits.
// Targets: idle hosts < 2 ms per simulated second; busy hosts < 40 ms per simulated second
// (most of it is immer finalizing the drafts of the hosts that changed).
import {produce} from 'immer';
import {ensureCgroup} from '../../source/engine/host/cgroups.ts';
import {createHost, gib, mib} from '../../source/engine/host/create-host.ts';
import {spawnProcess} from '../../source/engine/host/processes.ts';
import {tick} from '../../source/engine/tick.ts';
import {emptyWorld, type World} from '../../source/engine/world.ts';

const hosts = Number(process.env.BENCH_HOSTS ?? 1000);
const busy = Number(process.env.BENCH_BUSY_HOSTS ?? 50);

function perSecond(world: World, seconds: number): {ms: number; world: World} {
	const t = performance.now();
	const next = tick(world, seconds * 1000);
	return {ms: (performance.now() - t) / seconds, world: next};
}

let t = performance.now();
let world = produce(emptyWorld(1), w => {
	for (let i = 0; i < hosts; i++) {
		const host = createHost(w, {name: `node-${i}`, ip: `10.${Math.floor(i / 250)}.${i % 250}.10`, cpus: 4, memoryBytes: 16 * gib, services: ['sshd', 'containerd', 'kubelet']});
		for (let p = 0; p < 4; p++) spawnProcess(w, host, {parentPid: 1, command: `/pause-${p}`, memoryBytes: mib});
	}
});
console.log(`${hosts} hosts created in ${(performance.now() - t).toFixed(0)} ms`);

const idle = perSecond(world, 60);
world = idle.world;
console.log(`idle hosts: ${idle.ms.toFixed(2)} ms per simulated second (target < 2 ms)`);

world = produce(world, w => {
	for (let i = 0; i < busy; i++) {
		const host = w.hosts.get(`node-${i}`)!;
		const g = ensureCgroup(host, '/bench');
		g.memoryMax = 200 * mib;
		g.cpuMax = {quota: 50000, period: 100000};
		g.pidsMax = 64;
		spawnProcess(w, host, {parentPid: 1, command: 'stress --cpu 2', cgroup: '/bench', cpuDemand: 1, workload: {kind: 'cpu-burner', threads: 1}});
		spawnProcess(w, host, {parentPid: 1, command: 'stress --cpu 2', cgroup: '/bench', cpuDemand: 1, workload: {kind: 'cpu-burner', threads: 1}});
		spawnProcess(w, host, {parentPid: 1, command: 'leaky-app', cgroup: '/bench', memoryBytes: 30 * mib, workload: {kind: 'leak', growBytesPerSecond: 4 * mib}});
		spawnProcess(w, host, {parentPid: 1, command: 'bash', cgroup: '/bench', workload: {kind: 'fork-bomb', forksPerSecond: 100, childCommand: 'bash'}});
	}
});
t = performance.now();
const loaded = perSecond(world, 60);
console.log(`${busy} busy hosts (cpu.max throttling, a leak to OOM, a fork bomb at pids.max) among ${hosts}: ${loaded.ms.toFixed(2)} ms per simulated second (target < 40 ms)`);
const oomKills = loaded.world.events.filter(e => e.reason === 'OOMKilled').length;
console.log(`  ${oomKills} OOM kills, ${[...loaded.world.hosts.get('node-0')!.processes.values()].length} processes on a busy host`);
const failed = idle.ms >= 2 || loaded.ms >= 40;
if (failed) console.log('  ABOVE TARGET');
