// The UI's pure parts: prompt reducer, paste-as-stdin, layout, change tracking, text width, selectors.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {computeLayout} from '../../source/ui/layout.ts';
import {highlightMs, litCells, trackChanges} from '../../source/ui/pane/change-tracker.ts';
import {clusterView, podStatusText} from '../../source/ui/pane/selectors/cluster.ts';
import {dockerView, kubeletContainerName} from '../../source/ui/pane/selectors/docker.ts';
import {recentEvents, shortObject} from '../../source/ui/pane/selectors/events.ts';
import {hostView} from '../../source/ui/pane/selectors/host.ts';
import {xrayView} from '../../source/ui/pane/selectors/xray.ts';
import {initialPrompt, lineToRun, needsMoreLines, promptReducer, splitPaste, type PromptAction} from '../../source/ui/prompt/prompt-state.ts';
import {fit, textWidth, truncate, wrapLine} from '../../source/ui/text-width.ts';

const edit = (value: string, cursor: number, ...actions: PromptAction[]) => actions.reduce(promptReducer, {...initialPrompt(), value, cursor});

test('prompt: Ctrl-W deletes the word before the cursor, as bash does', () => {
	assert.deepEqual(pick(edit('kubectl get pods', 16, {type: 'deleted-word-back'})), ['kubectl get ', 12]);
	assert.deepEqual(pick(edit('kubectl get   ', 14, {type: 'deleted-word-back'})), ['kubectl ', 8]);
	assert.deepEqual(pick(edit('a b', 1, {type: 'deleted-word-back'})), [' b', 0]);
});

test('prompt: Ctrl-U / Ctrl-K kill to the start / end; home and end move within the line', () => {
	assert.deepEqual(pick(edit('echo hello', 5, {type: 'killed-to-start'})), ['hello', 0]);
	assert.deepEqual(pick(edit('echo hello', 5, {type: 'killed-to-end'})), ['echo ', 5]);
	assert.deepEqual(pick(edit('one\ntwo', 6, {type: 'moved-home'})), ['one\ntwo', 4]);
	assert.deepEqual(pick(edit('one\ntwo', 1, {type: 'moved-end'})), ['one\ntwo', 3]);
});

test('prompt: cursor moves over a whole emoji or CJK character', () => {
	assert.deepEqual(pick(edit('a😀', 3, {type: 'moved-left'})), ['a😀', 1]);
	assert.deepEqual(pick(edit('a😀', 3, {type: 'deleted-back'})), ['a', 1]);
	assert.deepEqual(pick(edit('你好', 0, {type: 'moved-right'}, {type: 'deleted-forward'})), ['你', 1]);
});

test('prompt: history keeps the draft and skips repeats', () => {
	let s = initialPrompt();
	for (const line of ['ls', 'ls', 'ps']) s = promptReducer(promptReducer(s, {type: 'inserted', text: line}), {type: 'submitted'});
	assert.deepEqual(s.history, ['ls', 'ps']);
	s = promptReducer(s, {type: 'inserted', text: 'dra'});
	s = promptReducer(s, {type: 'history-back'});
	assert.equal(s.value, 'ps');
	s = promptReducer(promptReducer(s, {type: 'history-back'}), {type: 'history-back'});
	assert.equal(s.value, 'ls');
	s = promptReducer(promptReducer(s, {type: 'history-forward'}), {type: 'history-forward'});
	assert.equal(s.value, 'dra');
});

test('prompt: a paste keeps its lines, with \\r turned into \\n', () => {
	const s = promptReducer(initialPrompt(), {type: 'inserted', text: 'a\r\nb\rc'});
	assert.equal(s.value, 'a\nb\nc');
});

test('a pasted block after `-f -` or `cat > file` becomes a here-document', () => {
	assert.equal(lineToRun('kubectl apply -f -\napiVersion: v1\nkind: Pod\n'), "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nEOF");
	assert.equal(lineToRun('cat > pod.yaml\nkind: Pod'), "cat > pod.yaml <<'EOF'\nkind: Pod\nEOF");
	assert.equal(lineToRun('kubectl apply -f -\nEOF\nx'), "kubectl apply -f - <<'EOF1'\nEOF\nx\nEOF1", 'a marker that is not in the text');
	assert.equal(lineToRun('echo a\necho b'), 'echo a\necho b', 'other pastes run line by line');
	assert.equal(lineToRun('cat <<EOF\nx\nEOF'), 'cat <<EOF\nx\nEOF', 'a typed heredoc is left alone');
});

