// A signal ends one process, not its children: the kernel re-parents them to the nearest child
// subreaper (containerd-shim) or to the init of their pid namespace. Only children that asked for
// a parent-death signal (stress's workers) go with it, and pid 1 of a pid namespace takes the
// whole namespace with it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {createNamespace} from '../../../source/engine/host/namespaces.ts';
import {killAlone, spawnProcess} from '../../../source/engine/host/processes.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {emptyWorld} from '../../../source/engine/world.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('orphans go to init, to their namespace init, or to a containerd-shim above them', () => {
	const w = produce(emptyWorld(3), d => void createHost(d, {name: 'h', ip: '10.1.0.5', cpus: 2, memoryBytes: 4 * gib}));
	produce(w, d => {
		const host = d.hosts.get('h')!;
		const parent = spawnProcess(d, host, {parentPid: 1, command: 'bash'});
		const child = spawnProcess(d, host, {parentPid: parent.pid, command: 'sleep 100'});
		const worker = spawnProcess(d, host, {parentPid: parent.pid, command: 'stress --cpu 1', parentDeathSignal: 15});
		assert.deepEqual(killAlone(host, parent.pid).sort(), [parent.pid, worker.pid].sort());
		assert.equal(host.processes.get(child.pid)?.ppid, 1);

		const ns = createNamespace(host, 'pid', 1, {parentId: host.initNamespaces.pid});
		const shim = spawnProcess(d, host, {parentPid: 1, command: '/usr/bin/containerd-shim-runc-v2 -id x'});
		const init = spawnProcess(d, host, {parentPid: shim.pid, command: 'sh', namespaces: {pid: ns.id}});
		const middle = spawnProcess(d, host, {parentPid: init.pid, command: 'sh -c worker'});
		const leaf = spawnProcess(d, host, {parentPid: middle.pid, command: 'sleep 100'});
		killAlone(host, middle.pid);
		assert.equal(host.processes.get(leaf.pid)?.ppid, init.pid, "the container's init adopts it");

		const helper = spawnProcess(d, host, {parentPid: shim.pid, command: 'runc-helper'});
		const grandchild = spawnProcess(d, host, {parentPid: helper.pid, command: 'sleep 100'});
		killAlone(host, helper.pid);
		assert.equal(host.processes.get(grandchild.pid)?.ppid, shim.pid, 'the shim is a child subreaper');

		killAlone(host, init.pid);
		assert.equal(host.processes.has(leaf.pid), false, 'pid 1 of a namespace takes the namespace with it');
		assert.equal(host.processes.has(shim.pid), true);
	});
});

test('kill from the shell: the sshd listener, containerd and a stress master', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker run -d --name web busybox sleep 9999');
	const table = () => run(shell, 'ps -ef').stdout;
	const pidOf = (pattern: RegExp) => table().split('\n').find(l => pattern.test(l))?.split(/\s+/)[1];
	const sshd = pidOf(/sshd: .*listener/)!;
	const login = pidOf(/ -bash$/)!;
	assert.equal(run(shell, `kill ${sshd}`).exitCode, 0);
	assert.equal(run(shell, 'echo still here').stdout, 'still here\n', 'killing the sshd listener leaves open sessions alone');
	assert.match(table(), new RegExp(`^root +${login} +1 .* -bash$`, 'm'), 'the login shell is adopted by init');
	run(shell, `kill -9 ${pidOf(/\/usr\/bin\/containerd$/)!}`);
	assert.match(run(shell, 'docker ps').stdout, /web\n/, 'a container outlives containerd: its shim is adopted by init');
	assert.match(table(), /^root +\d+ +1 .*containerd-shim-runc-v2/m);
	const master = run(shell, 'stress --cpu 2 &').stdout.match(/^\[1\] (\d+)$/m)![1]!;
	const stressRows = () => table().split('\n').filter(l => / stress --cpu 2$/.test(l)).length;
	assert.equal(stressRows(), 3);
	run(shell, `kill ${master}`);
	assert.equal(stressRows(), 0, "stress's workers end with their master (PR_SET_PDEATHSIG)");
});
