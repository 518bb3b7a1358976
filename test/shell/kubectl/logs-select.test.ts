// kubectl logs and exec on TYPE/NAME (kubectl picks one pod: "Found N pods, using pod/X"), with a
// selector (the last 10 lines of each pod unless --tail), --prefix, --all-containers, and the
// "Defaulted container" note when a pod has several containers.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const duo = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
  labels: {app: duo}
spec:
  containers:
  - {name: main, image: nginx}
  - {name: side, image: nginx}
EOF`;

test('logs of a Deployment use one of its pods and say which; -l with --prefix shows every pod', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'sleep 30');
	const one = run(shell, 'kubectl logs deploy/web');
	assert.match(one.stderr, /^Found 2 pods, using pod\/web-\w+-\w+\n$/);
	assert.match(one.stdout, /Configuration complete; ready for start up/);
	const all = run(shell, 'kubectl logs -l app=web --prefix').stdout.split('\n').filter(Boolean);
	const pods = new Set(all.map(line => /^\[pod\/(web-\w+-\w+)\/nginx\] /.exec(line)?.[1]));
	assert.equal(pods.size, 2, all.join('\n'));
	assert.ok(!pods.has(undefined));
	assert.equal(run(shell, 'kubectl logs -l app=web --tail=1').stdout.split('\n').filter(Boolean).length, 2);
	assert.equal(run(shell, 'kubectl logs -l app=nothing').stderr, 'No resources found in default namespace.\n');
	assert.equal(run(shell, 'kubectl logs deploy/nothere').stderr, 'Error from server (NotFound): deployments.apps "nothere" not found\n');
});

test('a pod with two containers: kubectl says which it defaulted to; --all-containers reads both', () => {
	const shell = sandboxShell();
	run(shell, duo);
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl logs duo').stderr, 'Defaulted container "main" out of: main, side\n');
	assert.equal(run(shell, 'kubectl logs duo -c side').stderr, '');
	const both = run(shell, 'kubectl logs duo --all-containers --prefix');
	assert.equal(both.stderr, '');
	assert.match(both.stdout, /^\[pod\/duo\/main\] /m);
	assert.match(both.stdout, /^\[pod\/duo\/side\] /m);
	assert.equal(run(shell, 'kubectl exec duo -- hostname').stderr, 'Defaulted container "main" out of: main, side\n');
	assert.equal(run(shell, 'kubectl exec duo -- hostname').text, 'Defaulted container "main" out of: main, side\nduo\n', 'the note first, as on the terminal (playtest, chapter 8)');
	assert.match(run(shell, 'kubectl logs duo').text, /^Defaulted container "main" out of: main, side\n/);
});

test('kubectl logs POD CONTAINER: the second argument names the container, as in kubectl 1.32', () => {
	const shell = sandboxShell();
	run(shell, duo);
	run(shell, 'sleep 30');
	const inline = run(shell, 'kubectl logs duo side');
	assert.equal(inline.stderr, '', 'no "Defaulted container" note: the container was named');
	assert.equal(inline.stdout, run(shell, 'kubectl logs duo -c side').stdout);
	assert.equal(run(shell, 'kubectl logs duo nope').stderr, 'error: container nope is not valid for pod duo\n');
	assert.equal(run(shell, 'kubectl logs duo side -c main').stderr, 'error: only one of -c or an inline [CONTAINER] arg is allowed\n');
	assert.equal(run(shell, 'kubectl logs duo side extra').stderr, "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
	assert.equal(run(shell, 'kubectl logs').exitCode, 1);
	assert.equal(run(shell, 'kubectl logs duo -l app=duo').stderr, "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
	assert.equal(run(shell, 'kubectl logs duo side --all-containers').stderr, 'error: --all-containers=true should not be specified with container name side\n');
});

test('of several pods kubectl picks the one ready the longest (the oldest), not the newest (as the real kubectl 1.32 through the endpoint does)', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=1');
	run(shell, 'sleep 30');
	const first = run(shell, 'kubectl get pods -o name').stdout.trim();
	run(shell, 'kubectl scale deployment web --replicas=3');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl logs deploy/web').stderr, `Found 3 pods, using ${first}\n`);
});
