import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {powerOnHost} from '../../../source/engine/host/power.ts';
import {killProcess} from '../../../source/engine/host/processes.ts';
import type {World} from '../../../source/engine/world.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function restartTimes(w: World, pod: string): number[] {
	return w.events.filter(e => e.object === `pod/default/${pod}` && e.reason === 'Started').map(e => e.time);
}

test('a container killed from the host is noticed by the kubelet and restarted', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	const world = shell.state.world;
	const runtime = world.cluster!.podRuntimes.get('default/web')!;
	const pid = runtime.containers[0]!.pid!;
	assert.match(world.hosts.get(runtime.node)!.processes.get(pid)!.command, /nginx/);
	shell.state = {...shell.state, world: produce(world, w => void killProcess(w.hosts.get(runtime.node)!, pid))};
	run(shell, 'sleep 8');
	assert.match(run(shell, 'kubectl get pod web').stdout, /web +1\/1 +Running +1 \(\d+s ago\)/);
	const status = JSON.parse(run(shell, 'kubectl get pod web -o json').stdout).status.containerStatuses[0];
	assert.equal(status.lastState.terminated.exitCode, 137);
});

test('CrashLoopBackOff: restarts after 10 s, 20 s, 40 s, 80 s (doubling) and a container that exits 0 shows Completed first', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run crasher --image=busybox:1.37 -- sh -c "exit 1"');
	run(shell, 'sleep 200');
	const starts = restartTimes(shell.state.world, 'crasher');
	const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]!) / 1000));
	// Each gap: the container's short run (one 1 s slice), then the back-off: at once the first
	// time, then 10 s doubling.
	assert.deepEqual(gaps.slice(0, 5), [1, 10, 20, 40, 80].map(g => g + 1), `gaps ${gaps}`);
	assert.match(run(shell, 'kubectl get pod crasher').stdout, /crasher +0\/1 +(CrashLoopBackOff|Error) +5 /);
	assert.match(run(shell, 'kubectl describe pod crasher').stdout, /Warning +BackOff .*Back-off restarting failed container crasher in pod crasher_default\(/);
	run(shell, 'kubectl run once --image=busybox --restart=Never -- echo hello');
	run(shell, 'sleep 10');
	assert.match(run(shell, 'kubectl get pod once').stdout, /once +0\/1 +Completed +0 /);
	assert.equal(run(shell, 'kubectl logs once').stdout, 'hello\n');
});

test('image pull back-off doubles from 10 s to at most 5 minutes, and the Events read as the real ones', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run typo --image=nginxx');
	run(shell, 'sleep 900');
	const pulls = shell.state.world.events.filter(e => e.object === 'pod/default/typo' && e.reason === 'Pulling').map(e => e.time);
	const gaps = pulls.slice(1).map((t, i) => Math.round((t - pulls[i]!) / 1000));
	// Each gap: the failed pull (1.2 s, seen at the next 1 s slice), ErrImagePull shown 1 s, then the back-off.
	assert.deepEqual(gaps.slice(0, 6), [10, 20, 40, 80, 160, 300].map(g => g + 3), `gaps ${gaps}`);
	const text = run(shell, 'kubectl describe pod typo').stdout;
	assert.match(text, /Failed to pull image "nginxx": rpc error: code = Unknown desc = Error response from daemon: pull access denied for nginxx, repository does not exist or may require 'docker login'/);
	assert.match(text, /Normal +BackOff .*Back-off pulling image "nginxx"/);
	assert.match(text, /Warning +Failed .*Error: ImagePullBackOff/);
});

test('every change is recorded with the component that made it', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx');
	run(shell, 'sleep 30');
	const components = new Set(shell.state.world.events.filter(e => e.time > 60_000).map(e => e.component.replace(/\/worker-\d$/, '/NODE')));
	for (const who of ['deployment-controller', 'replicaset-controller', 'default-scheduler', 'kubelet/NODE']) assert.ok(components.has(who), `${who} in ${[...components]}`);
});

test('a node that reboots gets a new sandbox for its pods (SandboxChanged) and their containers run again', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	const node = run(shell, 'kubectl get pod web -o wide').stdout.match(/worker-\d/)![0];
	run(shell, `ssh ${node} poweroff`);
	run(shell, 'sleep 20');
	shell.state = {...shell.state, world: produce(shell.state.world, w => void powerOnHost(w, node))};
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get pod web').stdout, /web +1\/1 +Running +1 /);
	assert.match(run(shell, 'kubectl describe pod web').stdout, /SandboxChanged +.*Pod sandbox changed, it will be killed and re-created\./);
	run(shell, `ssh ${node}`);
	assert.match(run(shell, 'ps aux').stdout, /\/pause/);
});
