// Chapters 1-3 of curriculum.md walked through the real shell on the sandbox world, checking
// what each task is meant to show; and the plain-mode script for those chapters runs clean.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {run, sandboxShell} from '../../helpers/shell.ts';

const gib = 1024 ** 3;

test('chapter 1: VMs each pay for a kernel and an OS; containers are host processes on the host kernel', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'ssh host-2').exitCode, 0);
	// host-2 has 4 GiB: two 1 GiB VMs fit, the third runs the host out of memory.
	assert.equal(run(shell, 'multipass launch --name a --memory 1G').stdout, 'Launched: a\n');
	const bootTime = shell.state.world.time;
	assert.equal(run(shell, 'multipass launch --name b --memory 1G').exitCode, 0);
	assert.ok(shell.state.world.time - bootTime >= 30_000, 'a VM takes tens of seconds to boot');
	const third = run(shell, 'multipass launch --name c --memory 1G');
	assert.equal(third.exitCode, 2);
	assert.match(third.stderr, /^launch failed: qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory/);
	// The guests' apps are invisible to the host's ps: only one qemu process per VM.
	run(shell, 'multipass exec a -- python3 -m http.server 8000 &');
	assert.equal(run(shell, 'ps aux | grep -c qemu-system-x86_64').stdout, '2\n');
	assert.equal(run(shell, 'ps aux | grep -c http.server').stdout, '0\n');
	assert.equal(run(shell, 'multipass exec a -- ps aux | grep -c http.server').stdout, '1\n');
	// Each VM runs its own kernel.
	const guestKernel = run(shell, 'multipass exec a -- uname -r').stdout;
	const hostKernel = run(shell, 'uname -r').stdout;
	assert.notEqual(guestKernel, hostKernel);
	assert.equal(run(shell, 'exit').exitCode, 0);
	// On host-1, a container's process is a host process, and uname -r is the host's kernel.
	run(shell, 'docker run -d --name web nginx');
	assert.match(run(shell, 'ps aux').stdout, /nginx/);
	assert.equal(run(shell, 'docker exec web uname -r').stdout, run(shell, 'uname -r').stdout);
	// Dozens of small containers fit in the memory two VMs took on host-2.
	const host2 = shell.state.world.hosts.get('host-2')!;
	const qemuBytes = [...host2.processes.values()].filter(p => p.command.includes('qemu-system')).reduce((n, p) => n + p.memoryBytes, 0);
	assert.ok(qemuBytes > 2 * gib);
});

test('chapter 2: namespaces give a process its own view of one kind of resource', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'lsns').stdout, /^ {8}NS TYPE {3}NPROCS {3}PID USER COMMAND\n4026531834 time /);
	run(shell, 'unshare --uts bash');
	run(shell, 'hostname container-1');
	assert.equal(run(shell, 'hostname').stdout, 'container-1\n');
	run(shell, 'exit');
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n', 'the host is unaffected');
	run(shell, 'unshare --pid --fork --mount-proc bash');
	assert.equal(run(shell, 'echo $$').stdout, '1\n');
	const ps = run(shell, 'ps aux').stdout.trim().split('\n');
	assert.equal(ps.length, 3, 'header, the shell and ps itself');
	assert.match(ps[1]!, /^root +1 .* bash$/);
	run(shell, 'exit');
	run(shell, 'unshare --net bash');
	assert.match(run(shell, 'ip link').stdout, /^1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n {4}link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n$/);
	run(shell, 'exit');
	for (const line of ['ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue']) assert.equal(run(shell, line).exitCode, 0, line);
	assert.doesNotMatch(run(shell, 'ip link').stdout, /veth-blue/);
	assert.match(run(shell, 'ip netns exec blue ip link').stdout, /veth-blue@if\d+:/);
	// nsenter into a container's uts and net namespaces.
	run(shell, 'docker run -d --name web nginx');
	const pid = run(shell, "docker inspect -f '{{.State.Pid}}' web").stdout.trim();
	const containerHostname = run(shell, `nsenter -t ${pid} -u hostname`).stdout;
	assert.notEqual(containerHostname, 'host-1\n');
	assert.match(run(shell, `nsenter -t ${pid} -n ip addr`).stdout, /inet 172\.17\.0\.\d+\/16/);
	// A user namespace: root inside only.
	run(shell, 'su - learner');
	assert.equal(run(shell, 'unshare --uts').stderr, 'unshare: unshare failed: Operation not permitted\n');
	run(shell, 'unshare --user --map-root-user --uts bash');
	assert.equal(run(shell, 'id').stdout, 'uid=0(root) gid=0(root) groups=0(root),65534(nogroup)\n');
	assert.equal(run(shell, 'hostname inside').exitCode, 0);
	const inner = shell.state.session.frames.at(-1)!;
	const proc = shell.state.world.hosts.get('host-1')!.processes.get(inner.pid)!;
	assert.equal(proc.user, 'learner', 'the host still sees the learner');
});