test('layout: 80x24 fits with every region, below the minimum it does not', () => {
	const layout = computeLayout(80, 24, {hasLesson: true, promptLines: 1});
	assert.ok(layout.fits);
	if (!layout.fits) return;
	assert.equal(layout.lesson!.width + layout.pane.width, 80);
	assert.equal(layout.pane.height + layout.shell.height + layout.status.height, 24);
	assert.ok(layout.lesson!.width >= 30 && layout.pane.width >= 40, 'both panes readable');
	assert.ok(layout.shell.height >= 6);
	assert.equal(computeLayout(60, 24, {hasLesson: true, promptLines: 1}).fits, false);
	const pasted = computeLayout(80, 24, {hasLesson: false, promptLines: 10});
	assert.ok(pasted.fits && pasted.shell.height > 8 && pasted.pane.height >= 9, 'a paste grows the shell, not past the pane');
});

test('change tracking: a changed cell is lit for a moment; a new scope lights nothing', () => {
	const first = trackChanges(undefined, 'cluster', new Map([['pod:a|status', 'Pending']]), 0);
	assert.equal(litCells(first, 0).size, 0);
	const second = trackChanges(first, 'cluster', new Map([['pod:a|status', 'Running'], ['pod:b|status', 'Pending']]), 1000);
	assert.deepEqual([...litCells(second, 1000)].sort(), ['pod:a|status', 'pod:b|status']);
	assert.equal(litCells(second, 1000 + highlightMs).size, 0);
	const other = trackChanges(second, 'host', new Map([['x|y', '1']]), 1500);
	assert.equal(litCells(other, 1500).size, 0);
});

test('manual clock fires interval and one-shot timers in order', () => {
	const clock = manualClock();
	const fired: string[] = [];
	clock.every(250, () => fired.push(`tick@${clock.now()}`));
	clock.after(400, () => fired.push(`once@${clock.now()}`));
	clock.advance(600);
	assert.deepEqual(fired, ['tick@250', 'once@400', 'tick@500']);
});

test('text width: CJK takes two cells; fit and wrap respect that', () => {
	assert.equal(textWidth('你好 a'), 6);
	assert.equal(fit('你好', 5), '你好 ');
	assert.equal(truncate('kubia-manual', 6), 'kubia…');
	assert.deepEqual(wrapLine('容器是进程容器是进程', 8), ['容器是进', '程容器是', '进程']);
	assert.deepEqual(wrapLine('push the image to the registry', 12), ['push the', 'image to the', 'registry']);
});

const pod = (name: string, image = 'luksa/kubia') => ({apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec: {containers: [{name: 'main', image}]}}) as unknown as KubeObject;

test('cluster selector: nodes, requests, pods per node with kubectl STATUS', () => {
	let world = produce(createSandboxWorld(), w => {
		createObject(w, pod('kubia'));
	});
	let view = clusterView(world)!;
	assert.deepEqual(view.nodes.map(n => n.name), ['control-plane', 'worker-1', 'worker-2', 'worker-3']);
	assert.equal(view.unscheduled[0]?.name, 'kubia');
	assert.equal(view.unscheduled[0]?.status, 'Pending');
	assert.ok(view.nodes.every(n => n.ready && n.cpuAllocatableMilli === 2000));
	assert.equal(view.nodes[0]!.cpuRequestedMilli, 850); // the control plane's static pods and the two coredns pods
	world = tick(world, 40_000);
	view = clusterView(world)!;
	const kubia = view.nodes.flatMap(n => n.pods).find(p => p.name === 'kubia')!;
	assert.equal(kubia.status, 'Running');
	assert.equal(`${kubia.ready}/${kubia.containers}`, '1/1');
	assert.match(kubia.node!, /^worker-/);
	assert.equal(podStatusText({...world.cluster!.store.pods.get('default/kubia')!, metadata: {...world.cluster!.store.pods.get('default/kubia')!.metadata, deletionTimestamp: 'x'}}), 'Terminating');
});

