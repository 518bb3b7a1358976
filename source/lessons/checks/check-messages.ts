// The checker's words, per locale: what is (or is not yet) so, in plain language.
import type {Locale} from '../../app/app-options.ts';

export type CheckMessages = {
	notYet: string; // prefix of the unmet list
	noHost(host: string): string;
	noCluster: string;
	noDocker(host: string): string;
	objectMissing(resource: string, name: string): string;
	objectExists(resource: string, name: string): string;
	fieldDiffers(resource: string, name: string, path: string, actual: string, wanted: string): string;
	statusNotObserved(resource: string, name: string): string;
	fieldsMatch(resource: string, name: string): string;
	podMissing(what: string): string;
	podIs(what: string, state: string): string;
	podIsNot(what: string, actual: string, wanted: string): string;
	podOnNode(what: string, node: string): string;
	podNotOnNode(what: string, actual: string | undefined, wanted: string): string;
	podContainers(what: string, actual: number, wanted: number): string;
	podReady(what: string, ready: boolean): string;
	podRestarts(what: string, actual: number, wanted: string): string;
	podWaiting(what: string, reason: string, actual: string[]): string;
	countIs(what: string, actual: number, wanted: string): string;
	nodeMissing(name: string): string;
	nodeReady(name: string, ready: boolean): string;
	component(name: string, running: boolean): string;
	processMissing(command: string, host: string): string;
	processFound(command: string, host: string): string;
	processNotOwnNamespace(command: string, kinds: string[]): string;
	processPidInside(command: string, actual: number, wanted: number): string;
	processCgroup(command: string, actual: string, wanted: string): string;
	processCount(command: string, actual: number, wanted: string): string;
	cgroupMissing(path: string, host: string): string;
	cgroupValue(path: string, file: string, actual: string, wanted: string): string;
	cgroupOk(path: string): string;
	hostnameFound(name: string, where: string): string;
	hostnameMissing(name: string, where: string, seen: string[]): string;
	fileMissing(path: string, where: string): string;
	fileExists(path: string, where: string): string;
	fileLacks(path: string, where: string, wanted: string): string;
	fileDiffers(path: string, where: string): string;
	fileMatches(path: string, where: string): string;
	containerMissing(what: string, host: string): string;
	containerState(what: string, actual: string, wanted: string): string;
	imageMissing(ref: string, where: string): string;
	imagePresent(ref: string, where: string): string;
	layersShared(images: string[], actual: number, wanted: string): string;
	eventMissing(what: string): string;
	eventSeen(what: string): string;
	commandMissing(pattern: string, succeeded?: boolean): string;
	commandUsed(pattern: string): string;
	timePassed(seconds: number): string;
	timeNotPassed(seconds: number, wanted: number): string;
	shellWhere(actual: string, wanted: string): string;
	anyOf(options: string[]): string;
	notSo(met: string): string;
	count(match: {atLeast?: number; atMost?: number; equals?: number}): string;
	registry: string;
	onHost(host: string): string;
	inContainer(name: string): string;
	ownUts: string;
	hostUts: string;
};

