// kubectl describe node as kubectl 1.32 prints it: one tabwriter over the whole text (System
// Info, PodCIDR and the pod table share their first column), annotations as "key: value",
// conditions with the describer's "%v \t" cells, taints sorted by effect and key, canonical
// quantities (4Gi, 3996Mi), the hugepages a kubeadm VM reports, pods sorted by namespace and name.
// Compared line for line with the real kubectl 1.32 through the API endpoint (times aside).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  nodeName: worker-2
  containers:
  - name: web
    image: nginx
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {cpu: 500m, memory: 128Mi}
`;

test('describe node of a NotReady node with a sized pod, as kubectl 1.32 prints it', () => {
	const shell = sandboxShell({files: {'pod.yaml': pod}});
	run(shell, 'kubectl apply -f pod.yaml');
	run(shell, 'sleep 30');
	run(shell, 'ssh worker-2 sudo systemctl stop kubelet');
	run(shell, 'exit');
	run(shell, 'sleep 60');
	const out = run(shell, 'kubectl describe node worker-2').stdout.replace(/(Mon), 05 Jan 2026 \d\d:\d\d:\d\d \+0000/g, '<time>');
	const lines = out.split('\n');
	const expected = [
		'Name:               worker-2',
		'Roles:              <none>',
		'Labels:             beta.kubernetes.io/arch=amd64',
		'                    beta.kubernetes.io/os=linux',
		'                    kubernetes.io/arch=amd64',
		'                    kubernetes.io/hostname=worker-2',
		'                    kubernetes.io/os=linux',
		'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/cri-dockerd.sock',
		'                    node.alpha.kubernetes.io/ttl: 0',
		'                    volumes.kubernetes.io/controller-managed-attach-detach: true',
		'CreationTimestamp:  <time>',
		'Taints:             node.kubernetes.io/unreachable:NoExecute',
		'                    node.kubernetes.io/unreachable:NoSchedule',
		'Unschedulable:      false',
		'Lease:',
		'  HolderIdentity:  worker-2',
		'  AcquireTime:     <unset>',
		'  RenewTime:       <time>',
		'Conditions:',
		'  Type             Status    LastHeartbeatTime   LastTransitionTime   Reason              Message',
		'  ----             ------    -----------------   ------------------   ------              -------',
		'  MemoryPressure   Unknown   <time>              <time>               NodeStatusUnknown   Kubelet stopped posting node status.',
	];
	// The condition rows' widths come from the real dates: compare those columns with the dates put back.
	assert.deepEqual(lines.slice(0, 19), expected.slice(0, 19));
	assert.match(run(shell, 'kubectl describe node worker-2').stdout, /\nConditions:\n {2}Type {13}Status {4}LastHeartbeatTime {17}LastTransitionTime {16}Reason {14}Message\n {2}-{4} {13}-{6} {4}-{17} {17}-{18} {16}-{6} {14}-{7}\n {2}MemoryPressure {3}Unknown {3}Mon, 05 Jan 2026 \d\d:\d\d:\d\d \+0000 {3}Mon, 05 Jan 2026 \d\d:\d\d:\d\d \+0000 {3}NodeStatusUnknown {3}Kubelet stopped posting node status\.\n/);
	assert.deepEqual(lines.slice(lines.indexOf('Capacity:'), lines.indexOf('System Info:')), ['Capacity:', '  cpu:                2', '  ephemeral-storage:  61202244Ki', '  hugepages-1Gi:      0', '  hugepages-2Mi:      0', '  memory:             4Gi', '  pods:               110', 'Allocatable:', '  cpu:                2', '  ephemeral-storage:  56403987978', '  hugepages-1Gi:      0', '  hugepages-2Mi:      0', '  memory:             3996Mi', '  pods:               110']);
	const tail = lines.slice(lines.indexOf('  Kube-Proxy Version:         '));
	assert.deepEqual(tail.slice(0, 12), [
		'  Kube-Proxy Version:         ',
		'PodCIDR:                      10.244.2.0/24',
		'PodCIDRs:                     10.244.2.0/24',
		'Non-terminated Pods:          (2 in total)',
		'  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
		'  ---------                   ----                ------------  ----------  ---------------  -------------  ---',
		'  default                     sized               250m (12%)    500m (25%)  64Mi (1%)        128Mi (3%)     90s',
		'  kube-system                 kube-proxy-gx8f9    0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m30s',
		'Allocated resources:',
		'  (Total limits may be over 100 percent, i.e., overcommitted.)',
		'  Resource           Requests    Limits',
		'  --------           --------    ------',
	]);
	assert.deepEqual(tail.slice(12, 17), ['  cpu                250m (12%)  500m (25%)', '  memory             64Mi (1%)   128Mi (3%)', '  ephemeral-storage  0 (0%)      0 (0%)', '  hugepages-1Gi      0 (0%)      0 (0%)', '  hugepages-2Mi      0 (0%)      0 (0%)']);
	assert.equal(tail[17], 'Events:');
});
