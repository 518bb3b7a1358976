// The dashboard's own words, in each language the tutor speaks. Technical data (kubectl
// columns, object names) stays as the real tools print it.
import {createContext, useContext} from 'react';
import type {Locale} from '../app/app-options.ts';
import type {PaneDepth} from '../app/lesson-view.ts';
import {promptLimit} from './prompt/prompt-state.ts';
import type {Incomplete} from '../shell/syntax/ast.ts';

/** The pane's own labels and headers (status words such as Running or Ready stay kubectl's). */
export type PaneText = {
	depth: Record<PaneDepth, string>;
	scroll: (at: number, of: number) => string;
	clusterTitle: (name: string, nodes: number, pods: number) => string;
	noCluster: string;
	nodeColumns: {node: string; status: string; cpu: string; memory: string; pods: string};
	noPods: string;
	notScheduled: (n: number) => string;
	more: (n: number) => string;
	dockerTitle: (hosts: number, containers: number) => string;
	noDockerHost: string;
	registry: (host: string) => string;
	registryCounts: (repositories: number, layers: number) => string;
	clusterNode: string;
	dockerd: (running: boolean) => string;
	noImages: string;
	writable: (files: number) => string;
	hostTitle: (name: string, cpus: number, memory: string, processes: number) => string;
	noHost: (name: string) => string;
	hostNamespaces: (pidNamespace: number) => string;
	ownNamespaces: (kinds: string) => string;
	cgroupColumns: {cgroup: string; memory: string; cpu: string; pids: string};
	/** A qemu process in the host list: the VM it runs and its state (Starting, Running...). */
	vmProcess: (name: string, state: string) => string;
};

/** The x-ray's section titles and the tutor's words inside them (ids, commands, states stay as the tools print them). */
export type XrayText = {
	heading: string;
	gone: string;
	noEvents: string;
	timeline: string;
	whoDidWhat: string;
	where: string;
	placed: (node: string | undefined, ip: string, namespace: string) => string;
	containers: string;
	restarts: (n: number) => string;
	requests: string;
	onTheNode: string;
	pauseHolds: (pid: string) => string;
	podTitle: (name: string, status: string, ready: string) => string;
	allocatable: string;
	cpuOf: (requested: string, allocatable: string) => string;
	memoryOf: (requested: string, allocatable: string) => string;
	pods: (n: number) => string;
	containerTitle: (name: string, id: string, state: string) => string;
	namespacesOf: (pid: string) => string;
	notRunning: string;
	cgroup: string;
	filesystem: string;
	writableLayer: (files: number, size: string) => string;
	imageTitle: (tag: string, where: string) => string;
	id: string;
	alsoTagged: (tags: string) => string;
	layers: string;
	sharedWith: (sharers: string) => string;
	processTitle: (pid: number, host: string, command: string) => string;
	namespaces: string;
	sharedWithHost: string;
	itsOwn: string;
	processGone: (pid: number) => string;
	memory: string;
	resident: (size: string) => string;
	inContainer: (id: string) => string;
	cgroupTitle: (path: string, host: string) => string;
	limitsAndUsage: string;
	noLimits: string;
	memoryUsage: (used: string, limit?: string) => string;
	cpuLimit: (cores?: number) => string;
	pidsUsage: (pids: number, max?: number) => string;
	oomKills: (n: number) => string;
};