const en: CheckMessages = {
	notYet: 'Not yet:',
	noHost: host => `there is no host ${host}`,
	noCluster: 'there is no Kubernetes cluster in this world',
	noDocker: host => `Docker does not run on ${host}`,
	objectMissing: (resource, name) => `the ${resource} ${name} does not exist`,
	objectExists: (resource, name) => `the ${resource} ${name} exists`,
	fieldDiffers: (resource, name, path, actual, wanted) => `the ${resource} ${name} has ${path} = ${actual}, not ${wanted}`,
	statusNotObserved: (resource, name) => `the ${resource} ${name}'s controller has not caught up with its latest change yet`,
	fieldsMatch: (resource, name) => `the ${resource} ${name} has the fields asked for`,
	podMissing: what => `there is no pod ${what}`,
	podIs: (what, state) => `the pod ${what} is ${state}`,
	podIsNot: (what, actual, wanted) => `the pod ${what} is ${actual}, not ${wanted}`,
	podOnNode: (what, node) => `the pod ${what} runs on ${node}`,
	podNotOnNode: (what, actual, wanted) => (actual ? `the pod ${what} is on ${actual}, not ${wanted}` : `the pod ${what} is not scheduled to a node yet (wanted: ${wanted})`),
	podContainers: (what, actual, wanted) => `the pod ${what} has ${actual} container${actual === 1 ? '' : 's'}, not ${wanted}`,
	podReady: (what, ready) => `the pod ${what} is ${ready ? '' : 'not '}ready`,
	podRestarts: (what, actual, wanted) => `the pod ${what} restarted ${actual} time${actual === 1 ? '' : 's'} (wanted: ${wanted})`,
	podWaiting: (what, reason, actual) => `the pod ${what} is not waiting with ${reason}${actual.length ? ` (it shows ${actual.join(', ')})` : ''}`,
	countIs: (what, actual, wanted) => `there ${actual === 1 ? 'is' : 'are'} ${actual} ${what} (wanted: ${wanted})`,
	nodeMissing: name => `there is no node ${name}`,
	nodeReady: (name, ready) => `the node ${name} is ${ready ? 'Ready' : 'NotReady'}`,
	component: (name, running) => `${name} is ${running ? 'running' : 'stopped'}`,
	processMissing: (command, host) => `no process running "${command}" on ${host}`,
	processFound: (command, host) => `a process running "${command}" is on ${host}`,
	processNotOwnNamespace: (command, kinds) => `the process "${command}" is still in the host's ${kinds.join(', ')} namespace${kinds.length > 1 ? 's' : ''}`,
	processPidInside: (command, actual, wanted) => `the process "${command}" has PID ${actual} inside its namespace, not ${wanted}`,
	processCgroup: (command, actual, wanted) => `the process "${command}" is in cgroup ${actual}, not ${wanted}`,
	processCount: (command, actual, wanted) => `${actual} process${actual === 1 ? '' : 'es'} run "${command}" (wanted: ${wanted})`,
	cgroupMissing: (path, host) => `there is no cgroup ${path} on ${host}`,
	cgroupValue: (path, file, actual, wanted) => `the cgroup ${path} has ${file} = ${actual}, not ${wanted}`,
	cgroupOk: path => `the cgroup ${path} is set as asked`,
	hostnameFound: (name, where) => `the hostname ${where} is ${name}`,
	hostnameMissing: (name, where, seen) => `the hostname ${where} is not ${name}${seen.length ? ` (it is ${seen.join(', ')})` : ''}`,
	fileMissing: (path, where) => `there is no file ${path} ${where}`,
	fileExists: (path, where) => `the file ${path} exists ${where}`,
	fileLacks: (path, where, wanted) => `the file ${path} ${where} does not contain "${wanted}"`,
	fileDiffers: (path, where) => `the file ${path} ${where} does not hold the expected content`,
	fileMatches: (path, where) => `the file ${path} ${where} holds the expected content`,
	containerMissing: (what, host) => `there is no container ${what} on ${host}`,
	containerState: (what, actual, wanted) => `the container ${what} is ${actual}, not ${wanted}`,
	imageMissing: (ref, where) => `there is no image ${ref} ${where}`,
	imagePresent: (ref, where) => `the image ${ref} is ${where}`,
	layersShared: (images, actual, wanted) => `the images ${images.join(' and ')} share ${actual} layer${actual === 1 ? '' : 's'} (wanted: ${wanted})`,
	eventMissing: what => `no event ${what} happened yet`,
	eventSeen: what => `the event ${what} happened`,
	commandMissing: (pattern, succeeded) => `you have not run ${pattern}${succeeded ? ' successfully' : ''} yet`,
	commandUsed: pattern => `you ran ${pattern}`,
	timePassed: seconds => `${seconds} seconds of simulated time passed`,
	timeNotPassed: (seconds, wanted) => `only ${seconds} of ${wanted} seconds of simulated time have passed yet`,
	shellWhere: (actual, wanted) => `your shell is in ${actual}, not in ${wanted}`,
	anyOf: options => `one of these: ${options.join('; or ')}`,
	notSo: met => `${met}, and it should not be`,
	count: m => (m.equals !== undefined ? String(m.equals) : m.atLeast !== undefined && m.atMost !== undefined ? `${m.atLeast} to ${m.atMost}` : m.atLeast !== undefined ? `at least ${m.atLeast}` : `at most ${m.atMost}`),
	registry: 'in the registry',
	onHost: host => `on ${host}`,
	inContainer: name => `in the container ${name}`,
	ownUts: 'in a UTS namespace of its own',
	hostUts: "of the host",
};

