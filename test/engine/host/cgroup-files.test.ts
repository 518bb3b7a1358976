// The cgroup v2 interface files: parsing as the kernel does, and the errors it gives.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {makeCgroup, parseCpuMax, parseMemoryMax, readCgroupFile, removeCgroup, writeCgroupFile} from '../../../source/engine/host/cgroup-files.ts';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {emptyWorld} from '../../../source/engine/world.ts';

test('memory.max takes bytes, K/M/G suffixes and max, rounded down to pages', () => {
	assert.equal(parseMemoryMax('100M'), 104857600);
	assert.equal(parseMemoryMax('1g\n'), 1073741824);
	assert.equal(parseMemoryMax('5000'), 4096);
	assert.equal(parseMemoryMax('max'), 'max');
	assert.equal(parseMemoryMax('lots'), undefined);
	assert.equal(parseMemoryMax('-1'), undefined);
});

test('cpu.max takes "QUOTA PERIOD", "max PERIOD" or just the quota, within the kernel bounds', () => {
	const current = {quota: 'max' as const, period: 100000};
	assert.deepEqual(parseCpuMax('50000 100000', current), {quota: 50000, period: 100000});
	assert.deepEqual(parseCpuMax('max 100000', current), {quota: 'max', period: 100000});
	assert.deepEqual(parseCpuMax('25000', current), {quota: 25000, period: 100000});
	assert.equal(parseCpuMax('500 100000', current), undefined);
	assert.equal(parseCpuMax('50000 10', current), undefined);
	assert.equal(parseCpuMax('half', current), undefined);
});

test('writes: cgroup.procs moves a process, bad values are EINVAL, read-only files EACCES, busy groups stay', () => {
	const w0 = produce(emptyWorld(1), w => {
		createHost(w, {name: 'h', ip: '10.0.0.1', memoryBytes: 2 * gib});
	});
	let errors: (string | undefined)[] = [];
	const w1 = produce(w0, w => {
		const host = w.hosts.get('h')!;
		errors = [
			makeCgroup(w, host, '/demo'),
			makeCgroup(w, host, '/demo'),
			makeCgroup(w, host, '/nope/deeper'),
			writeCgroupFile(w, host, '/demo', 'memory.max', '64M\n', {resolvePid: () => undefined}),
			writeCgroupFile(w, host, '/demo', 'memory.max', 'lots\n', {resolvePid: () => undefined}),
			writeCgroupFile(w, host, '/demo', 'memory.current', '1\n', {resolvePid: () => undefined}),
			writeCgroupFile(w, host, '/demo', 'cgroup.procs', '999\n', {resolvePid: () => undefined}),
			writeCgroupFile(w, host, '/demo', 'cgroup.procs', '2\n', {resolvePid: pid => host.processes.get(pid)}),
			removeCgroup(w, host, '/demo'),
			writeCgroupFile(w, host, '/demo', 'pids.max', 'max\n', {resolvePid: () => undefined}),
			writeCgroupFile(w, host, '/demo', 'pids.max', '-3\n', {resolvePid: () => undefined}),
		];
	});
	assert.deepEqual(errors, [undefined, 'EEXIST', 'ENOENT', undefined, 'EINVAL', 'EACCES', 'ESRCH', undefined, 'EBUSY', undefined, 'EINVAL']);
	const host = w1.hosts.get('h')!;
	assert.equal(host.processes.get(2)!.cgroup, '/demo');
	assert.equal(readCgroupFile(host, '/demo', 'memory.max', p => p.pid), '67108864\n');
	assert.equal(readCgroupFile(host, '/demo', 'cgroup.procs', p => p.pid), '2\n');
	assert.match(readCgroupFile(host, '/demo', 'memory.current', p => p.pid)!, /^\d+\n$/);
	assert.equal(readCgroupFile(host, '/', 'memory.max', p => p.pid), undefined, 'the root group has no memory.max');
});

test('a nested group gets no controller files until its parent enables them in subtree_control', () => {
	const w = produce(emptyWorld(1), d => {
		const host = createHost(d, {name: 'h', ip: '10.0.0.1'});
		makeCgroup(d, host, '/a');
		makeCgroup(d, host, '/a/b');
		assert.equal(readCgroupFile(host, '/a/b', 'memory.max', p => p.pid), undefined);
		assert.equal(writeCgroupFile(d, host, '/a', 'cgroup.subtree_control', '+memory +pids', {resolvePid: () => undefined}), undefined);
		assert.equal(readCgroupFile(host, '/a/b', 'memory.max', p => p.pid), 'max\n');
		assert.equal(writeCgroupFile(d, host, '/a', 'cgroup.subtree_control', '+bogus', {resolvePid: () => undefined}), 'EINVAL');
	});
	assert.ok(w.hosts.get('h')!.cgroups.has('/a/b'));
});
