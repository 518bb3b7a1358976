import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {feasibleNodesToFind} from '../../../source/engine/k8s/scheduler.ts';
import {humanDuration} from '../../../source/shell/commands/kubectl/table.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('a pod asking for more CPU than any node has stays Pending with Insufficient cpu', () => {
	const shell = sandboxShell({files: {'big.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "8"\n'}});
	run(shell, 'kubectl apply -f big.yaml');
	run(shell, 'sleep 5');
	const text = run(shell, 'kubectl describe pod big').stdout;
	assert.match(text, /Warning +FailedScheduling .*0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 Insufficient cpu\. preemption: 0\/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod\./);
});

test('percentageOfNodesToScore and kubectl ages', () => {
	assert.equal(feasibleNodesToFind(50), 50);
	assert.equal(feasibleNodesToFind(1000), 420);
	assert.deepEqual([45_000, 119_000, 120_000, 310_000, 900_000, 3 * 3600_000 + 20 * 60_000, 76 * 3600_000].map(humanDuration), ['45s', '119s', '2m', '5m10s', '15m', '3h20m', '3d4h']);
});

test('stopping the scheduler leaves new pods Pending; an unknown image backs off', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run typo --image=luksa/kubiaa');
	run(shell, 'sleep 20');
	assert.match(run(shell, 'kubectl get pod typo').stdout, /(ErrImagePull|ImagePullBackOff)/);
	// As `mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/` on the control plane does:
	shell.state = {...shell.state, world: produce(shell.state.world, w => {
		const fs = w.hosts.get('control-plane')!.filesystems.get('control-plane:/')!;
		if (fs.kind === 'plain') fs.files.delete('/etc/kubernetes/manifests/kube-scheduler.yaml');
	})};
	run(shell, 'kubectl run waiting --image=nginx');
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get pod waiting').stdout, /Pending/);
	assert.doesNotMatch(run(shell, 'kubectl get pods -n kube-system').stdout, /kube-scheduler/);
});

test('random kubectl lines never throw', () => {
	const shell = sandboxShell();
	const words = ['get', 'describe', 'delete', 'apply', 'logs', 'exec', 'scale', 'label', 'cordon', 'drain', 'expose', 'run', 'create', 'pods', 'po', 'no', 'rc', 'svc', 'all', '-o', 'yaml', 'json', 'wide', '-n', 'kube-system', '-l', 'app=x', '-f', '-', '--replicas=2', 'x', 'worker-1', '--', 'ls', '-A', 'a=b', '--all', 'ns', 'deploy', 'ev'];
	let seed = 7;
	const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
	for (let i = 0; i < 1500; i++) {
		const line = ['kubectl', ...Array.from({length: 1 + rand(5)}, () => words[rand(words.length)])].join(' ');
		const result = run(shell, line);
		assert.notEqual(result.exitCode, 70, `${line}: ${result.stderr}`);
	}
});