/** "1 container", "2 containers": the pane's titles count in English words. */
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export const enPane: PaneText = {
	depth: {host: 'host', docker: 'docker', cluster: 'cluster'},
	scroll: (at, of) => ` ↑↓ scroll (${at}/${of})`,
	clusterTitle: (name, nodes, pods) => `cluster ${name} · ${plural(nodes, 'node')} · ${plural(pods, 'pod')}`,
	noCluster: 'No cluster in this world yet.',
	nodeColumns: {node: 'NODE', status: 'STATUS', cpu: 'CPU req', memory: 'MEM req', pods: 'PODS'},
	noPods: 'no pods',
	notScheduled: n => `not scheduled (${n})`,
	more: n => `… ${n} more`,
	dockerTitle: (hosts, containers) => `docker · ${plural(hosts, 'host')} · ${plural(containers, 'container')}`,
	noDockerHost: 'No Docker host in this world.',
	registry: host => `registry ${host}`,
	registryCounts: (repositories, layers) => `${plural(repositories, 'repository', 'repositories')} · ${plural(layers, 'layer')}`,
	clusterNode: 'node',
	dockerd: running => (running ? 'dockerd running' : 'dockerd stopped'),
	noImages: 'no images',
	writable: files => `rw ${files}f`,
	hostTitle: (name, cpus, memory, processes) => `host ${name} · ${cpus} cpu · ${memory} · ${plural(processes, 'process', 'processes')}`,
	noHost: name => `No host ${name}.`,
	hostNamespaces: pidNamespace => `host namespaces (pid ${pidNamespace})`,
	ownNamespaces: kinds => `own ${kinds}`,
	cgroupColumns: {cgroup: 'cgroup', memory: 'memory', cpu: 'cpu', pids: 'pids'},
	vmProcess: (name, state) => `qemu · VM ${name} ${state}`,
};

export const enXray: XrayText = {
	heading: 'x-ray',
	gone: 'That object is gone.',
	noEvents: '(no events yet)',
	timeline: 'timeline',
	whoDidWhat: 'timeline: who did what',
	where: 'where',
	placed: (node, ip, namespace) => `node ${node ?? '(not scheduled)'}  ip ${ip}  namespace ${namespace}`,
	containers: 'containers',
	restarts: n => `, ${n} restarts`,
	requests: 'requests',
	onTheNode: 'on the node',
	pauseHolds: pid => `pause pid ${pid} holds net, uts, ipc`,
	podTitle: (name, status, ready) => `pod/${name}  ${status}  ${ready} ready`,
	allocatable: 'allocatable vs requested',
	cpuOf: (requested, allocatable) => `cpu ${requested} of ${allocatable}`,
	memoryOf: (requested, allocatable) => `memory ${requested} of ${allocatable}`,
	pods: n => `pods (${n})`,
	containerTitle: (name, id, state) => `container ${name} (${id})  ${state}`,
	namespacesOf: pid => `namespaces of pid ${pid}`,
	notRunning: '(not running: no process, no namespaces)',
	cgroup: 'cgroup',
	filesystem: 'filesystem: layers, bottom first',
	writableLayer: (files, size) => `writable layer: ${files} files, ${size}`,
	imageTitle: (tag, where) => `image ${tag}  (${where})`,
	id: 'id',
	alsoTagged: tags => `also tagged ${tags}`,
	layers: 'layers, bottom first',
	sharedWith: sharers => `shared with ${sharers}`,
	processTitle: (pid, host, command) => `pid ${pid} on ${host}: ${command}`,
	namespaces: 'namespaces',
	sharedWithHost: 'shared with the host',
	itsOwn: 'its own',
	processGone: pid => `(process ${pid} is gone)`,
	memory: 'memory',
	resident: size => `${size} resident`,
	inContainer: id => `container ${id}`,
	cgroupTitle: (path, host) => `cgroup ${path} on ${host}`,
	limitsAndUsage: 'limits and usage',
	noLimits: '(no limits)',
	memoryUsage: (used, limit) => (limit ? `memory ${used} of ${limit}` : `memory ${used} used, no limit`),
	cpuLimit: cores => (cores === undefined ? 'no CPU limit' : `CPU ${cores} cores max`),
	pidsUsage: (pids, max) => (max === undefined ? `${pids} pids` : `${pids} of ${max} pids`),
	oomKills: n => `OOM kills: ${n}`,
};

