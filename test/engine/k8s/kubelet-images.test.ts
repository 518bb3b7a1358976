// Golden tests: the kubelet resolves images through the same registry as `docker pull`, with the
// kubelet's own messages and pull policies; pods whose PID 1 ignores SIGTERM take their whole grace
// period to go; the Deployment controller's scaling events.
//
// The real format strings matched here (kubernetes/kubernetes):
//   pkg/kubelet/images/image_manager.go
//     "Container image %q already present on machine"                  (Normal Pulled)
//     "Pulling image %q"                                                (Normal Pulling)
//     "Failed to pull image %q: %v"                                     (Warning Failed; %v is the CRI error,
//                                                                        "rpc error: code = Unknown desc = <daemon's error>")
//     "Back-off pulling image %q"                                       (Normal BackOff)
//     "Container image %q is not present with pull policy of Never"     (Warning ErrImageNeverPull)
//   pkg/kubelet/kuberuntime: "Error: ErrImagePull", "Error: ImagePullBackOff" (Warning Failed)
//   docker/distribution via dockerd: "manifest for %s not found: manifest unknown: manifest unknown",
//     "pull access denied for %s, repository does not exist or may require 'docker login'"
//   pkg/apis/core/v1/defaults.go SetDefaults_Container: no tag or ":latest" -> imagePullPolicy Always, else IfNotPresent
//   pkg/controller/deployment/sync.go
//     getNewReplicaSet:  "Scaled up replica set %s from 0 to %d" (only when newReplicasCount > 0)
//     scaleReplicaSet:   "Scaled %s replica set %s to %d from %d" (scalingOperation, name, newScale, oldScale)
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {killProcess} from '../../../source/engine/host/processes.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function statusOf(shell: ReturnType<typeof sandboxShell>, pod: string): string {
	const line = run(shell, `kubectl get pod ${pod} --no-headers`).stdout;
	return line.trim().split(/\s+/)[2] ?? '';
}

test('an unknown tag of a known repository fails to pull with the registry\'s error, as docker pull does', () => {
	const shell = sandboxShell();
	const docker = run(shell, 'docker pull nginx:9.9.9');
	assert.equal(docker.exitCode, 1);
	assert.match(docker.stderr, /manifest for nginx:9\.9\.9 not found: manifest unknown: manifest unknown/);
	run(shell, 'kubectl run a3 --image=nginx:9.9.9');
	const seen = new Set<string>();
	let failed = false;
	for (let i = 0; i < 150; i++) {
		run(shell, 'sleep 1');
		const status = statusOf(shell, 'a3');
		seen.add(status);
		if (status === 'ErrImagePull') failed = true;
		// Once a pull has failed, the status stays in the error state between retries.
		if (failed) assert.ok(status === 'ErrImagePull' || status === 'ImagePullBackOff', `status ${status} after the first failure`);
	}
	assert.deepEqual([...seen].sort(), ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']);
	const describe = run(shell, 'kubectl describe pod a3').stdout;
	assert.match(describe, /Warning +Failed .*kubelet +Failed to pull image "nginx:9\.9\.9": rpc error: code = Unknown desc = Error response from daemon: manifest for nginx:9\.9\.9 not found: manifest unknown: manifest unknown\n/);
	assert.match(describe, /Warning +Failed .*kubelet +Error: ErrImagePull\n/);
	assert.match(describe, /Normal +BackOff .*kubelet +Back-off pulling image "nginx:9\.9\.9"\n/);
	assert.match(describe, /Warning +Failed .*kubelet +Error: ImagePullBackOff\n/);
	assert.doesNotMatch(describe, /Successfully pulled/);
	const status = JSON.parse(run(shell, 'kubectl get pod a3 -o json').stdout).status;
	assert.equal(status.phase, 'Pending');
	assert.ok(status.containerStatuses[0].state.waiting, JSON.stringify(status.containerStatuses[0].state));
});

test('an unknown repository says pull access denied; ErrImagePull carries the CRI error as its message', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run typo --image=luksa/kubiaa');
	for (let i = 0; i < 10 && statusOf(shell, 'typo') !== 'ErrImagePull'; i++) run(shell, 'sleep 1');
	assert.match(run(shell, 'kubectl get pod typo').stdout, /typo +0\/1 +ErrImagePull +0 /);
	const waiting = JSON.parse(run(shell, 'kubectl get pod typo -o json').stdout).status.containerStatuses[0].state.waiting;
	assert.deepEqual(waiting, {reason: 'ErrImagePull', message: "rpc error: code = Unknown desc = Error response from daemon: pull access denied for luksa/kubiaa, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"});
});

