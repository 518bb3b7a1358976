// What the pane says is true to the world (issue 13 §5): counts in the titles take a singular
// ("1 container"), an event names the image that was pushed (learner/kubia, not kubia), and
// chapter 3's throttled group shows its CPU use against the quota, not the quota alone; a VM
// shows its state (chapter 1), new namespaces their colours (chapter 2), a written file an event (chapter 0).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {paneObject} from '../../source/ui/pane/event-stream.ts';
import {cgroupLabel, cpuText, hostDepth} from '../../source/ui/pane/host-depth.ts';
import {hostView} from '../../source/ui/pane/selectors/host.ts';
import {eventsForDepth, recentEvents} from '../../source/ui/pane/selectors/events.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {makeTheme} from '../../source/ui/theme.tsx';
import {messages} from '../../source/i18n/catalog.ts';
import {join} from 'node:path';
import {produce} from 'immer';
import {chapterStartShell} from '../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {runAll, sandboxShell} from '../helpers/shell.ts';

const enPane = messages('en').ui.pane;

test('pane titles: one container, two containers', () => {
	assert.equal(enPane.dockerTitle(1, 1), 'docker · 1 host · 1 container');
	assert.equal(enPane.dockerTitle(2, 0), 'docker · 2 hosts · 0 containers');
	assert.equal(enPane.clusterTitle('k', 1, 1), 'cluster k · 1 node · 1 pod');
	assert.equal(enPane.hostTitle('h', 4, '8Gi', 1), 'host h · 4 cpu · 8Gi · 1 process');
	assert.equal(enPane.hostTitle('h', 4, '8Gi', 7), 'host h · 4 cpu · 8Gi · 7 processes');
	assert.equal(enPane.registryCounts(1, 1), '1 repository · 1 layer');
});

test('an event names an image by its whole name; other objects lose their host or namespace', () => {
	assert.equal(paneObject('image/learner/kubia:latest'), 'image/learner/kubia:latest');
	assert.equal(paneObject('image/kubia:latest'), 'image/kubia:latest');
	assert.equal(paneObject('pod/default/web'), 'pod/web');
	assert.equal(paneObject('process/host-1/17'), 'process/17');
	assert.equal(paneObject('cgroup/host-1/jail'), 'cgroup/jail');
});

