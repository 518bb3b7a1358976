// Golden tests: a pod's resources are its containers' cgroups on the node, and the kernel enforces them.
// The manifests are the Kubernetes docs' ("Assign Memory Resources to Containers and Pods",
// memory-request-limit-2.yaml; "Assign CPU Resources", with polinux/stress for the CPU hog). What the
// real tools print there:
//   kubectl get pod memory-demo-2  ->  memory-demo-2   0/1   OOMKilled   1   24s, later CrashLoopBackOff
//   lastState: terminated: exitCode: 137, reason: OOMKilled  (kubelet: the container's cgroup saw an oom_kill)
// The kubelet's conversions (pkg/kubelet/cm/helpers_linux.go): MilliCPUToShares = milli*1024/1000 (min 2),
// cgroup v2 weight = 1 + ((shares-2)*9999)/262142; MilliCPUToQuota = milli*100000/1000 per 100000 us period.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const memoryDemo = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

const cpuDemo = `apiVersion: v1
kind: Pod
metadata:
  name: cpu-demo
spec:
  containers:
  - name: cpu-demo-ctr
    image: polinux/stress
    resources:
      limits:
        cpu: "1"
      requests:
        cpu: "0.5"
    command: ["stress"]
    args: ["--cpu", "2"]
`;

const fits = memoryDemo.replace(/memory-demo-2/g, 'memory-ok').replace('250M', '50M');

test('a container allocating past limits.memory is OOMKilled (exit 137), then restarts into CrashLoopBackOff', () => {
	const shell = sandboxShell({files: {'mem.yaml': memoryDemo, 'ok.yaml': fits}});
	run(shell, 'kubectl apply -f mem.yaml');
	run(shell, 'kubectl apply -f ok.yaml');
	const statuses = new Set<string>();
	for (let i = 0; i < 60; i++) {
		run(shell, 'sleep 1');
		statuses.add(run(shell, 'kubectl get pod memory-demo-2 --no-headers').stdout.trim().split(/\s+/)[2]!);
	}
	assert.ok(statuses.has('OOMKilled'), [...statuses].join(' '));
	assert.ok(statuses.has('CrashLoopBackOff'), [...statuses].join(' '));
	assert.ok(!statuses.has('Completed') && !statuses.has('Error'), [...statuses].join(' '));
	const status = JSON.parse(run(shell, 'kubectl get pod memory-demo-2 -o json').stdout).status.containerStatuses[0];
	assert.equal(status.lastState.terminated.exitCode, 137);
	assert.equal(status.lastState.terminated.reason, 'OOMKilled');
	assert.ok(status.restartCount >= 2, `restarts ${status.restartCount}`);
	assert.match(run(shell, 'kubectl describe pod memory-demo-2').stdout, /Last State: +Terminated\n +Reason: +OOMKilled\n +Exit Code: +137\n/);
	// Under its limit, the same program runs on.
	assert.match(run(shell, 'kubectl get pod memory-ok').stdout, /memory-ok +1\/1 +Running +0 /);
	// The node's kernel did it: its log names the cgroup.
	const node = JSON.parse(run(shell, 'kubectl get pod memory-demo-2 -o json').stdout).spec.nodeName;
	run(shell, `ssh ${node}`);
	assert.match(run(shell, 'dmesg').stdout, /Memory cgroup out of memory: Killed process \d+ \(stress\)/);
});

test('limits and requests are the container cgroup\'s memory.max, cpu.max and cpu.weight; a CPU limit throttles', () => {
	const shell = sandboxShell({files: {'cpu.yaml': cpuDemo, 'mem.yaml': fits}});
	run(shell, 'kubectl apply -f cpu.yaml');
	run(shell, 'kubectl apply -f mem.yaml');
	run(shell, 'sleep 30');
	const world = shell.state.world;
	const cgroupOf = (pod: string) => world.cluster!.podRuntimes.get(`default/${pod}`)!.containers[0]!.cgroup!;
	const nodeOf = (pod: string) => world.cluster!.podRuntimes.get(`default/${pod}`)!.node;
	run(shell, `ssh ${nodeOf('cpu-demo')}`);
	const cpu = `/sys/fs/cgroup${cgroupOf('cpu-demo')}`;
	assert.match(cpu, /^\/sys\/fs\/cgroup\/kubepods\.slice\/kubepods-burstable\.slice\/kubepods-burstable-pod\w+\.slice\/docker-[0-9a-f]{64}\.scope$/);
	assert.equal(run(shell, `cat ${cpu}/cpu.max`).stdout, '100000 100000\n');
	assert.equal(run(shell, `cat ${cpu}/cpu.weight`).stdout, '20\n'); // 500m: shares 512, weight 1 + 510*9999/262142
	assert.equal(run(shell, `cat ${cpu}/memory.max`).stdout, 'max\n');
	const stat = run(shell, `cat ${cpu}/cpu.stat`).stdout;
	const field = (name: string) => Number(stat.match(new RegExp(`^${name} (\\d+)$`, 'm'))![1]);
	assert.ok(field('nr_throttled') > 0, stat);
	assert.ok(field('throttled_usec') > 0, stat);
	// Two busy workers under a one-core limit get one core: about a second of CPU per second.
	assert.ok(field('usage_usec') > 20_000_000 && field('usage_usec') <= 31_000_000, stat);
	run(shell, 'exit');
	run(shell, `ssh ${nodeOf('memory-ok')}`);
	const mem = `/sys/fs/cgroup${cgroupOf('memory-ok')}`;
	assert.equal(run(shell, `cat ${mem}/memory.max`).stdout, '104857600\n');
	assert.equal(run(shell, `cat ${mem}/cpu.max`).stdout, 'max 100000\n');
	assert.equal(run(shell, `cat ${mem}/cpu.weight`).stdout, '1\n'); // no CPU request: shares 2, weight 1
});