test('random mutations of the book manifests, applied from stdin, never break the simulator', () => {
	const shell = sandboxShell();
	const base = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
  labels:
    app: kubia
spec:
  replicas: 2
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
        resources:
          requests:
            cpu: 100m
`.split('\n');
	const junk = ['', '  ', 'x: [', '- 3', 'spec: null', '  replicas: -1', '  replicas: "two"', '      - name: Bad_Name', '        image: ""', 'kind: Pod', 'kind: Nope', 'apiVersion: apps/v1', '---', '\t', '        ports: 8080', '          cpu: lots', '    app: 7', 'metadata: []'];
	let seed = 11;
	const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
	for (let i = 0; i < 150; i++) {
		const lines = [...base];
		for (let m = 0; m < 1 + rand(3); m++) {
			const at = rand(lines.length);
			const op = rand(3);
			if (op === 0) lines.splice(at, 1);
			else if (op === 1) lines.splice(at, 0, junk[rand(junk.length)]!);
			else lines[at] = junk[rand(junk.length)]!;
		}
		const verb = ['apply', 'create', 'delete'][rand(3)];
		const result = run(shell, `kubectl ${verb} -f - <<EOF\n${lines.join('\n')}\nEOF`);
		assert.notEqual(result.exitCode, 70, `${lines.join('\n')}\n${result.stderr}`);
		assert.ok(result.exitCode === 0 || result.stderr.length > 0, 'a failure says why');
		if (i % 50 === 0) assert.notEqual(run(shell, 'sleep 5').exitCode, 70);
	}
	assert.equal(run(shell, 'kubectl get all -A').exitCode, 0);
});

const rcManifest = (replicas: number) => `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: kubia\nspec:\n  replicas: ${replicas}\n  selector:\n    app: kubia\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n`;

function nodesOfRunningPods(shell: ReturnType<typeof sandboxShell>): string[] {
	return run(shell, 'kubectl get pods -o wide').stdout.split('\n').filter(l => / Running /.test(l)).map(l => l.match(/ (worker-\d) /)![1]!).sort();
}

test('3 replicas over 3 idle workers land on 3 different nodes, even when one node already has the image', () => {
	const shell = sandboxShell({files: {'rc.yaml': rcManifest(3)}});
	// A bare pod first pulls the image on one worker: image locality must not pull every replica there.
	run(shell, 'kubectl run first --image=luksa/kubia');
	run(shell, 'kubectl apply -f rc.yaml');
	run(shell, 'sleep 60');
	const nodes = run(shell, 'kubectl get pods -l app=kubia -o wide').stdout.split('\n').filter(l => / Running /.test(l)).map(l => l.match(/ (worker-\d) /)![1]!);
	assert.deepEqual(nodes.sort(), ['worker-1', 'worker-2', 'worker-3']);
});

test('scaling 1 -> 3 spreads, and after a node is powered off its replacements go to the remaining nodes', () => {
	const shell = sandboxShell({files: {'rc.yaml': rcManifest(1)}});
	run(shell, 'kubectl apply -f rc.yaml');
	run(shell, 'sleep 30');
	run(shell, 'kubectl scale rc kubia --replicas=3');
	run(shell, 'sleep 30');
	assert.deepEqual(nodesOfRunningPods(shell), ['worker-1', 'worker-2', 'worker-3']);
	run(shell, 'ssh worker-2 poweroff');
	run(shell, 'sleep 400');
	const after = nodesOfRunningPods(shell);
	assert.equal(after.length, 3);
	assert.ok(!after.includes('worker-2'));
	assert.deepEqual([...new Set(after)], ['worker-1', 'worker-3']);
});

test('placement is deterministic for one seed', () => {
	const place = () => {
		const shell = sandboxShell({files: {'rc.yaml': rcManifest(5)}});
		run(shell, 'kubectl apply -f rc.yaml');
		run(shell, 'sleep 30');
		return nodesOfRunningPods(shell);
	};
	const first = place();
	assert.deepEqual(place(), first);
	// 5 over 3 workers: 2, 2, 1.
	const counts = ['worker-1', 'worker-2', 'worker-3'].map(n => first.filter(x => x === n).length).sort();
	assert.deepEqual(counts, [1, 2, 2]);
});

test('with zone labels, the default zone constraint puts 2 replicas in 2 zones', () => {
	// Several seeds: without the zone constraint the second replica would go to either free worker at random.
	for (const [first, seed] of [['worker-1', 1], ['worker-1', 2], ['worker-1', 3], ['worker-2', 4], ['worker-2', 5], ['worker-3', 6]] as const) {
		const shell = sandboxShell({world: createSandboxWorld({seed}), files: {'rc.yaml': rcManifest(2)}});
		run(shell, 'kubectl label node worker-1 topology.kubernetes.io/zone=zone-a');
		run(shell, 'kubectl label node worker-2 topology.kubernetes.io/zone=zone-a');
		run(shell, 'kubectl label node worker-3 topology.kubernetes.io/zone=zone-b');
		// Keep every node but `first` busy while the first replica is placed, then free them.
		for (const n of ['worker-1', 'worker-2', 'worker-3']) if (n !== first) run(shell, `kubectl cordon ${n}`);
		run(shell, 'kubectl apply -f rc.yaml');
		run(shell, 'kubectl scale rc kubia --replicas=1');
		run(shell, 'sleep 20');
		for (const n of ['worker-1', 'worker-2', 'worker-3']) run(shell, `kubectl uncordon ${n}`);
		run(shell, 'kubectl scale rc kubia --replicas=2');
		run(shell, 'sleep 30');
		const nodes = nodesOfRunningPods(shell);
		assert.equal(nodes.length, 2);
		assert.ok(nodes.includes(first), `${first}: ${nodes}`);
		const zones = new Set(nodes.map(n => (n === 'worker-3' ? 'zone-b' : 'zone-a')));
		assert.equal(zones.size, 2, `${first}: ${nodes}`);
	}
});