test('imagePullPolicy defaults: no tag or :latest is Always (every start pulls again), a fixed tag IfNotPresent', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run latest --image=nginx');
	run(shell, 'kubectl run fixed --image=nginx:1.27');
	run(shell, 'sleep 30');
	const policy = (pod: string) => JSON.parse(run(shell, `kubectl get pod ${pod} -o json`).stdout).spec.containers[0].imagePullPolicy;
	assert.equal(policy('latest'), 'Always');
	assert.equal(policy('fixed'), 'IfNotPresent');
	for (const pod of ['latest', 'fixed']) {
		const runtime = shell.state.world.cluster!.podRuntimes.get(`default/${pod}`)!;
		const pid = runtime.containers[0]!.pid!;
		shell.state = {...shell.state, world: produce(shell.state.world, w => void killProcess(w.hosts.get(runtime.node)!, pid))};
	}
	run(shell, 'sleep 10');
	const messages = (pod: string) => shell.state.world.events.filter(e => e.object === `pod/default/${pod}` && (e.reason === 'Pulling' || e.reason === 'Pulled')).map(e => e.message);
	// Always: the restart pulls again (the layers are there, so it is quick).
	assert.equal(messages('latest').filter(m => m === 'Pulling image "nginx"').length, 2, messages('latest').join('\n'));
	assert.equal(messages('latest').filter(m => m.startsWith('Successfully pulled image "nginx" in ')).length, 2);
	assert.ok(!messages('latest').some(m => m.includes('already present')));
	// IfNotPresent: the node has it (the first pod pulled nginx:1.27 or the node had it already).
	assert.match(messages('fixed').at(-1)!, /^Container image "nginx:1\.27" already present on machine$/);
	assert.match(run(shell, 'kubectl get pod latest').stdout, /latest +1\/1 +Running +1 /);
});

test('imagePullPolicy Never with an image the node lacks: ErrImageNeverPull', () => {
	const shell = sandboxShell({files: {'never.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: never\nspec:\n  containers:\n  - name: app\n    image: redis:7.4\n    imagePullPolicy: Never\n'}});
	run(shell, 'kubectl apply -f never.yaml');
	run(shell, 'sleep 5');
	assert.match(run(shell, 'kubectl get pod never').stdout, /never +0\/1 +ErrImageNeverPull +0 /);
	assert.match(run(shell, 'kubectl describe pod never').stdout, /Warning +ErrImageNeverPull .*Container image "redis:7\.4" is not present with pull policy of Never/);
});

test('images the lessons and the probe demo use are in the registry: curlimages/curl, redis, luksa/kubia-unhealthy', () => {
	const shell = sandboxShell();
	for (const image of ['curlimages/curl', 'redis:7.4', 'luksa/kubia-unhealthy', 'nginx:1.26']) {
		const pulled = run(shell, `docker pull ${image}`);
		assert.equal(pulled.exitCode, 0, `${image}: ${pulled.text}`);
	}
});

test('a pod whose PID 1 ignores SIGTERM (sleep, a shell) takes the whole grace period to delete; nginx goes at once', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run sleeper --image=busybox -- sleep 3600');
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get pod sleeper').stdout, /sleeper +1\/1 +Running/);
	let before = shell.state.world.time;
	assert.equal(run(shell, 'kubectl delete pod sleeper').stdout, 'pod "sleeper" deleted\n');
	const sleeper = shell.state.world.time - before;
	assert.ok(sleeper >= 30_000 && sleeper <= 32_000, `sleeper took ${sleeper} ms`);
	before = shell.state.world.time;
	run(shell, 'kubectl delete pod web');
	const web = shell.state.world.time - before;
	assert.ok(web <= 3_000, `nginx took ${web} ms`);
	// terminationGracePeriodSeconds bounds the wait.
	const short = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: quick\nspec:\n  terminationGracePeriodSeconds: 5\n  containers:\n  - name: main\n    image: busybox\n    command: ["sleep", "3600"]\n';
	const withFile = sandboxShell({world: shell.state.world, files: {'quick.yaml': short}});
	run(withFile, 'kubectl apply -f quick.yaml');
	run(withFile, 'sleep 20');
	before = withFile.state.world.time;
	run(withFile, 'kubectl delete pod quick');
	const quick = withFile.state.world.time - before;
	assert.ok(quick >= 5_000 && quick <= 7_000, `quick took ${quick} ms`);
});

test('Deployment events: created "from 0 to N", scaled "to N from M", never "from 0 to 0"', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx:1.26');
	run(shell, 'sleep 20');
	run(shell, 'kubectl scale deployment web --replicas=3');
	run(shell, 'sleep 20');
	run(shell, 'kubectl set image deployment/web nginx=nginx:1.27');
	run(shell, 'sleep 90');
	const events = shell.state.world.events.filter(e => e.reason === 'ScalingReplicaSet').map(e => e.message);
	assert.match(events[0]!, /^Scaled up replica set web-\w+ from 0 to 1$/);
	assert.match(events[1]!, /^Scaled up replica set web-\w+ to 3 from 1$/);
	// The rollout: the new set is created at maxSurge (25% of 3, rounded up: 1).
	assert.match(events[2]!, /^Scaled up replica set web-\w+ from 0 to 1$/);
	assert.ok(events.some(m => /^Scaled down replica set web-\w+ to 2 from 3$/.test(m)), events.join('\n'));
	assert.ok(!events.some(m => /from 0 to 0/.test(m)), events.join('\n'));
	assert.match(run(shell, 'kubectl describe deploy web').stdout, /Normal +ScalingReplicaSet +.* +deployment-controller +Scaled up replica set web-\w+ from 0 to 1\n/);
});
