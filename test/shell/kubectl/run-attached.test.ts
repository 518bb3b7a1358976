// kubectl run -it: the terminal attaches to the new pod's container; leaving says how to attach
// again (kubectl 1.32's words) and, with --rm, deletes the pod.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('run --rm -it: a shell in the pod, then the pod is deleted when the shell exits', () => {
	const shell = sandboxShell();
	const started = run(shell, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
	assert.equal(started.stdout, "If you don't see a command prompt, try pressing enter.\n", started.text);
	assert.equal(run(shell, 'hostname').stdout, 'tmp\n');
	const left = run(shell, 'exit');
	assert.equal(left.stdout, "exit\nSession ended, resume using 'kubectl attach tmp -c tmp -n default -i -t' command\npod \"tmp\" deleted\n");
	assert.equal(run(shell, 'kubectl get pod tmp').stderr, 'Error from server (NotFound): pods "tmp" not found\n');
});

test('run -it without --rm keeps the pod; kubectl\'s checks of -t, --rm and --dry-run', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run keep -it --image=busybox -- sh');
	assert.equal(run(shell, 'exit').stdout, "exit\nSession ended, resume using 'kubectl attach keep -c keep -n default -i -t' command\n");
	assert.equal(run(shell, 'kubectl get pod keep -o name').stdout, 'pod/keep\n');
	assert.equal(run(shell, 'kubectl run x --image=busybox -t').stderr, 'error: -i/--stdin is required for containers with -t/--tty=true\n');
	assert.equal(run(shell, 'kubectl run x --image=busybox --rm').stderr, 'error: --rm should only be used for attached containers\n');
	assert.equal(run(shell, 'kubectl run x --image=busybox -it --dry-run=client').stderr, "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
});
