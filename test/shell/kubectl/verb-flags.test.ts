// Each kubectl command takes its own flags (kubectl 1.32's --help) plus the global options: a flag
// another command has is still refused here, in kubectl's words, before anything is sent to the
// server. The real kubectl on PATH is the yardstick where present: these errors need no server.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

// kubectl's flag error (cmd/util/templates FlagErrorFunc: "%s\nSee '%s --help' for usage.", then
// cmdutil.CheckErr's "error: " prefix).
const refused: [string, string][] = [
	['kubectl get pods --replicas=3', "error: unknown flag: --replicas\nSee 'kubectl get --help' for usage.\n"],
	['kubectl get po -p', "error: unknown shorthand flag: 'p' in -p\nSee 'kubectl get --help' for usage.\n"],
	['kubectl logs web -x', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl logs --help' for usage.\n"],
	['kubectl create configmap x --bogus', "error: unknown flag: --bogus\nSee 'kubectl create configmap --help' for usage.\n"],
	['kubectl rollout status deploy/x --replicas=2', "error: unknown flag: --replicas\nSee 'kubectl rollout status --help' for usage.\n"],
	['kubectl scale deploy/x --image=nginx', "error: unknown flag: --image\nSee 'kubectl scale --help' for usage.\n"],
	['kubectl config set-context --current --foo', "error: unknown flag: --foo\nSee 'kubectl config set-context --help' for usage.\n"],
];

test('a flag the command does not have is refused with kubectl’s error, even when another command has it', () => {
	const shell = sandboxShell();
	for (const [line, expected] of refused) {
		const result = run(shell, line);
		assert.equal(result.exitCode, 1, line);
		assert.equal(result.stderr, expected, line);
	}
});

test('a command’s own shorthands and the global options are taken', () => {
	const shell = sandboxShell();
	for (const line of ['kubectl logs -p -c web web', 'kubectl get pods -n default -o wide', 'kubectl get pods --request-timeout=5s', 'kubectl exec -it web -- ls']) {
		assert.doesNotMatch(run(shell, line).stderr, /unknown (shorthand )?flag/, line);
	}
});

const realKubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'});
const skip = realKubectl.status === 0 ? false : 'no kubectl on PATH: the comparison with the real client was not run';
if (skip) console.log(`# skipped: ${skip}`);

test('the same errors as the real kubectl on PATH', {skip}, () => {
	for (const [line] of refused) {
		const real = spawnSync('kubectl', line.split(' ').slice(1), {encoding: 'utf8', env: {...process.env, KUBECONFIG: '/dev/null'}});
		// Some kubectl builds (the gcloud dispatcher) print cobra's "Error:" instead of CheckErr's "error:".
		assert.equal(real.stderr.replace(/^Error: /, 'error: '), refused.find(([l]) => l === line)![1], line);
		assert.equal(real.status, 1, line);
	}
});
