// kubectl describe's "Pod Template:" section, whitespace and all. The expected text was printed by
// the real kubectl 1.32 against this world through the API endpoint (k8s-tutor sandbox --api): its
// tabwriter aligns consecutive "Label:" lines on the longest label, and a line without a value
// (Command:, a container's name) ends the block. The conformance test compares with spaces
// normalised, so the alignment is pinned here.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tick} from '../../../source/engine/tick.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function described(lines: string[], name: string): string {
	const shell = sandboxShell();
	for (const line of lines) assert.equal(run(shell, line).exitCode, 0, line);
	shell.state = {...shell.state, world: tick(shell.state.world, 30_000)};
	const out = run(shell, `kubectl describe deployment ${name}`).stdout;
	return out.slice(out.indexOf('Pod Template:'), out.indexOf('Conditions:'));
}

test('a template without a command: Image lines up with Node-Selectors, and Tolerations follows', () => {
	assert.equal(
		described(['kubectl create deployment kubia --image=luksa/kubia:1.0'], 'kubia'),
		['Pod Template:', '  Labels:  app=kubia', '  Containers:', '   kubia:', '    Image:         luksa/kubia:1.0', '    Port:          <none>', '    Host Port:     <none>', '    Environment:   <none>', '    Mounts:        <none>', '  Volumes:         <none>', '  Node-Selectors:  <none>', '  Tolerations:     <none>', ''].join('\n'),
	);
});

test('a command ends the first block: Image to Host Port align among themselves', () => {
	assert.equal(
		described(['kubectl create deployment sl --image=busybox -- sleep 3600'], 'sl'),
		['Pod Template:', '  Labels:  app=sl', '  Containers:', '   busybox:', '    Image:      busybox', '    Port:       <none>', '    Host Port:  <none>', '    Command:', '      sleep', '      3600', '    Environment:   <none>', '    Mounts:        <none>', '  Volumes:         <none>', '  Node-Selectors:  <none>', '  Tolerations:     <none>', ''].join('\n'),
	);
});

test('the Deployment itself carries its revision, as the real controller writes it', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment kubia --image=luksa/kubia:1.0');
	shell.state = {...shell.state, world: tick(shell.state.world, 5_000)};
	assert.match(run(shell, 'kubectl get deployment kubia -o yaml').stdout, /annotations:\n    deployment\.kubernetes\.io\/revision: "1"/);
	run(shell, 'kubectl set image deployment/kubia kubia=luksa/kubia:2.0');
	shell.state = {...shell.state, world: tick(shell.state.world, 5_000)};
	assert.match(run(shell, 'kubectl describe deployment kubia').stdout, /^Annotations:\s+deployment\.kubernetes\.io\/revision: 2$/m);
});
