// Issue 15, findings 4, 5 and 8 in pods: a container's `sh -c` loop runs in virtual time and
// writes through an emptyDir volume that another container of the pod reads (the book's fortune
// pod); a pod's containers have separate filesystems otherwise; a script's exit code is the
// container's; kubectl exec finds programs in the image as docker exec does.
//   runc: exec: "%s": executable file not found in $PATH
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const fortune = `apiVersion: v1
kind: Pod
metadata:
  name: fortune
spec:
  containers:
  - image: busybox
    name: html-generator
    command: ["sh", "-c", "while true; do date >> /var/htdocs/index.html; sleep 10; done"]
    volumeMounts:
    - name: html
      mountPath: /var/htdocs
  - image: nginx
    name: web-server
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
      readOnly: true
  volumes:
  - name: html
    emptyDir: {}
`;

test("an emptyDir is shared by the pod's containers; the generator's loop fills it every 10 s", () => {
	const shell = sandboxShell({files: {'fortune.yaml': fortune}});
	run(shell, 'kubectl apply -f fortune.yaml');
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get pod fortune').stdout, /fortune +2\/2 +Running +0/);
	const page = run(shell, 'kubectl exec fortune -c web-server -- cat /usr/share/nginx/html/index.html').stdout.trim().split('\n');
	const before = page.length;
	assert.ok(before >= 2, page.join('\n'));
	run(shell, 'sleep 20');
	assert.equal(run(shell, 'kubectl exec fortune -c web-server -- cat /usr/share/nginx/html/index.html').stdout.trim().split('\n').length, before + 2);
	// Outside the shared volume, each container has its own filesystem.
	const separate = run(shell, 'kubectl exec fortune -c html-generator -- ls /usr/share/nginx');
	assert.notEqual(separate.exitCode, 0);
	assert.equal(run(shell, 'kubectl exec fortune -c html-generator -- ls /var/htdocs').stdout, 'index.html\n');
	// busybox ps in the generator: the loop is PID 1, its sleep a child.
	assert.match(run(shell, 'kubectl exec fortune -c html-generator -- ps').stdout, /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sh -c while true; do date >> \/var\/htdocs\/index.html; sleep 10; done\n {3}\s*\d+ root {6}0:00 sleep 10\n/);
	// nginx has no ps, under kubectl exec as under docker exec.
	assert.match(run(shell, 'kubectl exec fortune -c web-server -- ps').stderr, /exec: "ps": executable file not found in \$PATH: unknown\n$/);
});

test("a pod's script logs as it runs and its exit code is the container's", () => {
	const shell = sandboxShell();
	run(shell, "kubectl run counter --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo tick $i; sleep 1; done; exit 3'");
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl logs counter').stdout, 'tick 1\ntick 2\ntick 3\n');
	assert.match(run(shell, 'kubectl get pod counter').stdout, /counter +0\/1 +Error +0/);
	assert.match(run(shell, 'kubectl describe pod counter').stdout, /Exit Code: +3/);
});
