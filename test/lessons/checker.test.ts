import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {ensureCgroup} from '../../source/engine/host/cgroups.ts';
import {createNamespace} from '../../source/engine/host/namespaces.ts';
import {spawnProcess} from '../../source/engine/host/processes.ts';
import {recordEvent} from '../../source/engine/events.ts';
import {checkSchema} from '../../source/lessons/checks/check-schema.ts';
import {runCheck, type CheckResult} from '../../source/lessons/checks/checker.ts';
import type {CommandRecord} from '../../source/lessons/selectors/history.ts';
import {lineUses} from '../../source/lessons/selectors/history.ts';
import type {ShellState} from '../../source/shell/types.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

function check(yamlish: unknown, state: ShellState, extra: {commands?: CommandRecord[]; since?: number; locale?: 'en' | 'zh-CN'; unmet?: Record<string, string>} = {}): CheckResult {
	return runCheck(checkSchema.parse(yamlish), {
		world: state.world,
		session: state.session,
		host: 'host-1',
		commands: extra.commands ?? [],
		sinceEventSeq: extra.since ?? 0,
		locale: extra.locale ?? 'en',
		unmetTexts: extra.unmet,
	});
}

test('pod: phase, node and restarts, with plain-words reasons while unmet', () => {
	const shell = sandboxShell();
	assert.deepEqual(check({pod: {name: 'kubia', phase: 'Running'}}, shell.state).unmet, ['there is no pod kubia']);
	run(shell, 'kubectl run kubia --image=luksa/kubia --port=8080');
	const pending = check({pod: {name: 'kubia', phase: 'Running'}}, shell.state);
	assert.equal(pending.passed, false);
	assert.match(pending.unmet[0]!, /^the pod kubia is \w+, not Running$/);
	run(shell, 'sleep 30');
	assert.deepEqual(check({pod: {name: 'kubia', phase: 'Running', restarts: 0, containers: 1}}, shell.state), {passed: true, unmet: []});
	const node = shell.state.world.cluster!.store.pods.get('default/kubia')!.spec.nodeName as string;
	const other = ['worker-1', 'worker-2', 'worker-3'].find(n => n !== node)!;
	assert.deepEqual(check({pod: {name: 'kubia', node: other}}, shell.state).unmet, [`the pod kubia is on ${node}, not ${other}`]);
	assert.equal(check({pod: {selector: {run: 'kubia'}, phase: 'Running'}}, shell.state).passed, true);
});

test('object fields and counts by selector', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run kubia --image=luksa/kubia --port=8080');
	assert.equal(check({object: {resource: 'pod', name: 'kubia', fields: {'spec.containers.0.image': 'luksa/kubia'}}}, shell.state).passed, true);
	assert.deepEqual(check({object: {resource: 'pods', name: 'kubia', fields: {'spec.containers.0.image': 'nginx'}}}, shell.state).unmet, [
		'the pod kubia has spec.containers.0.image = "luksa/kubia", not "nginx"',
	]);
	assert.equal(check({count: {resource: 'nodes', is: 4}}, shell.state).passed, true);
	assert.deepEqual(check({count: {resource: 'pods', selector: {run: 'kubia'}, is: {atLeast: 3}}}, shell.state).unmet, ['there is 1 pod with run=kubia (wanted: at least 3)']);
	assert.equal(check({node: {name: 'worker-1', ready: true}}, shell.state).passed, true);
	assert.equal(check({component: {name: 'kube-scheduler', running: true}}, shell.state).passed, true);
});

test('docker: containers, images, registry and shared layers', () => {
	const shell = sandboxShell();
	assert.deepEqual(check({container: {name: 'web', state: 'running'}}, shell.state).unmet, ['there is no container web on host-1']);
	run(shell, 'docker run -d --name web nginx');
	assert.equal(check({container: {name: 'web', state: 'running'}}, shell.state).passed, true);
	assert.equal(check({container: {image: 'nginx'}}, shell.state).passed, true);
	assert.equal(check({image: {ref: 'nginx'}}, shell.state).passed, true);
	assert.equal(check({image: {ref: 'nginx:latest'}}, shell.state).passed, true);
	assert.deepEqual(check({image: {ref: 'kubia'}}, shell.state).unmet, ['there is no image kubia on host-1']);
	assert.equal(check({image: {ref: 'nginx', registry: true}}, shell.state).passed, true);
	assert.equal(check({layers: {images: ['nginx', 'nginx:latest']}}, shell.state).passed, true);
});

test('host: processes in namespaces of their own, cgroup values, hostnames, files', () => {
	const shell = sandboxShell();
	const state = shell.state;
	assert.deepEqual(check({process: {command: 'sleep 1000', ownNamespaces: ['pid']}}, state).unmet, ['no process running "sleep 1000" on host-1']);
	const world = produce(state.world, w => {
		const host = w.hosts.get('host-1')!;
		const pidNs = createNamespace(host, 'pid', 1, {parentId: host.initNamespaces.pid});
		const uts = createNamespace(host, 'uts', 1, {hostname: 'box'});
		spawnProcess(w, host, {parentPid: 1, command: 'sleep 1000', namespaces: {pid: pidNs.id, uts: uts.id}, cgroup: '/demo'});
		ensureCgroup(host, '/demo').memoryMax = 100 * 1024 * 1024;
	});
	const next = {...state, world};
	assert.equal(check({process: {command: 'sleep 1000', ownNamespaces: ['pid', 'uts'], pidInside: 1, cgroup: 'demo'}}, next).passed, true);
	assert.deepEqual(check({process: {command: 'sleep 1000', ownNamespaces: ['net']}}, next).unmet, ['the process "sleep 1000" is still in the host\'s net namespace']);
	assert.equal(check({cgroup: {path: '/demo', memoryMax: 104857600, processes: 1}}, next).passed, true);
	assert.deepEqual(check({cgroup: {path: 'demo', pidsMax: 20}}, next).unmet, ['the cgroup demo has pids.max = max, not 20']);
	assert.equal(check({hostname: {is: 'box'}}, next).passed, true);
	assert.deepEqual(check({hostname: {is: 'box', where: 'host'}}, next).unmet, ['the hostname of the host is not box (it is host-1)']);
	run(shell, 'echo hi > /root/a.txt');
	assert.equal(check({file: {path: '/root/a.txt', contains: 'hi'}}, shell.state).passed, true);
	assert.equal(check({file: {path: '/root/a.txt', equals: 'hi'}}, shell.state).passed, true);
	assert.deepEqual(check({file: {path: '/root/a.txt', exists: false}}, shell.state).unmet, ['the file /root/a.txt exists on host-1']);
});

