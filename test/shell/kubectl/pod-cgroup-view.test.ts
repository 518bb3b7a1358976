// A pod's container sees its own cgroup as / (cgroup v2: runc gives each container a private cgroup
// namespace, as docker run does), so the limits the kubelet set are readable inside it:
// cpu.max "20000 100000" for limits.cpu 200m, memory.max 67108864 for 64Mi, and cpu.weight from
// requests (the kubelet's shares 204 -> weight 1 + (204-2)*9999/262142 = 8).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata: {name: cpu}
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, "3600"]
    resources: {limits: {cpu: 200m, memory: 64Mi}}
`;

test("a pod's container reads its own cgroup and the limits set from its resources", () => {
	const shell = sandboxShell({files: {'cpu.yaml': manifest}});
	assert.equal(run(shell, 'kubectl apply -f cpu.yaml').exitCode, 0);
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl exec cpu -- cat /proc/self/cgroup').stdout, '0::/\n');
	assert.equal(run(shell, 'kubectl exec cpu -- cat /sys/fs/cgroup/cpu.max /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.weight').stdout, '20000 100000\n67108864\n8\n');
	assert.match(run(shell, 'kubectl exec cpu -- cat /sys/fs/cgroup/cpu.stat').stdout, /^nr_throttled \d+$/m);
});