const zhCN: CheckMessages = {
	notYet: '还没完成：',
	noHost: host => `没有名为 ${host} 的主机`,
	noCluster: '这个世界里没有 Kubernetes 集群',
	noDocker: host => `${host} 上没有运行 Docker`,
	objectMissing: (resource, name) => `${resource} ${name} 不存在`,
	objectExists: (resource, name) => `${resource} ${name} 已存在`,
	fieldDiffers: (resource, name, path, actual, wanted) => `${resource} ${name} 的 ${path} 是 ${actual}，而不是 ${wanted}`,
	statusNotObserved: (resource, name) => `${resource} ${name} 的控制器还没有处理它最近的改动`,
	fieldsMatch: (resource, name) => `${resource} ${name} 的字段符合要求`,
	podMissing: what => `没有 Pod ${what}`,
	podIs: (what, state) => `Pod ${what} 处于 ${state}`,
	podIsNot: (what, actual, wanted) => `Pod ${what} 处于 ${actual}，而不是 ${wanted}`,
	podOnNode: (what, node) => `Pod ${what} 运行在 ${node} 上`,
	podNotOnNode: (what, actual, wanted) => (actual ? `Pod ${what} 在 ${actual} 上，而不是 ${wanted}` : `Pod ${what} 还没有被调度到节点（应为 ${wanted}）`),
	podContainers: (what, actual, wanted) => `Pod ${what} 有 ${actual} 个容器，而不是 ${wanted} 个`,
	podReady: (what, ready) => `Pod ${what} ${ready ? '已就绪' : '未就绪'}`,
	podRestarts: (what, actual, wanted) => `Pod ${what} 重启了 ${actual} 次（应为 ${wanted}）`,
	podWaiting: (what, reason, actual) => `Pod ${what} 没有处于 ${reason} 等待状态${actual.length ? `（当前：${actual.join('、')}）` : ''}`,
	countIs: (what, actual, wanted) => `${what} 有 ${actual} 个（应为 ${wanted}）`,
	nodeMissing: name => `没有节点 ${name}`,
	nodeReady: (name, ready) => `节点 ${name} ${ready ? '为 Ready' : '为 NotReady'}`,
	component: (name, running) => `${name} ${running ? '正在运行' : '已停止'}`,
	processMissing: (command, host) => `${host} 上没有运行 "${command}" 的进程`,
	processFound: (command, host) => `${host} 上有运行 "${command}" 的进程`,
	processNotOwnNamespace: (command, kinds) => `进程 "${command}" 仍在主机的 ${kinds.join('、')} 命名空间中`,
	processPidInside: (command, actual, wanted) => `进程 "${command}" 在其命名空间内的 PID 是 ${actual}，而不是 ${wanted}`,
	processCgroup: (command, actual, wanted) => `进程 "${command}" 在 cgroup ${actual} 中，而不是 ${wanted}`,
	processCount: (command, actual, wanted) => `运行 "${command}" 的进程有 ${actual} 个（应为 ${wanted}）`,
	cgroupMissing: (path, host) => `${host} 上没有 cgroup ${path}`,
	cgroupValue: (path, file, actual, wanted) => `cgroup ${path} 的 ${file} 是 ${actual}，而不是 ${wanted}`,
	cgroupOk: path => `cgroup ${path} 已按要求设置`,
	hostnameFound: (name, where) => `${where}的主机名是 ${name}`,
	hostnameMissing: (name, where, seen) => `${where}的主机名不是 ${name}${seen.length ? `（当前为 ${seen.join('、')}）` : ''}`,
	fileMissing: (path, where) => `${where}没有文件 ${path}`,
	fileExists: (path, where) => `${where}存在文件 ${path}`,
	fileLacks: (path, where, wanted) => `${where}的文件 ${path} 不包含 "${wanted}"`,
	fileDiffers: (path, where) => `${where}的文件 ${path} 内容不符合要求`,
	fileMatches: (path, where) => `${where}的文件 ${path} 内容符合要求`,
	containerMissing: (what, host) => `${host} 上没有容器 ${what}`,
	containerState: (what, actual, wanted) => `容器 ${what} 的状态是 ${actual}，而不是 ${wanted}`,
	imageMissing: (ref, where) => `${where}没有镜像 ${ref}`,
	imagePresent: (ref, where) => `镜像 ${ref} 已在${where}`,
	layersShared: (images, actual, wanted) => `镜像 ${images.join(' 和 ')} 共享 ${actual} 层（应为 ${wanted}）`,
	eventMissing: what => `还没有发生事件 ${what}`,
	eventSeen: what => `事件 ${what} 已发生`,
	commandMissing: (pattern, succeeded) => `你还没有${succeeded ? '成功' : ''}运行 ${pattern}`,
	commandUsed: pattern => `你运行了 ${pattern}`,
	timePassed: seconds => `模拟时间已经过去了 ${seconds} 秒`,
	timeNotPassed: (seconds, wanted) => `模拟时间才过去 ${seconds} 秒，需要 ${wanted} 秒`,
	shellWhere: (actual, wanted) => `你的 shell 在 ${actual} 中，而不是 ${wanted}`,
	anyOf: options => `以下任意一项：${options.join('；或 ')}`,
	notSo: met => `${met}，但不应如此`,
	count: m => (m.equals !== undefined ? String(m.equals) : m.atLeast !== undefined && m.atMost !== undefined ? `${m.atLeast} 到 ${m.atMost}` : m.atLeast !== undefined ? `至少 ${m.atLeast}` : `至多 ${m.atMost}`),
	registry: '镜像仓库中',
	onHost: host => `${host} 上`,
	inContainer: name => `容器 ${name} 中`,
	ownUts: '独立 UTS 命名空间中',
	hostUts: '主机',
};

export const checkMessages: Record<Locale, CheckMessages> = {en, 'zh-CN': zhCN};