test('chapter 3: a throttled group shows CPU used against its quota, and limited groups come first', () => {
	const shell = sandboxShell();
	runAll(shell, ['mkdir /sys/fs/cgroup/half', 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max', 'echo $$ > /sys/fs/cgroup/half/cgroup.procs', 'stress --cpu 2 &', 'sleep 5']);
	const model = hostDepth(shell.state.world, 'host-1', {width: 43, height: 14, theme: makeTheme(false), text: enPane});
	const lines = model.rows.map(r => r.cells.map(c => c.text).join(''));
	assert.match(lines[0]!, /^cgroup +memory +cpu +pids/, 'the cgroups first, in view at 80x24');
	const half = lines.find(l => l.startsWith('/half'))!;
	assert.match(half, / 50\/50% /, 'two burners held to half of one CPU: 50% used of a 50% quota');
	const cpuCell = model.rows.find(r => r.key === 'cgroup:host-1/half')!.cells.find(c => c.cell === 'cpu')!;
	assert.equal(cpuCell.bold, true, 'throttled: the cell stands out');
	assert.ok(lines.every(l => textWidth(l) <= 42), 'fits the pane at 80x24');
	assert.deepEqual(cpuText({cpuQuotaCores: 'max', cpuDemandCores: 2}, 4), {text: '200%', throttled: false});
	assert.deepEqual(cpuText({cpuQuotaCores: 0.5, cpuDemandCores: 0.2}, 4), {text: '20/50%', throttled: false});
});

test('chapter 1: a VM is named with its state in the host list, not by its qemu path (en, zh-CN)', () => {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 1)!;
	const runtime = lessonRuntime(chapter);
	let shell = chapterStartShell(chapter);
	shell = runLine(shell, 'multipass launch --name vm-d --memory 256M', runtime).state;
	for (const [text, word] of [[enPane, 'VM'], [messages('zh-CN').ui.pane, '虚拟机']] as const) {
		const model = hostDepth(shell.world, 'host-1', {width: 43, height: 14, theme: makeTheme(false), text});
		const lines = model.rows.map(r => r.cells.map(c => c.text).join(''));
		assert.ok(lines.some(l => l.includes(`qemu · ${word} vm-d Running`)), lines.join('\n'));
	}
	const starting = produce(shell.world, w => void (w.hosts.get('host-1')!.vms.get('vm-d')!.state = 'starting'));
	const lines = hostDepth(starting, 'host-1', {width: 43, height: 14, theme: makeTheme(false), text: enPane}).rows.map(r => r.cells.map(c => c.text).join(''));
	assert.ok(lines.some(l => l.includes('qemu · VM vm-d Starting')));
});

test('chapter 2: a shell in a new UTS or net namespace gets a group and a colour of its own', () => {
	const shell = sandboxShell();
	runAll(shell, ['unshare --uts bash', 'hostname box']);
	const view = hostView(shell.state.world, 'host-1')!;
	const uts = view.groups.find(g => g.ownKinds.join() === 'uts');
	assert.ok(uts, view.groups.map(g => g.key).join(' | '));
	assert.equal(uts.hostname, 'box');
	assert.notEqual(uts.colorIndex, view.groups[0]!.colorIndex);
	runAll(shell, ['exit', 'unshare --net bash']);
	const net = hostView(shell.state.world, 'host-1')!.groups.find(g => g.ownKinds.join() === 'net');
	assert.ok(net, 'a net namespace of its own');
	const lines = hostDepth(shell.state.world, 'host-1', {width: 43, height: 30, theme: makeTheme(false), text: enPane}).rows.map(r => r.cells.map(c => c.text).join(''));
	assert.ok(lines.includes('■ own net'), lines.join('\n'));
});

test('chapter 0: a file the learner writes shows in the events (once, when it is created)', () => {
	const shell = sandboxShell();
	runAll(shell, ['echo hello > /root/hello.txt', 'echo again >> /root/hello.txt', 'echo gone > /dev/null']);
	const created = shell.state.world.events.filter(e => e.reason === 'FileCreated');
	assert.deepEqual(created.map(e => [e.component, e.object, e.message]), [['bash', 'file/host-1/root/hello.txt', '/root/hello.txt (6 bytes)']]);
	const rows = recentEvents(shell.state.world, 3, eventsForDepth('host', 'host-1'));
	assert.ok(rows.some(r => r.reason === 'FileCreated'), 'in the host pane\'s events');
});

test('the cgroup header fits the pane at 80x24 in both languages', () => {
	const shell = sandboxShell();
	runAll(shell, ['mkdir /sys/fs/cgroup/half', 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max']);
	for (const text of [enPane, messages('zh-CN').ui.pane]) {
		const header = hostDepth(shell.state.world, 'host-1', {width: 43, height: 14, theme: makeTheme(false), text}).rows[0]!;
		assert.ok(textWidth(header.cells.map(c => c.text).join('')) <= 42, header.cells.map(c => c.text).join(''));
	}
});

test('the cgroup list shows top-level groups and limited ones, not every service group cut to /system…', () => {
	const shell = sandboxShell();
	runAll(shell, ['mkdir /sys/fs/cgroup/half', 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max', 'docker run -d --name limited --memory 64m nginx']);
	const paths = hostView(shell.state.world, 'host-1')!.cgroups.map(c => c.path);
	assert.ok(paths.includes('/half') && paths.includes('/system.slice'), paths.join(' '));
	assert.ok(paths.some(p => /^\/system\.slice\/docker-.*\.scope$/.test(p)), 'a container with a limit keeps its own row');
	assert.ok(!paths.some(p => /\.service$/.test(p)), `services count in /system.slice: ${paths.join(' ')}`);
});

test("at 80x24 a container's cgroup is named by its short id, not cut to /system…", () => {
	const shell = sandboxShell();
	runAll(shell, ['mkdir /sys/fs/cgroup/half', 'echo "50000 100000" > /sys/fs/cgroup/half/cpu.max', 'docker run -d --name limited --memory 64m nginx']);
	const id = runAll(shell, ['docker inspect -f "{{.Id}}" limited']).results[0]!.stdout.trim();
	for (const text of [enPane, messages('zh-CN').ui.pane]) {
		const rows = hostDepth(shell.state.world, 'host-1', {width: 43, height: 20, theme: makeTheme(false), text}).rows;
		const lines = rows.filter(r => r.key === 'cgroups' || r.key.startsWith('cgroup:')).map(r => r.cells.map(c => c.text).join(''));
		assert.ok(lines.every(l => textWidth(l) <= 42), lines.join('\n'));
		assert.ok(!lines.some(l => l.startsWith('/system…')), lines.join('\n'));
		assert.ok(lines.some(l => l.startsWith(`docker-${id.slice(0, 7)}`) || l.startsWith(`…/docker-${id.slice(0, 5)}`)), lines.join('\n'));
		const memory = lines.find(l => /docker-/.test(l))!;
		assert.match(memory, / \S+\/64Mi /, 'used against the limit');
		assert.match(lines.find(l => l.startsWith('/system.slice'))!, /^\/system\.slice /);
	}
	// At 140x40 there is room for the usage bar and the whole short id.
	const wide = hostDepth(shell.state.world, 'host-1', {width: 69, height: 30, theme: makeTheme(false), text: enPane}).rows.map(r => r.cells.map(c => c.text).join(''));
	assert.match(wide.find(l => l.includes('docker-'))!, new RegExp(`^…/docker-${id.slice(0, 12)} +[█░]{6} \\S+/64Mi `));
});

test('a top-level cgroup too long for the column is cut at its end (/system…), a nested one keeps its last part (playtest, chapter 3)', () => {
	assert.equal(cgroupLabel('/system.slice', 8), '/system…');
	assert.equal(cgroupLabel('/init.scope', 8), '/init…');
	assert.equal(cgroupLabel('/demo', 8), '/demo');
	assert.equal(cgroupLabel('/system.slice/docker-9d3fb64afebe0123456789.scope', 22), '…/docker-9d3fb64afebe');
});