test('events count only after the step began; commands only those typed in the step', () => {
	const shell = sandboxShell();
	const world = produce(shell.state.world, w => {
		recordEvent(w, {type: 'Warning', component: 'kernel', reason: 'OOMKilled', object: 'process/host-1/42', message: 'Killed process 42 (stress)'});
	});
	const state = {...shell.state, world};
	assert.equal(check({event: {reason: 'OOMKilled', component: 'kernel'}}, state, {since: shell.state.world.eventSeq}).passed, true);
	assert.deepEqual(check({event: {reason: 'OOMKilled'}}, state, {since: world.eventSeq}).unmet, ['no event OOMKilled happened yet']);
	const commands = [
		{line: 'docker build -t kubia .', exitCode: 1},
		{line: 'cd app && kubectl get pods -o wide', exitCode: 0},
	];
	assert.equal(check({command: {used: 'kubectl get pods'}}, state, {commands}).passed, true);
	assert.equal(check({command: {used: 'docker build'}}, state, {commands}).passed, true);
	assert.deepEqual(check({command: {used: 'docker build', succeeded: true}}, state, {commands}).unmet, ['you have not run docker build successfully yet']);
	assert.equal(check({command: {used: '/get\\s+po/'}}, state, {commands}).passed, true);
	assert.equal(lineUses('kubectl describe pod', 'kubectl get'), false);
	assert.equal(lineUses('echo kubectl get', 'kubectl get'), false);
});

test('all, any and not combine; labels take the author\'s own words; Chinese messages', () => {
	const shell = sandboxShell();
	run(shell, 'echo hi > /root/a.txt');
	const both = {all: [{file: {path: '/root/a.txt'}}, {file: {path: '/root/b.txt'}, label: 'b'}]};
	assert.deepEqual(check(both, shell.state).unmet, ['there is no file /root/b.txt on host-1']);
	assert.deepEqual(check(both, shell.state, {unmet: {b: 'write b.txt too'}}).unmet, ['write b.txt too']);
	assert.equal(check({any: [{file: {path: '/root/b.txt'}}, {file: {path: '/root/a.txt'}}]}, shell.state).passed, true);
	assert.deepEqual(check({not: {file: {path: '/root/a.txt'}}}, shell.state).unmet, ['the file /root/a.txt exists on host-1, and it should not be']);
	assert.deepEqual(check({file: {path: '/root/b.txt'}}, shell.state, {locale: 'zh-CN'}).unmet, ['host-1 上没有文件 /root/b.txt']);
});

test('shell: where the learner is', () => {
	const shell = sandboxShell();
	assert.equal(check({shell: {inside: 'login', host: 'host-1'}}, shell.state).passed, true);
	assert.deepEqual(check({shell: {inside: 'container'}}, shell.state).unmet, ['your shell is in login (host-1), not in container (host-1)']);
});

test('pod: a pod stuck in ImagePullBackOff says so after the author\'s words, since waiting will not help (en, zh-CN)', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run kubia --image=luksa/kubai');
	run(shell, 'sleep 20');
	const unmet = {'kubia-running': 'the pod kubia is not Running yet (`sleep 10` lets virtual time pass)'};
	const spec = {pod: {name: 'kubia', phase: 'Running'}, label: 'kubia-running'};
	assert.deepEqual(check(spec, shell.state, {unmet}).unmet, ['the pod kubia is not Running yet (`sleep 10` lets virtual time pass); now ImagePullBackOff: `kubectl describe pod kubia` says why']);
	assert.match(check({pod: {name: 'kubia', phase: 'Running'}}, shell.state).unmet[0]!, /^the pod kubia is Pending, not Running; now (ErrImagePull|ImagePullBackOff): `kubectl describe pod kubia` says why$/);
	assert.match(check(spec, shell.state, {locale: 'zh-CN', unmet: {'kubia-running': 'Pod kubia 还没有进入 Running'}}).unmet[0]!, /^Pod kubia 还没有进入 Running；现在是 ImagePullBackOff：`kubectl describe pod kubia` 会说明原因$/);
	// Only a check that is not about the waiting reason itself: `waiting: ImagePullBackOff` is met, not stuck.
	assert.equal(check({pod: {name: 'kubia', waiting: 'ImagePullBackOff'}}, shell.state).passed, true);
	run(shell, 'kubectl set image pod/kubia kubia=luksa/kubia');
	run(shell, 'sleep 1');
	assert.doesNotMatch(check(spec, shell.state, {unmet}).unmet[0] ?? '', /now/, 'pulling the right image: waiting helps again');
});
