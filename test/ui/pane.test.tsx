import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {simClockText} from '../../source/ui/pane/selectors/events.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

const kubiaPod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'kubia'}, spec: {containers: [{name: 'kubia', image: 'luksa/kubia'}]}} as unknown as KubeObject;

function worldWithKubia() {
	return produce(createSandboxWorld(), w => {
		createObject(w, kubiaPod);
	});
}

const lineWith = (frame: string, text: string) => frame.split('\n').find(l => l.includes(text)) ?? '';

test('the cluster depth shows control plane health, nodes and their pods', async () => {
	const ui = renderUi(dashboard(sandboxController()).element, {columns: 120, rows: 40});
	const frame = await ui.waitFor(f => f.includes('worker-3') && f.includes('etcd ✓'), 'nodes and components');
	assert.match(frame, /apiserver ✓ +scheduler ✓ +ctrl-mgr ✓/);
	// etcd 100m + apiserver 250m + controller-manager 200m + scheduler 100m + 2 coredns x 100m, as on kubeadm.
	assert.match(lineWith(frame, ' control-plane '), /Ready +\S+ +850m\/2/, 'CPU requested of allocatable');
	assert.match(frame, /^ +kube-proxy-\w+ +Running +1\/1/m, 'pods under their node with ready count');
	assert.match(frame, /─ events ─/);
});

test('a pod going Running lights its row for a moment, and the event names the kubelet', async () => {
	const controller = sandboxController(worldWithKubia());
	const {element, clock} = dashboard(controller);
	const ui = renderUi(element, {columns: 120, rows: 40});
	await ui.waitFor(f => /kubia +Pending/.test(f), 'kubia waiting for the scheduler');
	const seen = new Set<string>();
	for (let i = 0; i < 60 && !/kubia +Running/.test(ui.frame()); i++) {
		const before = controller.snapshot().world.time;
		clock.advance(1000);
		await ui.waitFor(f => f.includes(`sim ${simClockText(before + 1000)}`), 'the next second drawn');
		seen.add(lineWith(ui.frame(), 'kubia   ').replace(/^\W*kubia\s+/, '').split(/\s+/)[0]!);
	}
	assert.ok(seen.has('ContainerCreating'), `saw ContainerCreating on the way (saw ${[...seen].join(', ')})`);
	const frame = await ui.waitFor(f => /kubia +Running/.test(f), 'kubia Running');
	assert.match(lineWith(frame, 'kubia   '), /^\*/, 'the changed row is marked');
	assert.match(frame, /kubelet\/worker-\d Started pod\/kubia/);
	ui.press(keys.alt('p'));
	await ui.waitForText('paused');
	clock.advance(2500);
	await ui.waitFor(f => /^ +kubia +Running/m.test(f), 'the mark gone after the moment');
});

test('select a pod with the keyboard and open its x-ray timeline', async () => {
	const world = tick(worldWithKubia(), 40_000);
	const {element} = dashboard(sandboxController(world));
	const ui = renderUi(element, {columns: 120, rows: 40});
	await ui.waitForText('kubia');
	ui.press(keys.alt('x'));
	await ui.waitFor(f => /^▸/m.test(f), 'a selected row');
	for (let i = 0; i < 20 && !lineWith(ui.frame(), '▸').includes('kubia'); i++) {
		const before = lineWith(ui.frame(), '▸');
		ui.press(keys.down);
		await ui.waitFor(f => lineWith(f, '▸') !== before, 'the selection moved');
	}
	assert.match(lineWith(ui.frame(), '▸'), /kubia/);
	ui.press(keys.enter);
	const xray = await ui.waitForText('x-ray: pod/kubia');
	assert.match(xray, /timeline: who did what/);
	assert.match(xray, /default-scheduler: Scheduled/);
	assert.match(xray, /node worker-\d/);
	ui.press(keys.escape);
	await ui.waitFor(f => !f.includes('x-ray') && f.includes('─ cluster'), 'back to the pane');
});

test('the host depth groups processes by namespace and shows cgroups', async () => {
	const ui = renderUi(dashboard(sandboxController()).element, {columns: 100, rows: 36});
	await ui.waitForText('─ cluster');
	ui.press(keys.alt('1'));
	const frame = await ui.waitForText('host host-1');
	assert.match(frame, /■ host namespaces \(pid 4026531836\)/);
	assert.match(frame, /│ 1 +\S*init/);
	assert.match(frame, /-bash/);
});

test('the docker depth shows hosts, images with layers, and the registry', async () => {
	const ui = renderUi(dashboard(sandboxController()).element, {columns: 100, rows: 40});
	await ui.waitForText('─ cluster');
	ui.press(keys.alt('2'));
	const frame = await ui.waitForText('registry docker.io');
	assert.match(frame, /host-1 +dockerd running/);
	assert.match(frame, /─ docker · \d+ hosts/);
});

test('time: speed, pause and a single step, shown in the status bar', async () => {
	const controller = sandboxController();
	const {element, clock} = dashboard(controller);
	const ui = renderUi(element);
	await ui.waitForText('▶ 1x');
	const start = controller.snapshot().world.time;
	clock.advance(1000);
	await ui.waitFor(() => controller.snapshot().world.time === start + 1000, 'one second at 1x');
	ui.press(keys.alt('f'));
	await ui.waitForText('▶ 5x');
	clock.advance(1000);
	await ui.waitFor(() => controller.snapshot().world.time === start + 6000, 'five more at 5x');
	ui.press(keys.alt('f'));
	await ui.waitForText('▶ 20x');
	ui.press(keys.alt('p'));
	await ui.waitForText('⏸ paused');
	clock.advance(5000);
	assert.equal(controller.snapshot().world.time, start + 6000, 'nothing moves while paused');
	ui.press(keys.alt('t'));
	await ui.waitFor(() => controller.snapshot().world.time === start + 7000, 'a single step is one second');
	// Esc then the key is Alt-key, for terminals that do not send Alt.
	ui.press(keys.escape);
	await ui.waitForText('keys: Alt');
	ui.type('p');
	await ui.waitForText('▶ 20x');
});

test('keys faster than frames still count: Alt-f twice in one read is 20x', async () => {
	const ui = renderUi(dashboard(sandboxController()).element);
	await ui.waitForText('▶ 1x');
	ui.type(keys.alt('f') + keys.alt('f'));
	await ui.waitForText('▶ 20x');
});
