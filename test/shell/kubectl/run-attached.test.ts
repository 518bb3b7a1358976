// kubectl run -it: the terminal attaches to the new pod's container. Texts as the real kubectl
// 1.32.5 printed them through the tutor's API endpoint: the reattach line only for restartPolicy
// Always (attach.go's reattachMessage), then --rm's delete.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('run --rm -it --restart=Never: a shell in the pod, deleted when the shell exits, with no reattach line', () => {
	const shell = sandboxShell();
	const started = run(shell, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
	assert.equal(started.stdout, "If you don't see a command prompt, try pressing enter.\n", started.text);
	assert.equal(run(shell, 'hostname').stdout, 'tmp\n');
	const left = run(shell, 'exit');
	assert.equal(left.stdout, 'exit\npod "tmp" deleted\n');
	assert.equal(run(shell, 'kubectl get pod tmp').stderr, 'Error from server (NotFound): pods "tmp" not found\n');
});

test('run -it (restartPolicy Always) says how to attach again; without --rm the pod stays', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run keep -it --image=busybox -- sh');
	assert.equal(run(shell, 'exit').stdout, "exit\nSession ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n");
	assert.equal(run(shell, 'kubectl get pod keep -o name').stdout, 'pod/keep\n');
	run(shell, 'kubectl run gone --rm -it --image=busybox');
	assert.equal(run(shell, 'exit').stdout, "exit\nSession ended, resume using 'kubectl attach gone -c gone -i -t' command when the pod is running\npod \"gone\" deleted\n");
});

test('run -it with a command that is not a shell shows its output and ends with it, as kubectl does', () => {
	const shell = sandboxShell();
	const once = run(shell, 'kubectl run once --rm -it --image=busybox --restart=Never -- echo hello');
	assert.equal(once.stdout, "If you don't see a command prompt, try pressing enter.\nhello\npod \"once\" deleted\n", once.text);
	assert.equal(once.exitCode, 0);
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n', 'the prompt is back on the host, not inside the finished container');
	const failed = run(shell, "kubectl run bad -it --image=busybox --restart=Never -- sh -c 'exit 3'");
	assert.equal(failed.exitCode, 3, 'with restartPolicy Never kubectl exits with the container\'s status');
	const again = run(shell, 'kubectl run again --rm -it --image=busybox -- echo hi');
	assert.equal(again.stdout, "If you don't see a command prompt, try pressing enter.\nhi\nSession ended, resume using 'kubectl attach again -c again -i -t' command when the pod is running\npod \"again\" deleted\n");
});

test('run -it of a server is followed, not entered: its output, then a [simulator] line', () => {
	const shell = sandboxShell();
	const web = run(shell, 'kubectl run web -it --image=nginx');
	assert.match(web.stdout, /Configuration complete; ready for start up/);
	assert.match(web.stderr, /^\[simulator\] still attached to web: .*kubectl delete pod web stops it\)\n$/);
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n');
	assert.equal(run(shell, 'kubectl get pod web -o jsonpath={.status.phase}').stdout, 'Running');
});

test('kubectl\'s checks of -t, --rm and --dry-run', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl run x --image=busybox -t').stderr, 'error: -i/--stdin is required for containers with -t/--tty=true\n');
	assert.equal(run(shell, 'kubectl run x --image=busybox --rm').stderr, 'error: --rm should only be used for attached containers\n');
	assert.equal(run(shell, 'kubectl run x --image=busybox -it --dry-run=client').stderr, "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
});
