// The simulator's own remarks ("[simulator] ...": what is not modelled, what the tutor bounds) in
// Simplified Chinese. The tools' output stays in their own words (kubectl and docker speak
// English on a real machine too); a learner reading in Chinese gets each remark in both languages.
import type {Locale} from './locale.ts';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const rules: Rule[] = [
	[/^\[simulator\] (.+?):? (?:is )?accepted, not simulated here$/, m => `${m[1]}：已接受，但这里没有模拟`],
	[/^\[simulator\] mv: moving a directory is not simulated here: (.+)$/, m => `mv：这里没有模拟移动目录：${m[1]}`],
	[/^\[simulator\] (\S+) is not in k8s-tutor's offline copy of Docker Hub; the real Docker Hub may have it$/, m => `${m[1]} 不在 k8s-tutor 的离线 Docker Hub 副本中；真实的 Docker Hub 上可能有它`],
	[/^\[simulator\] k8s-tutor's offline copy of Docker Hub holds (\S+) only as (.+); the real Docker Hub may have (\S+)$/, m => `k8s-tutor 的离线 Docker Hub 副本中 ${m[1]} 只有这些标签：${m[2]}；真实的 Docker Hub 上可能有 ${m[3]}`],
	[/^\[simulator\] (.+) is a real kubectl feature that is not simulated in this version$/, m => `${m[1]} 是真实 kubectl 的功能，本版本的模拟器没有模拟它`],
	[/^\[simulator\] (\S+) \(kind (\S+), (\S+)\) is a real Kubernetes resource type that is not simulated in this version(.*)$/, m => `${m[1]}（kind ${m[2]}，${m[3]}）是真实的 Kubernetes 资源类型，本版本的模拟器没有模拟它${m[4] ? ` ${m[4].trim()}` : ''}`],
	[/^\[simulator\] kubectl explain has no documentation for (\S+) in this version$/, m => `本版本的 kubectl explain 没有 ${m[1]} 的文档`],
	[/^\[simulator\] examples and every option: (\S+)$/, m => `示例和全部选项见：${m[1]}`],
	[/^\[simulator\] this cluster's network plugin does not enforce NetworkPolicies: the policy is stored, traffic is not filtered$/, () => '这个集群的网络插件不执行 NetworkPolicy：策略已保存，但流量不会被过滤'],
	[/^\[simulator\] kubectl edit is not simulated here\. Change the manifest on your disk and apply it:$/, () => '这里没有模拟 kubectl edit。请修改磁盘上的清单文件再 apply：'],
	[/^\[simulator\] the simulated cluster has no real certificates: their data stays omitted$/, () => '模拟的集群没有真实的证书：证书数据仍然省略'],
	[/^\[simulator\] (.+) keeps running in the background as pid (\d+) \(this shell never blocks\); stop it with: kill (\d+)$/, m => `${m[1]} 以 pid ${m[2]} 在后台继续运行（这个 shell 从不阻塞）；用 kill ${m[3]} 停止它`],
	[/^\[simulator\] stress keeps running in the background as pid (\d+) after (\d+)s \(this shell never blocks\); stop it with: kill (\d+)$/, m => `stress 运行 ${m[2]} 秒后以 pid ${m[1]} 在后台继续运行（这个 shell 从不阻塞）；用 kill ${m[3]} 停止它`],
	[/^\[simulator\] the command is sleeping and keeps running in (.+) in simulated time; a real terminal would stay attached to it \(its later output is not shown here\)$/, m => `这条命令在 ${m[1]} 中休眠，并在模拟时间里继续运行；真实终端会一直连着它（之后的输出这里不显示）`],
	[/^\[simulator\] attached to (\S+): a real terminal would stay attached and show its output; here the prompt returns and \S+ keeps running \(docker stop \S+ stops it\)\. Use -d to run it in the background\.$/, m => `已连接到 ${m[1]}：真实终端会一直连着它、显示它的输出；这里提示符会回来，${m[1]} 继续运行（用 docker stop ${m[1]} 停止它）。加 -d 可以让它在后台运行。`],
	[/^\[simulator\] kubectl drain waits until the evicted pods are gone, and (.+) on (\S+) never go while its kubelet is down: a real drain keeps waiting \(until --timeout, or Ctrl-C\)\. Their controllers have already started replacements; kubectl delete pod NAME --force --grace-period=0 removes them at once\.$/, m => `kubectl drain 会一直等到被驱逐的 Pod 消失，而 ${m[2]} 的 kubelet 停着，${m[1]} 永远不会消失：真实的 drain 会一直等下去（直到 --timeout，或按 Ctrl-C）。它们的控制器已经创建了替代的 Pod；kubectl delete pod NAME --force --grace-period=0 可以立刻删掉它们。`],
	[/^\[simulator\] preemption is not simulated: a real scheduler would try to evict lower-priority pods to make room for this pod; here it stays Pending until room frees up$/, () => '没有模拟抢占：真实的调度器会尝试驱逐优先级更低的 Pod，为这个 Pod 腾出位置；这里它会一直处于 Pending，直到有空间为止'],
	[/^\[simulator\] (\S+) ran in the container; its output is not simulated here$/, m => `${m[1]} 已在容器中运行；这里没有模拟它的输出`],
	[/^\[simulator\] the loop stopped after (\d+) rounds \(the simulator bounds loops so the tutor keeps responding\)$/, m => `循环在 ${m[1]} 轮后停止（模拟器限制循环次数，让教程保持响应）`],
	[/^\[simulator\] the loop stopped after (\d+) rounds: it printed more than (\d+) MiB \(the simulator bounds loops so the tutor keeps responding\)$/, m => `循环在 ${m[1]} 轮后停止：它输出了超过 ${m[2]} MiB（模拟器限制循环，让教程保持响应）`],
	[/^\[simulator\] the line stopped after (\d+) commands \(the simulator bounds a line so the tutor keeps responding\)$/, m => `这一行在执行 ${m[1]} 条命令后停止（模拟器限制一行的命令数，让教程保持响应）`],
	[/^\[simulator\] output cut after (\d+) MiB \((\d+) MiB in all\)$/, m => `输出在 ${m[1]} MiB 处截断（共 ${m[2]} MiB）`],
	[/^\[simulator\] seq stopped after (\d+) numbers$/, m => `seq 输出 ${m[1]} 个数后停止`],
	[/^\[simulator\] this shell's process is gone; back in the previous shell$/, () => '这个 shell 的进程已经不在了；已回到上一个 shell'],
	[/^\[simulator\] your shell was killed; a new login shell has started \(pid (\d+)\)\. Run the command again\.$/, m => `你的 shell 被杀死了；新的登录 shell 已启动（pid ${m[1]}）。请再运行一次命令。`],
	[/^\[simulator\] this is your login shell; killing it would end the session \(type exit to quit\)$/, () => '这是你的登录 shell；杀死它会结束会话（输入 exit 退出）'],
	[/^\[simulator\] interactive top is not simulated: this is one frame of `top -b -n 1`; run it again to refresh\.$/, () => '没有模拟交互式 top：这是 `top -b -n 1` 的一帧；再运行一次即可刷新。'],
	[/^\[simulator\] (\S+) is not running$/, m => `${m[1]} 没有在运行`],
	[/^\[simulator\] reboot is not simulated; use poweroff here and `power on HOST` from another host$/, () => '没有模拟 reboot；请在这里用 poweroff，再从另一台主机执行 `power on HOST`'],
	[/^\[simulator\] only an immediate shutdown is simulated: shutdown -h now$/, () => '只模拟立即关机：shutdown -h now'],
	[/^\[simulator\] (\S+) is the machine your session runs on; powering it off would end the tutor\.?$/, m => `${m[1]} 是你的会话所在的机器；关掉它会结束教程`],
	[/^\[simulator\] the interactive Python interpreter is not simulated; try: python3 -m http\.server 8000$/, () => '没有模拟交互式 Python 解释器；试试：python3 -m http.server 8000'],
	[/^\[simulator\] only `python3 -m http\.server \[PORT\]` is simulated here$/, () => '这里只模拟 `python3 -m http.server [PORT]`'],
	[/^\[simulator\] docker volume prune asks "Are you sure you want to continue\? \[y\/N\]" here; add -f to answer yes$/, () => 'docker volume prune 在这里会询问 "Are you sure you want to continue? [y/N]"；加上 -f 表示回答 yes'],
	[/^\[simulator\] ip link add type (\S+) is accepted by ip but not simulated here; use type veth$/, m => `ip 接受 ip link add type ${m[1]}，但这里没有模拟；请用 type veth`],
	[/^\[simulator\] hostname -F \(the name read from a file\) is not modelled; use hostname NAME$/, () => '没有模拟 hostname -F（从文件读取主机名）；请用 hostname NAME'],
	[/^\[simulator\] (etcd's Prometheus metrics|kube-proxy's \/\S+) is not simulated here$/, m => `这里没有模拟 ${m[1].replace("etcd's Prometheus metrics", 'etcd 的 Prometheus 指标').replace(/^kube-proxy's /, 'kube-proxy 的 ')}`],
	[/^\[simulator\] docker system df -v with a --format template is not simulated here; --format json is$/, () => '这里没有模拟带 --format 模板的 docker system df -v；--format json 是模拟了的'],
	[/^\[simulator\] help -m \(the pseudo-manpage format\) is not simulated here$/, () => '这里没有模拟 help -m（伪手册页格式）'],
	[/^\[simulator\] help with a glob pattern \('(.*)'\) is not simulated here; give the start of a builtin's name$/, m => `这里没有模拟带通配符模式（'${m[1]}'）的 help；请给出内建命令名称的开头`],
	[/^\[simulator\] bash's help text for '(.+)' is not included here; see man bash$/, m => `这里没有收录 bash 对 '${m[1]}' 的帮助文本；请看 man bash`],
	[/^\[simulator\] did you mean '(.+)'\?$/, m => `你是不是想输入 '${m[1]}'？`],
	[/^\[simulator\] RBAC lets (\S+) (\S+) (\S+); the API server's JSON answer to curl is not simulated here \(kubectl shows the same objects\)$/, m => `RBAC 允许 ${m[1]} 对 ${m[3]} 执行 ${m[2]}；这里没有模拟 API server 给 curl 的 JSON 应答（kubectl 显示的是同样的对象）`],
	[/^\[simulator\] (\S+) could not listen on :(\d+) \(EADDRINUSE\); its own message is not simulated here$/, m => `${m[1]} 无法监听 :${m[2]}（EADDRINUSE）；这里没有模拟它自己的报错信息`],
	[/^\[simulator\] nc connected to (\S+) port (\d+); sending and receiving through it is not simulated here \(nc -zv only checks the port\)$/, m => `nc 已连接到 ${m[1]} 的端口 ${m[2]}；这里没有模拟通过它收发数据（nc -zv 只检查端口）`],
	[/^\[simulator\] nc -(\S) is not simulated here; nc -zv HOST PORT checks whether a TCP port answers$/, m => `这里没有模拟 nc -${m[1]}；nc -zv HOST PORT 可以检查一个 TCP 端口是否有应答`],
	[/^\[simulator\] only nc \[-z\] \[-v\] HOST PORT \(one port\) is simulated here$/, () => '这里只模拟 nc [-z] [-v] HOST PORT（一个端口）'],
	[/^\[simulator\] the fork bomb is pid (\d+) \(a tree of bash processes\); end it with: kill -9 (\d+)(.*)$/, m => `fork 炸弹的 pid 是 ${m[1]}（一棵 bash 进程树）；用 kill -9 ${m[2]} 结束它${m[3] ? m[3].replace('  or: ', '，或者：') : ''}`],
];

/** The Chinese of one [simulator] line, or undefined when there is none. */
export function simulatorLineInChinese(line: string): string | undefined {
	const at = line.indexOf('[simulator] ');
	if (at < 0) return undefined;
	const remark = line.slice(at);
	for (const [pattern, say] of rules) {
		const m = pattern.exec(remark);
		if (m) return `[模拟器] ${say(m)}`;
	}
	return undefined;
}

/** Output with a Chinese line after each [simulator] remark, for a learner reading in Chinese. */
export function withSimulatorLines(text: string, locale: Locale | undefined): string {
	if (locale !== 'zh-CN' || !text.includes('[simulator] ')) return text;
	return text
		.split('\n')
		.flatMap(line => {
			const chinese = simulatorLineInChinese(line);
			return chinese ? [line, chinese] : [line];
		})
		.join('\n');
}
