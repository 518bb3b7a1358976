// Golden tests: liveness, readiness and startup probes against the simulated apps.
// The real format strings (kubernetes/kubernetes):
//   pkg/kubelet/prober/prober.go   recordContainerEvent(..., v1.EventTypeWarning, events.ContainerUnhealthy,
//                                    "%s probe failed: %s", probeType, output)   -> Warning Unhealthy "Liveness probe failed: ..."
//   pkg/probe/http/http.go         "HTTP probe failed with statuscode: %d"
//                                   a refused connection: `Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused`
//   pkg/probe/tcp/tcp.go           the dial error: "dial tcp 10.244.1.5:6379: connect: connection refused"
//   pkg/kubelet/kuberuntime/kuberuntime_manager.go  "Container %s failed %s probe" + ", will be restarted"
//                                   -> Normal Killing "Container web failed liveness probe, will be restarted"
//   busybox cat: "cat: can't open '%s': No such file or directory"
// Defaults (pkg/apis/core/v1/defaults.go): periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3.
// The book's kubia-unhealthy (Kubernetes in Action 4.1.2) answers 500 from its sixth request on.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

function pod(name: string, container: string): string {
	return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  containers:\n${container}`;
}

const kubiaLiveness = pod('kubia-liveness', '  - image: luksa/kubia-unhealthy\n    name: kubia\n    livenessProbe:\n      httpGet:\n        path: /\n        port: 8080\n');
const nginx404 = pod('web', '  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 80\n      periodSeconds: 5\n      failureThreshold: 2\n');
const notReady = pod('lonely', '  - name: web\n    image: nginx:1.27\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: 80\n      periodSeconds: 2\n');
const ready = pod('happy', '  - name: web\n    image: nginx:1.27\n    readinessProbe:\n      tcpSocket:\n        port: 80\n      initialDelaySeconds: 5\n      periodSeconds: 2\n');
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    tier: front\n  ports:\n  - port: 80\n';

test('the book\'s kubia-unhealthy: the liveness probe fails from the sixth request, the kubelet kills and restarts it (exit 137)', () => {
	const shell = sandboxShell({files: {'liveness.yaml': kubiaLiveness}});
	run(shell, 'kubectl apply -f liveness.yaml');
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get pod kubia-liveness').stdout, /kubia-liveness +1\/1 +Running +0 /);
	run(shell, 'sleep 90');
	assert.match(run(shell, 'kubectl get pod kubia-liveness').stdout, /kubia-liveness +1\/1 +Running +1 \(\d+s ago\)/);
	const describe = run(shell, 'kubectl describe pod kubia-liveness').stdout;
	assert.match(describe, /Warning +Unhealthy +.* +kubelet +Liveness probe failed: HTTP probe failed with statuscode: 500\n/);
	assert.match(describe, /Normal +Killing +.* +kubelet +Container kubia failed liveness probe, will be restarted\n/);
	// kubectl describe (DescribeProbe): "http-get %s delay=%ds timeout=%ds period=%ds #success=%d #failure=%d".
	assert.match(describe, /\n {4}Liveness: {7}http-get http:\/\/:8080\/ delay=0s timeout=1s period=10s #success=1 #failure=3\n/);
	const defaulted = JSON.parse(run(shell, 'kubectl get pod kubia-liveness -o json').stdout).spec.containers[0].livenessProbe;
	assert.deepEqual(defaulted, {httpGet: {path: '/', port: 8080, scheme: 'HTTP'}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3});
	// node as PID 1 ignores SIGTERM: the kubelet waits the grace period, then SIGKILL.
	assert.match(describe, /Last State: +Terminated\n +Reason: +Error\n +Exit Code: +137\n/);
	// The probes are requests the app logged (kubectl logs --previous shows the killed container's).
	const previous = run(shell, 'kubectl logs kubia-liveness --previous').stdout;
	assert.equal(previous.split('\n').filter(l => l.startsWith('Received request from ::ffff:10.244.')).length, 8, previous);
	const kills = shell.state.world.events.filter(e => e.object === 'pod/default/kubia-liveness' && e.reason === 'Killing').map(e => e.time);
	const failures = shell.state.world.events.filter(e => e.object === 'pod/default/kubia-liveness' && e.reason === 'Unhealthy').map(e => e.time);
	// Requests 1-5 pass, 6, 7 and 8 fail (failureThreshold 3, 10 s apart): the kill comes with the third failure.
	assert.equal(failures.length >= 3, true);
	assert.equal(kills[0], failures[2]);
	assert.equal(failures[1]! - failures[0]!, 10_000);
});

test('nginx without /healthz: liveness fails with 404 and restarts at once (nginx exits on SIGTERM)', () => {
	const shell = sandboxShell({files: {'web.yaml': nginx404}});
	run(shell, 'kubectl apply -f web.yaml');
	run(shell, 'sleep 25');
	const describe = run(shell, 'kubectl describe pod web').stdout;
	assert.match(describe, /Warning +Unhealthy +.* +kubelet +Liveness probe failed: HTTP probe failed with statuscode: 404\n/);
	assert.match(describe, /Normal +Killing +.* +kubelet +Container web failed liveness probe, will be restarted\n/);
	assert.match(describe, /Last State: +Terminated\n +Reason: +Completed\n +Exit Code: +0\n/);
	// A liveness restart counts as a restart like any other: the second one already waits out the crash back-off.
	assert.match(run(shell, 'kubectl get pod web').stdout, /web +[01]\/1 +(Running|CrashLoopBackOff) +[12] /);
	run(shell, 'sleep 300');
	// It keeps failing, so it keeps restarting, with the crash back-off between restarts.
	assert.match(run(shell, 'kubectl describe pod web').stdout, /Back-off restarting failed container web in pod web_default/);
});

test('a failing readiness probe keeps READY 0/1 and the pod out of its Service\'s endpoints; a passing one puts it in', () => {
	const shell = sandboxShell({files: {'lonely.yaml': notReady.replace('app: lonely', 'tier: front'), 'happy.yaml': ready.replace('app: happy', 'tier: front'), 'svc.yaml': service}});
	run(shell, 'kubectl apply -f svc.yaml');
	run(shell, 'kubectl apply -f lonely.yaml');
	run(shell, 'kubectl apply -f happy.yaml');
	for (let i = 0; i < 20 && !/Running/.test(run(shell, 'kubectl get pod happy').stdout); i++) run(shell, 'sleep 1');
	// Before its first probe a container with a readiness probe is not ready.
	assert.match(run(shell, 'kubectl get pod happy').stdout, /happy +0\/1 +Running +0 /);
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get pod lonely').stdout, /lonely +0\/1 +Running +0 /);
	assert.match(run(shell, 'kubectl get pod happy').stdout, /happy +1\/1 +Running +0 /);
	assert.match(run(shell, 'kubectl describe pod lonely').stdout, /Warning +Unhealthy +.* +kubelet +Readiness probe failed: HTTP probe failed with statuscode: 404\n/);
	const endpoints = JSON.parse(run(shell, 'kubectl get endpoints front -o json').stdout);
	const ips = (kind: string) => (endpoints.subsets?.[0]?.[kind] ?? []).map((a: any) => a.targetRef.name);
	assert.deepEqual(ips('addresses'), ['happy']);
	assert.deepEqual(ips('notReadyAddresses'), ['lonely']);
	// Readiness never restarts anything.
	assert.match(run(shell, 'kubectl get pod lonely').stdout, /lonely +0\/1 +Running +0 /);
});

test('exec probes read the container\'s own files; tcpSocket needs a listener; a startup probe holds liveness back', () => {
	const exec = pod('exec', '  - name: main\n    image: busybox:1.37\n    command: ["sleep", "3600"]\n    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/healthy"]\n      periodSeconds: 5\n');
	const tcp = pod('tcp', '  - name: main\n    image: nginx:1.27\n    readinessProbe:\n      tcpSocket:\n        port: 6379\n      periodSeconds: 5\n');
	const startup = pod('slow', '  - name: main\n    image: nginx:1.27\n    startupProbe:\n      httpGet:\n        path: /nope\n        port: 80\n      periodSeconds: 10\n      failureThreshold: 3\n    livenessProbe:\n      httpGet:\n        path: /\n        port: 80\n');
	const shell = sandboxShell({files: {'exec.yaml': exec, 'tcp.yaml': tcp, 'slow.yaml': startup}});
	for (const f of ['exec', 'tcp', 'slow']) run(shell, `kubectl apply -f ${f}.yaml`);
	run(shell, 'sleep 45');
	const ip = (name: string) => JSON.parse(run(shell, `kubectl get pod ${name} -o json`).stdout).status.podIP;
	assert.match(run(shell, 'kubectl describe pod exec').stdout, /Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/);
	assert.match(run(shell, 'kubectl describe pod exec').stdout, /\n {4}Liveness: {7}exec \[cat \/tmp\/healthy\] delay=0s timeout=1s period=5s #success=1 #failure=3\n/);
	assert.match(run(shell, 'kubectl describe pod tcp').stdout, /\n {4}Readiness: {6}tcp-socket :6379 delay=0s timeout=1s period=5s #success=1 #failure=3\n/);
	assert.match(run(shell, 'kubectl describe pod tcp').stdout, new RegExp(`Readiness probe failed: dial tcp ${ip('tcp').replace(/\./g, '\\.')}:6379: connect: connection refused\n`));
	const slow = run(shell, 'kubectl describe pod slow').stdout;
	assert.match(slow, /Startup probe failed: HTTP probe failed with statuscode: 404\n/);
	assert.match(slow, /Container main failed startup probe, will be restarted\n/);
	assert.doesNotMatch(slow, /Liveness probe failed/);
	const started = JSON.parse(run(shell, 'kubectl get pod slow -o json').stdout).status.containerStatuses[0];
	assert.equal(started.started, false);
});