test('chapter 3: cgroups limit memory (OOM kill), CPU (throttling) and pids (fork bomb)', () => {
	const shell = sandboxShell();
	for (const line of ['mkdir /sys/fs/cgroup/demo', 'echo 100M > /sys/fs/cgroup/demo/memory.max', 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs']) assert.equal(run(shell, line).exitCode, 0, line);
	const stress = run(shell, 'stress --vm 1 --vm-bytes 200M');
	assert.equal(stress.exitCode, 1);
	assert.match(stress.stdout, /got signal 9/);
	assert.match(run(shell, 'cat /sys/fs/cgroup/demo/memory.events').stdout, /^low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\n/);
	assert.match(run(shell, 'dmesg').stdout, /Memory cgroup out of memory: Killed process \d+ \(stress\)/);
	run(shell, 'echo $$ > /sys/fs/cgroup/cgroup.procs');
	run(shell, 'mkdir /sys/fs/cgroup/half');
	run(shell, 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max');
	run(shell, 'echo $$ > /sys/fs/cgroup/half/cgroup.procs');
	run(shell, 'stress --cpu 2 &');
	run(shell, 'sleep 10');
	const stat = Object.fromEntries(run(shell, 'cat /sys/fs/cgroup/half/cpu.stat').stdout.trim().split('\n').map(l => l.split(' ') as [string, string]));
	assert.equal(stat.usage_usec, '5000000', 'half a core for 10 s, though 2 workers want 2 cores');
	assert.ok(Number(stat.nr_throttled) >= 100 && Number(stat.throttled_usec) > 0);
	run(shell, 'echo 1 > /sys/fs/cgroup/half/cgroup.kill');
	const after = run(shell, 'ps');
	assert.match(after.stderr, /your shell was killed; a new login shell has started/);
	for (const line of ['mkdir /sys/fs/cgroup/bomb', 'echo 20 > /sys/fs/cgroup/bomb/pids.max', 'echo $$ > /sys/fs/cgroup/bomb/cgroup.procs']) assert.equal(run(shell, line).exitCode, 0, line);
	const bomb = run(shell, ':(){ :|:& };:');
	assert.match(bomb.stderr, /^bash: fork: retry: Resource temporarily unavailable\n/);
	assert.match(run(shell, 'ps').stderr, /bash: fork: Resource temporarily unavailable/);
	run(shell, 'echo $$ > /sys/fs/cgroup/cgroup.procs');
	const [current, events] = run(shell, 'cat /sys/fs/cgroup/bomb/pids.current /sys/fs/cgroup/bomb/pids.events').stdout.split('\n');
	assert.equal(current, '19');
	assert.ok(Number(events!.split(' ')[1]) > 0);
	// docker run --memory 64m --cpus 0.5 writes exactly those cgroup files.
	run(shell, 'docker run -d --name limited --memory 64m --cpus 0.5 nginx');
	const pid = run(shell, "docker inspect -f '{{.State.Pid}}' limited").stdout.trim();
	const group = run(shell, `cat /proc/${pid}/cgroup`).stdout.trim().replace(/^0::/, '');
	assert.equal(run(shell, `cat /sys/fs/cgroup${group}/memory.max`).stdout, '67108864\n');
	assert.equal(run(shell, `cat /sys/fs/cgroup${group}/cpu.max`).stdout, '50000 100000\n');
});

test('the plain-mode script for chapters 1-3 runs without unknown commands or simulator errors', () => {
	const path = fileURLToPath(new URL('../../scripts/chapters-1-3.txt', import.meta.url));
	const shell = sandboxShell();
	const lines = readFileSync(path, 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'));
	assert.ok(lines.length > 60);
	for (const line of lines) {
		const result = run(shell, line);
		assert.doesNotMatch(result.stderr, /command not found|internal error in the simulator/, line);
	}
	const world = shell.state.world;
	assert.equal(world.hosts.get('host-1')!.cgroups.get('/demo')!.memoryEvents.oom_kill, 1);
	assert.ok(world.hosts.get('host-1')!.cgroups.get('/bomb')!.forkFailures > 0);
});
