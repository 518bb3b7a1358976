// Every change the Linux tools make is recorded as a world event naming the component that acted.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {labWorld} from './lab-world.ts';

test('namespaces, links, cgroups, hostnames, services and power changes leave events', () => {
	const shell = sandboxShell({world: labWorld()});
	const lines = [
		'unshare --uts --net bash', 'hostname demo', 'exit',
		'ip netns add red', 'ip link add a type veth peer name b', 'ip link set b netns red', 'ip addr add 10.1.0.1/24 dev a', 'ip link set a up',
		'mkdir /sys/fs/cgroup/demo', 'echo 64M > /sys/fs/cgroup/demo/memory.max', 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs', 'echo $$ > /sys/fs/cgroup/cgroup.procs', 'rmdir /sys/fs/cgroup/demo',
		'ssh host-2 systemctl stop kubelet', 'power off host-2',
	];
	const before = shell.state.world.eventSeq;
	for (const line of lines) assert.equal(run(shell, line).exitCode, 0, line);
	const events = shell.state.world.events.filter(e => e.seq > before);
	const reasons = events.map(e => e.reason);
	for (const reason of ['NamespacesCreated', 'HostnameChanged', 'NetnsAdded', 'LinkAdded', 'LinkMoved', 'AddressAdded', 'LinkUp', 'CgroupCreated', 'CgroupLimitSet', 'ProcessMoved', 'CgroupRemoved', 'Stopped', 'PoweredOff']) {
		assert.ok(reasons.includes(reason), `missing ${reason} in ${reasons.join(', ')}`);
	}
	assert.ok(events.every(e => e.component && e.object && e.message));
	assert.equal(events.find(e => e.reason === 'Stopped')!.object, 'service/host-2/kubelet');
});
