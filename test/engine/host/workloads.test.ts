// The host kernel over virtual time: OOM kills under memory.max, CPU throttling under cpu.max,
// fork bombs under pids.max, leaks, host-wide OOM; state in, state out.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {ensureCgroup} from '../../../source/engine/host/cgroups.ts';
import {createHost, gib, mib} from '../../../source/engine/host/create-host.ts';
import {hostMemoryUsed} from '../../../source/engine/host/memory.ts';
import {spawnProcess, trySpawnProcess} from '../../../source/engine/host/processes.ts';
import {tick} from '../../../source/engine/tick.ts';
import {emptyWorld, type World} from '../../../source/engine/world.ts';

function world(memory = 4 * gib): World {
	return produce(emptyWorld(3), w => {
		createHost(w, {name: 'h', ip: '10.1.0.5', cpus: 2, memoryBytes: memory});
	});
}

function withGroup(w0: World, path: string, set: (g: ReturnType<typeof ensureCgroup>) => void): World {
	return produce(w0, w => {
		set(ensureCgroup(w.hosts.get('h')!, path));
	});
}

test('a memory hog over its cgroup memory.max is OOM-killed and memory.events counts it', () => {
	let w = withGroup(world(), '/demo', g => {
		g.memoryMax = 100 * mib;
	});
	let pid = 0;
	w = produce(w, d => {
		pid = spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'stress --vm 1', cgroup: '/demo', memoryBytes: mib, cpuDemand: 1, workload: {kind: 'memory-hog', targetBytes: 200 * mib, growBytesPerSecond: 64 * mib}}).pid;
	});
	w = tick(w, 1000);
	assert.ok(w.hosts.get('h')!.processes.has(pid), 'still under the limit after 1s (65 MiB)');
	w = tick(w, 1000);
	const host = w.hosts.get('h')!;
	assert.equal(host.processes.has(pid), false);
	assert.deepEqual(host.cgroups.get('/demo')!.memoryEvents, {low: 0, high: 0, max: 1, oom: 1, oom_kill: 1});
	assert.match(host.kernelLog.join('\n'), new RegExp(`Memory cgroup out of memory: Killed process ${pid} \\(stress\\)`));
	assert.ok(w.events.some(e => e.reason === 'OOMKilled' && e.component === 'kernel' && e.object === `process/h/${pid}`));
});

test('a limit on an ancestor applies to the groups below it', () => {
	let w = withGroup(world(), '/parent', g => {
		g.memoryMax = 50 * mib;
	});
	w = withGroup(w, '/parent/child', () => {});
	w = produce(w, d => {
		spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'leaky', cgroup: '/parent/child', memoryBytes: 40 * mib, workload: {kind: 'leak', growBytesPerSecond: 8 * mib}});
	});
	w = tick(w, 2000);
	const host = w.hosts.get('h')!;
	assert.equal([...host.processes.values()].some(p => p.command === 'leaky'), false);
	assert.equal(host.cgroups.get('/parent')!.memoryEvents.oom_kill, 1);
});

test('cpu.max caps a burner at half a core and cpu.stat shows the throttling', () => {
	let w = withGroup(world(), '/half', g => {
		g.cpuMax = {quota: 50000, period: 100000};
	});
	let pid = 0;
	w = produce(w, d => {
		pid = spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'burn', cgroup: '/half', cpuDemand: 1, workload: {kind: 'cpu-burner', threads: 1}}).pid;
	});
	w = tick(w, 10_000);
	const host = w.hosts.get('h')!;
	const stat = host.cgroups.get('/half')!.cpuStat;
	assert.equal(stat.usage_usec, 5_000_000);
	assert.equal(stat.nr_periods, 100);
	assert.equal(stat.nr_throttled, 100);
	assert.equal(stat.throttled_usec, 5_000_000);
	assert.equal(host.processes.get(pid)!.cpuUsage, 0.5);
});

test('burners beyond the host cores share them', () => {
	let w = world();
	w = produce(w, d => {
		for (let i = 0; i < 4; i++) spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: `burn${i}`, cpuDemand: 1, workload: {kind: 'cpu-burner', threads: 1}});
	});
	w = tick(w, 1000);
	const usages = [...w.hosts.get('h')!.processes.values()].filter(p => p.cpuDemand > 0).map(p => p.cpuUsage);
	assert.deepEqual(usages, [0.5, 0.5, 0.5, 0.5]);
});

test('a fork bomb stops at pids.max and every refused fork is counted', () => {
	let w = withGroup(world(), '/bomb', g => {
		g.pidsMax = 10;
	});
	w = produce(w, d => {
		spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'bash', cgroup: '/bomb', workload: {kind: 'fork-bomb', forksPerSecond: 50, childCommand: 'bash'}});
	});
	w = tick(w, 1000);
	const host = w.hosts.get('h')!;
	const inGroup = [...host.processes.values()].filter(p => p.cgroup === '/bomb').length;
	assert.equal(inGroup, 10);
	assert.equal(host.cgroups.get('/bomb')!.forkFailures, 41);
	assert.match(host.kernelLog.join('\n'), /cgroup: fork rejected by pids controller in \/bomb/);
	const refused = produce(w, d => {
		const r = trySpawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'ps', cgroup: '/bomb'});
		assert.ok('error' in r && r.error === 'EAGAIN');
	});
	assert.equal(refused.hosts.get('h')!.cgroups.get('/bomb')!.forkFailures, 42);
});

test('a host out of memory OOM-kills its largest process', () => {
	let w = world(1 * gib);
	w = produce(w, d => {
		spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'leaky-app', memoryBytes: 100 * mib, workload: {kind: 'leak', growBytesPerSecond: 200 * mib}});
	});
	w = tick(w, 5000);
	const host = w.hosts.get('h')!;
	assert.equal([...host.processes.values()].some(p => p.command === 'leaky-app'), false);
	assert.ok(hostMemoryUsed(host) <= host.memoryBytes);
	assert.match(host.kernelLog.join('\n'), /Out of memory: Killed process \d+ \(leaky-app\)/);
});

test('idle hosts are skipped: ticking them changes nothing but the clock', () => {
	const w0 = world();
	const w1 = tick(w0, 60_000);
	assert.equal(w1.hosts.get('h'), w0.hosts.get('h'));
	assert.equal(w1.time, w0.time + 60_000);
});

test('a process with a deadline exits by itself', () => {
	let w = world();
	w = produce(w, d => {
		spawnProcess(d, d.hosts.get('h')!, {parentPid: 1, command: 'stress --timeout 3s', endsAt: d.time + 3000});
	});
	w = tick(w, 2000);
	assert.ok([...w.hosts.get('h')!.processes.values()].some(p => p.command.startsWith('stress')));
	w = tick(w, 1000);
	assert.equal([...w.hosts.get('h')!.processes.values()].some(p => p.command.startsWith('stress')), false);
	assert.deepEqual(w.hosts.get('h')!.activePids, []);
});