const zhPane: PaneText = {
	depth: {host: '主机', docker: 'docker', cluster: '集群'},
	scroll: (at, of) => ` ↑↓ 滚动 (${at}/${of})`,
	clusterTitle: (name, nodes, pods) => `集群 ${name} · ${nodes} 个节点 · ${pods} 个 Pod`,
	noCluster: '这个世界里还没有集群。',
	nodeColumns: {node: '节点', status: '状态', cpu: 'CPU 请求', memory: '内存请求', pods: 'Pod'},
	noPods: '没有 Pod',
	notScheduled: n => `未调度 (${n})`,
	more: n => `… 还有 ${n} 个`,
	dockerTitle: (hosts, containers) => `docker · ${hosts} 台主机 · ${containers} 个容器`,
	noDockerHost: '这个世界里没有 Docker 主机。',
	registry: host => `镜像仓库 ${host}`,
	registryCounts: (repositories, layers) => `${repositories} 个仓库 · ${layers} 个层`,
	clusterNode: '节点',
	dockerd: running => (running ? 'dockerd 运行中' : 'dockerd 已停止'),
	noImages: '没有镜像',
	writable: files => `可写 ${files}`,
	hostTitle: (name, cpus, memory, processes) => `主机 ${name} · ${cpus} CPU · ${memory} · ${processes} 个进程`,
	noHost: name => `没有主机 ${name}。`,
	hostNamespaces: pidNamespace => `主机命名空间 (pid ${pidNamespace})`,
	ownNamespaces: kinds => `独立的 ${kinds}`,
	cgroupColumns: {cgroup: 'cgroup', memory: '内存', cpu: 'CPU', pids: '进程'},
	vmProcess: (name, state) => `qemu · 虚拟机 ${name} ${state}`,
};

const zhXray: XrayText = {
	heading: '透视',
	gone: '这个对象已经不存在了。',
	noEvents: '（还没有事件）',
	timeline: '时间线',
	whoDidWhat: '时间线：谁做了什么',
	where: '位置',
	placed: (node, ip, namespace) => `节点 ${node ?? '（未调度）'}  IP ${ip}  名字空间 ${namespace}`,
	containers: '容器',
	restarts: n => `，重启 ${n} 次`,
	requests: '请求',
	onTheNode: '在节点上',
	pauseHolds: pid => `pause 进程 pid ${pid} 持有 net、uts、ipc`,
	podTitle: (name, status, ready) => `pod/${name}  ${status}  ${ready} 就绪`,
	allocatable: '可分配与已请求',
	cpuOf: (requested, allocatable) => `CPU ${requested} / ${allocatable}`,
	memoryOf: (requested, allocatable) => `内存 ${requested} / ${allocatable}`,
	pods: n => `Pod (${n})`,
	containerTitle: (name, id, state) => `容器 ${name} (${id})  ${state}`,
	namespacesOf: pid => `pid ${pid} 的命名空间`,
	notRunning: '（未运行：没有进程，也没有命名空间）',
	cgroup: 'cgroup',
	filesystem: '文件系统：各层，自底向上',
	writableLayer: (files, size) => `可写层：${files} 个文件，${size}`,
	imageTitle: (tag, where) => `镜像 ${tag}  (${where})`,
	id: 'ID',
	alsoTagged: tags => `其他标签 ${tags}`,
	layers: '各层，自底向上',
	sharedWith: sharers => `与 ${sharers} 共享`,
	processTitle: (pid, host, command) => `${host} 上的 pid ${pid}：${command}`,
	namespaces: '命名空间',
	sharedWithHost: '与主机共享',
	itsOwn: '独立',
	processGone: pid => `（进程 ${pid} 已不存在）`,
	memory: '内存',
	resident: size => `常驻内存 ${size}`,
	inContainer: id => `容器 ${id}`,
	cgroupTitle: (path, host) => `${host} 上的 cgroup ${path}`,
	limitsAndUsage: '限制与用量',
	noLimits: '（无限制）',
	memoryUsage: (used, limit) => (limit ? `内存 ${used} / ${limit}` : `内存已用 ${used}，无限制`),
	cpuLimit: cores => (cores === undefined ? '无 CPU 限制' : `CPU 最多 ${cores} 核`),
	pidsUsage: (pids, max) => (max === undefined ? `${pids} 个进程` : `${pids} / ${max} 个进程`),
	oomKills: n => `OOM 终止：${n} 次`,
};