test('x-ray of a pod: the timeline names the scheduler and the kubelet', () => {
	const world = tick(
		produce(createSandboxWorld(), w => {
			createObject(w, pod('kubia'));
		}),
		40_000,
	);
	const xray = xrayView(world, 'pod:default/kubia')!;
	const timeline = xray.sections.find(s => s.title.startsWith('timeline'))!.lines.join('\n');
	assert.match(timeline, /default-scheduler: Scheduled/);
	assert.match(timeline, /kubelet\/worker-\d: Started/);
	assert.equal(xrayView(world, 'pod:default/nope'), null);
});

test('host selector: processes grouped by pid namespace, the host first', () => {
	const view = hostView(createSandboxWorld(), 'host-1')!;
	assert.equal(view.groups[0]!.isHost, true);
	assert.ok(view.groups[0]!.processes.some(p => p.pid === 1));
	assert.equal(hostView(createSandboxWorld(), 'nope'), null);
});

test('docker selector: the learner\'s hosts first, kubelet containers named by pod', () => {
	const view = dockerView(createSandboxWorld());
	assert.deepEqual(view.hosts.slice(0, 2).map(h => h.host), ['host-1', 'host-2']);
	assert.ok(view.hosts.slice(2).every(h => h.clusterNode));
	assert.equal(kubeletContainerName('k8s_kubia_kubia-7x2kq_default_0f1e_0'), 'kubia-7x2kq/kubia');
	assert.equal(kubeletContainerName('k8s_POD_kubia-7x2kq_default_0f1e_0'), 'kubia-7x2kq/pause');
	assert.equal(kubeletContainerName('web'), 'web');
});

test('events: newest last, objects shortened in the default namespace', () => {
	const world = tick(produce(createSandboxWorld(), w => void createObject(w, pod('kubia'))), 5000);
	const rows = recentEvents(world, 3);
	assert.equal(rows.length, 3);
	assert.ok(rows[0]!.seq < rows[2]!.seq);
	assert.equal(shortObject('pod/default/kubia'), 'pod/kubia');
	assert.equal(shortObject('pod/kube-system/etcd'), 'pod/kube-system/etcd');
});

function pick(s: {value: string; cursor: number}) {
	return [s.value, s.cursor];
}

test('Enter continues a here-document until its end word, and a line ending in a backslash', () => {
	assert.equal(needsMoreLines('cat <<EOF'), true);
	assert.equal(needsMoreLines('cat <<EOF\nkind: Pod'), true);
	assert.equal(needsMoreLines('cat <<EOF\nkind: Pod\nEOF'), false);
	assert.equal(needsMoreLines("kubectl apply -f - <<'END'\na\nEND"), false);
	assert.equal(needsMoreLines('docker run \\'), true);
	assert.equal(needsMoreLines('echo a'), false);
});

test('a paste runs the lines it completes and keeps an unfinished last line', () => {
	assert.deepEqual(splitPaste('', 'echo a\necho b\n'), {run: 'echo a\necho b', keep: ''});
	assert.deepEqual(splitPaste('', 'echo a\necho b'), {run: 'echo a', keep: 'echo b'});
	assert.deepEqual(splitPaste('', 'kubectl apply -f - <<EOF\nkind: Pod\nEOF'), {run: 'kubectl apply -f - <<EOF\nkind: Pod\nEOF', keep: ''}, 'the end word arrived');
	assert.deepEqual(splitPaste('', 'kubectl apply -f - <<EOF\nkind: Pod\n'), {keep: 'kubectl apply -f - <<EOF\nkind: Pod\n'}, 'still waiting for EOF');
	assert.deepEqual(splitPaste('echo ', 'hi'), {keep: 'echo hi'}, 'a one-line paste is only typed');
	assert.deepEqual(splitPaste('for i in 1 2; do', '\necho $i\n'), {keep: 'for i in 1 2; do\necho $i\n'}, 'a loop waits for its done');
	assert.equal(needsMoreLines('echo "open'), true);
	assert.equal(needsMoreLines('kubectl get pods |'), true);
});
