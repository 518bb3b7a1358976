import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {createCommandTable} from '../../source/shell/command-table.ts';
import {complete} from '../../source/shell/completion.ts';
import {closestWord, suggestCommand, suggestResource} from '../../source/shell/did-you-mean.ts';
import {simulatorLineInChinese} from '../../source/i18n/simulator-lines.ts';
import {createShellState} from '../../source/shell/session.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import type {CommandSpec} from '../../source/shell/types.ts';

const spec = (name: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({name, summary: name, run: () => ({stdout: '', exitCode: 0}), ...extra});
const commands = createCommandTable([
	spec('kubectl', {subcommands: ['get', 'describe', 'delete', 'apply', 'logs', 'exec'], flags: ['--namespace', '--output', '-o', '-n']}),
	spec('docker', {subcommands: ['run', 'ps', 'images', 'push', 'pull', 'stop']}),
	spec('echo'),
	spec('exit'),
	spec('export'),
	spec('ssh'),
]);

function state() {
	const world = produce(createSandboxWorld(), w => {
		createObject(w, {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'kubia-manual'}, spec: {containers: [{name: 'k', image: 'luksa/kubia'}]}} as unknown as KubeObject);
		createObject(w, {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'kubia-liveness'}, spec: {containers: [{name: 'k', image: 'luksa/kubia'}]}} as unknown as KubeObject);
	});
	return createShellState(world, learnerHost);
}

const at = (line: string) => complete(line, line.length, {commands, state: state()});

test('a unique command name completes with a space', () => {
	assert.deepEqual(at('ech'), {value: 'echo ', cursor: 5, candidates: []});
});

test('several matches: the common prefix and the list', () => {
	const result = at('ex');
	assert.equal(result.value, 'ex');
	assert.deepEqual(result.candidates, ['exit', 'export']);
});

test('subcommands, resource types and object names from the world', () => {
	assert.equal(at('kubectl desc').value, 'kubectl describe ');
	// pods and poddisruptionbudgets share "pod", as on a real cluster: Tab completes the common part.
	assert.equal(at('kubectl get po').value, 'kubectl get pod');
	assert.deepEqual(at('kubectl get po').candidates, ['poddisruptionbudgets', 'pods']);
	assert.equal(at('kubectl get depl').value, 'kubectl get deployments ');
	const names = at('kubectl describe pods kubia-');
	assert.deepEqual(names.candidates, ['kubia-liveness', 'kubia-manual']);
	assert.equal(at('kubectl describe pods kubia-m').value, 'kubectl describe pods kubia-manual ');
	assert.equal(at('kubectl logs kubia-l').value, 'kubectl logs kubia-liveness ');
	assert.equal(at('kubectl get nodes worker-').candidates.length, 3);
});

test('flags, and completion inside a pipeline', () => {
	assert.deepEqual(at('kubectl get pods --name').value, 'kubectl get pods --namespace ');
	assert.equal(at('echo hi | ec').value, 'echo hi | echo ');
});

test('ssh completes host names; nothing to complete leaves the line alone', () => {
	assert.equal(at('ssh worker-1').value, 'ssh worker-1 ');
	assert.equal(at('ssh host-').candidates.join(' '), 'host-1 host-2');
	assert.deepEqual(at('zzz'), {value: 'zzz', cursor: 3, candidates: []});
});

test('completion in the middle of a line keeps what follows the cursor', () => {
	const line = 'kubectl desc pods';
	const result = complete(line, 'kubectl desc'.length, {commands, state: state()});
	assert.equal(result.value, 'kubectl describe pods');
});

test('did you mean: close typos, not unrelated words', () => {
	assert.equal(suggestCommand('kubeclt', ['kubectl', 'docker', 'echo']), "[simulator] did you mean 'kubectl'?");
	assert.equal(suggestCommand('dokcer', ['kubectl', 'docker']), "[simulator] did you mean 'docker'?");
	assert.equal(suggestCommand('kubectx', ['kubectl']), "[simulator] did you mean 'kubectl'?");
	assert.equal(suggestCommand('vim', ['kubectl', 'docker', 'echo']), undefined);
	assert.equal(closestWord('ls', ['ps', 'cd']), undefined, 'two letters: no guess');
	assert.equal(closestWord('sl', ['ls', 'ps']), 'ls', 'but a swapped pair is a typo');
	assert.equal(suggestResource('podz'), "[simulator] did you mean 'pods'?");
	assert.equal(suggestResource('deploymnet'), "[simulator] did you mean 'deployment'?");
	assert.equal(suggestResource('pods'), undefined);
});

test('kubectl -n completes namespaces, and a flag value is not taken for a resource', () => {
	assert.deepEqual(at('kubectl get pods -n kube-').value, 'kubectl get pods -n kube-');
	assert.ok(at('kubectl get pods -n kube-').candidates.includes('kube-system'));
	assert.equal(at('kubectl -n default get depl').value, 'kubectl -n default get deployments ');
});

test('docker run and pull complete from the registry too', () => {
	assert.equal(at('docker run ngi').value, 'docker run nginx ');
	assert.ok(at('docker pull nginx:1.').candidates.includes('nginx:1.27'));
});

// Tab offers a verb's own flags from the spec its --help prints (kubectl's verb-flags.ts, docker's
// help-texts.ts): not one hand-written list for every verb.
test('kubectl and docker complete the flags of the verb typed, as their --help lists them', () => {
	const learner = createSimulation().commands;
	const ctx = {commands: learner, state: state()};
	const offered = (line: string) => {
		const result = complete(line, line.length, ctx);
		return result.candidates.length > 0 ? result.candidates : [result.value.slice(line.length - line.split(' ').pop()!.length).trim()];
	};
	assert.deepEqual(offered('kubectl logs --prev'), ['--previous']);
	assert.ok(offered('kubectl logs --').includes('--kubeconfig'), 'the global flags too');
	assert.ok(!offered('kubectl get --').includes('--previous'), 'get has no --previous');
	assert.deepEqual(offered('kubectl create deployment web --rep'), ['--replicas']);
	assert.deepEqual(offered('docker run --resta'), ['--restart']);
	assert.deepEqual(offered('docker logs --tim'), ['--timestamps']);
	assert.ok(!offered('docker ps --').includes('--restart'), 'ps has no --restart');
	assert.deepEqual(offered('docker volume create --dri'), ['--driver']);
	assert.deepEqual(offered('docker --deb'), ['--debug']);
});

test('the did-you-mean hint after "command not found" is marked as the simulator\'s (bash prints none) and has its Chinese', () => {
	// The learner's runtime adds it (test/cli/plain-mode.test.ts plays it in the built program).
	assert.match(suggestCommand('kubeclt', ['kubectl']) ?? '', /^\[simulator\] /);
	assert.equal(simulatorLineInChinese("[simulator] did you mean 'kubectl'?"), "[模拟器] 你是不是想输入 'kubectl'？");
});