export type UiText = {
	locale: Locale;
	task: string;
	step: string;
	paused: string;
	keysHint: string;
	focus: Record<'prompt' | 'lesson' | 'pane' | 'Alt', string>;
	notYet: string;
	hint: (n: number) => string;
	solution: string;
	done: string;
	chapterComplete: string;
	nextStepHint: string;
	quizAnswerIs: (key: string, text: string) => string;
	quizAgainOrNext: string;
	lessonKeys: {hint: string; solution: string; reset: string; next: string; answer: string; chapters: string; startOver: string};
	confirmSolution: string;
	confirmReset: string;
	confirmRestart: string;
	tooSmall: (need: string, have: string) => string;
	tooSmallHelp: string;
	/** The same in as few cells as possible, for a terminal too small for the sentences (20x5). */
	tooSmallShort: (need: string, have: string) => string;
	moreRows: (n: number) => string;
	linesUp: (n: number) => string;
	promptCut: (limit: number) => string;
	/** The shell area's note when the newest output is taller than it. */
	outputAbove: (n: number) => string;
	/** The label of the one clock (virtual time since the world began). */
	simClock: string;
	nothingYet: string;
	events: string;
	back: string;
	chapters: string;
	chapterLocked: (prerequisites: string) => string;
	resumesAt: (step: number, title: string) => string;
	editedBack: (path: string) => string;
	anyKeyCloses: string;
	escIsAlt: string;
	/** Under bash's "> " continuation prompt: what the line still waits for, and how to finish or cancel it. */
	continuation: (needed: Incomplete) => string;
	/** Printed after the dashboard closes, on every way out that saved. */
	progressSaved: string;
	pane: PaneText;
	xray: XrayText;
};

const en: UiText = {
	locale: 'en',
	task: 'task',
	step: 'step',
	paused: '⏸ paused',
	keysHint: '? keys',
	focus: {prompt: 'keys: prompt', lesson: 'keys: lesson', pane: 'keys: pane', Alt: 'keys: Alt'},
	notYet: 'Not yet:',
	hint: n => `Hint ${n}: `,
	solution: 'Solution:',
	done: '✓ Done!',
	chapterComplete: ' Chapter complete.',
	nextStepHint: ' Alt-n for the next step.',
	quizAnswerIs: (key, text) => `The right answer is ${key}) ${text}.`,
	quizAgainOrNext: 'Answer again, or press n to move on.',
	lessonKeys: {hint: 'hint', solution: 'solution', reset: 'reset', next: 'next', answer: 'answer', chapters: 'chapters', startOver: 'start over'},
	confirmSolution: 'Show the solution? y / n',
	confirmReset: 'Reset this step? y / n',
	confirmRestart: 'Start over? y/n',
	tooSmall: (need, have) => `k8s-tutor needs a terminal of at least ${need}; this one is ${have}.`,
	tooSmallHelp: 'Make the window larger (80x24 or more is best), or press q to quit.',
	tooSmallShort: (need, have) => `Need ${need}, have ${have}. q quits.`,
	moreRows: n => ` ↓ ${n} more rows · Alt-x, then ↑↓ to scroll`,
	linesUp: n => `↑ ${n} lines up · Alt-↓`,
	promptCut: limit => `Pasted text cut: a line holds at most ${limit.toLocaleString('en')} characters, the prompt ${(promptLimit / 1024).toLocaleString('en')} KiB.`,
	outputAbove: n => `↑ ${n} more line${n === 1 ? '' : 's'} above · Alt-↑ scrolls`,
	simClock: 'sim',
	nothingYet: '(nothing has happened yet)',
	events: 'events',
	back: 'Esc back',
	chapters: 'chapters',
	chapterLocked: p => `Builds on chapter ${p}: you can start it anyway.`,
	resumesAt: (n, title) => `Resumes at step ${n}: ${title}`,
	editedBack: path => `edit: back from editing ${path}`,
	anyKeyCloses: 'any key closes',
	escIsAlt: 'keys · no Alt key? Esc then p = Alt-p',
	continuation: needed =>
		needed.kind === 'heredoc'
			? `here-document: a line with just ${needed.delimiter} runs it · Ctrl-D ends it · Ctrl-C cancels`
			: needed.kind === 'quote'
				? `open quote: type the closing ${needed.quote} · Ctrl-C cancels`
				: `the command goes on (${needed.awaiting}): finish it, then Enter · Ctrl-C cancels`,
	progressSaved: 'Progress saved. Run k8s-tutor again to carry on where you left off.',
	pane: enPane,
	xray: enXray,
};

