// With --lang zh-CN the pane's own titles, headers and labels and the x-ray's sections speak
// Chinese (kubectl's status words stay), and the wide characters keep every line at 80 cells.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {xrayView} from '../../source/ui/pane/selectors/xray.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';
import {messages} from '../../source/i18n/catalog.ts';

afterEach(cleanupUi);

const kubiaPod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'kubia'}, spec: {containers: [{name: 'kubia', image: 'luksa/kubia'}]}} as unknown as KubeObject;
const worldWithKubia = () =>
	tick(
		produce(createSandboxWorld(), w => {
			createObject(w, kubiaPod);
		}),
		40_000,
	);

/** Every line at most 80 cells, and the lesson/pane divider in one column on every line of the top region. */
function assertFits(frame: string, what: string) {
	const lines = frame.split('\n');
	for (const line of lines) assert.ok(textWidth(line) <= 80, `${what}: a line wider than 80 cells: ${line}`);
	const dividers = new Set(lines.filter(l => l.includes('│')).map(l => textWidth(l.slice(0, l.indexOf('│')))));
	assert.equal(dividers.size, 1, `${what}: the divider moves (${[...dividers].join(', ')}):\n${frame}`);
	const status = lines[lines.length - 1]!.trimEnd();
	assert.ok(/模拟 \d+:\d\d$/.test(status) && textWidth(status) === 79, `${what}: the status bar keeps its clock at the right edge: ${status}`);
}

test('zh-CN at 80x24: each depth’s title, headers and labels are Chinese and fit', async () => {
	const controller = sandboxController(worldWithKubia(), fakeLesson(baseLessonView({paneDepth: 'cluster', chapterTitle: '镜像与镜像仓库', text: '用 `docker push` 把 **kubia** 推送到镜像仓库。'})));
	const ui = renderUi(dashboard(controller, {locale: 'zh-CN'}).element);
	let frame = await ui.waitFor(f => f.includes('─ 集群 '), 'the cluster depth');
	assert.match(frame, /节点 +状态 +CPU 请求/, 'node columns');
	assert.match(frame, /Running|Ready/, 'kubectl’s status words stay');
	assertFits(frame, 'cluster');
	ui.press(keys.alt('2'));
	frame = await ui.waitFor(f => f.includes('镜像仓库 docker.io'), 'the docker depth');
	assert.match(frame, /host-1 +dockerd 运行中/);
	assert.match(frame, /─ docker · \d+ 台主机 · \d+ 个容器/);
	assertFits(frame, 'docker');
	ui.press(keys.alt('1'));
	frame = await ui.waitFor(f => f.includes('─ 主机 host-1'), 'the host depth');
	assert.match(frame, /主机命名空间 \(pid \d+\)/);
	assert.doesNotMatch(frame, /host namespaces|processes|dockerd running/);
	assertFits(frame, 'host');
});

test('zh-CN: the x-ray’s title and section titles are Chinese, its lines wrapped to the pane', async () => {
	const controller = sandboxController(worldWithKubia());
	const ui = renderUi(dashboard(controller, {locale: 'zh-CN'}).element, {columns: 80, rows: 40});
	await ui.waitForText('kubia');
	ui.press(keys.alt('x'));
	await ui.waitFor(f => /^▸/m.test(f), 'a selected row');
	for (let i = 0; i < 20 && !/^▸.*kubia/m.test(ui.frame()); i++) {
		const before = ui.frame();
		ui.press(keys.down);
		await ui.waitFor(f => f !== before, 'the selection moved');
	}
	ui.press(keys.enter);
	const frame = await ui.waitForText('透视: pod/kubia');
	for (const title of ['位置', '容器', '时间线：谁做了什么']) assert.match(frame, new RegExp(`^ ?${title}$`, 'm'), title);
	assert.match(frame, /节点 worker-\d +IP /);
	assert.match(frame, /default-scheduler: Scheduled/, 'the events stay as the components wrote them');
	for (const line of frame.split('\n')) assert.ok(textWidth(line) <= 80, `fits: ${line}`);
});

test('xrayView speaks the language it is given and English by default', () => {
	const world = worldWithKubia();
	const titles = (view: ReturnType<typeof xrayView>) => view!.sections.map(s => s.title);
	assert.deepEqual(titles(xrayView(world, 'pod:default/kubia')), ['where', 'containers', 'on the node', 'timeline: who did what']);
	assert.deepEqual(titles(xrayView(world, 'pod:default/kubia', messages('zh-CN').ui.xray)), ['位置', '容器', '在节点上', '时间线：谁做了什么']);
	const node = xrayView(world, 'node:worker-1', messages('zh-CN').ui.xray)!;
	assert.equal(node.sections[0]!.title, '可分配与已请求');
	assert.match(node.sections[0]!.lines[0]!, /^CPU \S+ \/ \S+$/);
});