const zh: UiText = {
	locale: 'zh-CN',
	task: '任务',
	step: '步骤',
	paused: '⏸ 已暂停',
	keysHint: '? 按键',
	focus: {prompt: '按键：命令行', lesson: '按键：课程', pane: '按键：集群面板', Alt: '按键：Alt'},
	notYet: '还没完成：',
	hint: n => `提示 ${n}：`,
	solution: '答案：',
	done: '✓ 完成！',
	chapterComplete: ' 本章完成。',
	nextStepHint: ' 按 Alt-n 进入下一步。',
	quizAnswerIs: (key, text) => `正确答案是 ${key}) ${text}。`,
	quizAgainOrNext: '可以再答一次，或按 n 继续。',
	lessonKeys: {hint: '提示', solution: '答案', reset: '重置', next: '下一步', answer: '回答', chapters: '章节', startOver: '重新开始'},
	confirmSolution: '显示答案？y / n',
	confirmReset: '重置这一步？y / n',
	confirmRestart: '重新开始？y/n',
	tooSmall: (need, have) => `k8s-tutor 需要至少 ${need} 的终端，当前为 ${have}。`,
	tooSmallHelp: '请把窗口放大（80x24 或更大最好），或按 q 退出。',
	tooSmallShort: (need, have) => `需要 ${need}，当前 ${have}。q 退出。`,
	moreRows: n => ` ↓ 还有 ${n} 行 · Alt-x 后用 ↑↓ 滚动`,
	linesUp: n => `↑ 上翻 ${n} 行 · Alt-↓`,
	promptCut: limit => `粘贴的文本已截断：每行最多 ${limit.toLocaleString('en')} 个字符，整个提示符最多 ${(promptLimit / 1024).toLocaleString('en')} KiB。`,
	outputAbove: n => `↑ 上方还有 ${n} 行 · Alt-↑ 滚动`,
	simClock: '模拟',
	nothingYet: '（还没有事件）',
	events: '事件',
	back: 'Esc 返回',
	chapters: '章节',
	chapterLocked: p => `本章建立在第 ${p} 章之上：也可以直接开始。`,
	resumesAt: (n, title) => `从第 ${n} 步继续：${title}`,
	editedBack: path => `edit：已编辑完 ${path}`,
	anyKeyCloses: '按任意键关闭',
	escIsAlt: '按键 · 没有 Alt 键？先按 Esc 再按 p 等于 Alt-p',
	continuation: needed =>
		needed.kind === 'heredoc'
			? `here-document：单独一行输入 ${needed.delimiter} 即运行 · Ctrl-D 结束输入 · Ctrl-C 取消`
			: needed.kind === 'quote'
				? `引号未闭合：输入配对的 ${needed.quote} · Ctrl-C 取消`
				: `命令还没写完（${needed.awaiting}）：写完后按 Enter · Ctrl-C 取消`,
	progressSaved: '进度已保存。再次运行 k8s-tutor 即可从上次停下的地方继续。',
	pane: zhPane,
	xray: zhXray,
};

export function uiText(locale: Locale): UiText {
	return locale === 'zh-CN' ? zh : en;
}

export const UiTextContext = createContext<UiText>(en);
export const useUiText = () => useContext(UiTextContext);
