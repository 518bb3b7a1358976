// The plain-mode host's lines (one per event), in English and Simplified Chinese.
import type {Locale} from '../app/app-options.ts';

export type HostText = {
	connected(name: string): string;
	disconnected(name: string): string;
	refused(detail: string): string;
	guessing(wrong: number, addresses: number): string;
	joined(name: string): string;
	chaptersOpen(list: string): string;
	none: string;
	paused: string;
	resumed: string;
	broadcast(text: string): string;
	step(chapter: string, index: number, count: number | undefined): string;
	isOn(name: string, step: string, title: string): string;
	passed(name: string, step: string, withHelp: boolean): string;
	hint(name: string, hint: number, step: string): string;
	solution(name: string, step: string): string;
	checkFailed(name: string, step: string, unmet: string): string;
	command(name: string, line: string, exitCode: number): string;
	stuck(name: string, where: string, why: string, unmet: string): string;
	stuckWhere(chapter: string, index: number, count: number): string;
	idle(minutes: number): string;
	failing(minutes: number, failedCommands: number, failedChecks: number): string;
	stillUnmet(list: string): string;
	movingAgain(name: string): string;
	handUp(name: string, where: string, lastCommand: string): string;
	handDown(name: string): string;
	messaged(name: string, text: string): string;
	removed(studentId: string): string;
	renamed(name: string): string;
	chapterReset(name: string, chapter: string): string;
	started(resumed: boolean, code: string, chapters: string, dir: string): string;
	join(line: string): string;
	projector(url: string): string;
	soFar(students: number, events: number, open: string, paused: boolean): string;
};

const en: HostText = {
	connected: name => `${name} connected`,
	disconnected: name => `${name} disconnected`,
	refused: detail => `refused a join: ${detail}`,
	guessing: (wrong, addresses) => `WARNING: someone is guessing the join code: ${wrong} wrong codes in the last minute from ${addresses} addresses; wrong answers are now slowed down, students with the right code still get in`,
	joined: name => `${name} joined`,
	chaptersOpen: list => `chapters open: ${list}`,
	none: 'none',
	paused: 'paused the room',
	resumed: 'resumed the room',
	broadcast: text => `broadcast: ${text}`,
	step: (chapter, index, count) => `${chapter} step ${index}${count ? `/${count}` : ''}`,
	isOn: (name, step, title) => `${name} is on ${step}: ${title}`,
	passed: (name, step, withHelp) => `${name} passed ${step}${withHelp ? ' (with help)' : ''}`,
	hint: (name, hint, step) => `${name} took hint ${hint} on ${step}`,
	solution: (name, step) => `${name} showed the solution of ${step}`,
	checkFailed: (name, step, unmet) => `${name} check failed on ${step}${unmet ? `: ${unmet}` : ''}`,
	command: (name, line, exitCode) => `${name} $ ${line}${exitCode !== 0 ? `  (exit ${exitCode})` : ''}`,
	stuck: (name, where, why, unmet) => `STUCK: ${name}${where} (${why})${unmet}`,
	stuckWhere: (chapter, index, count) => ` on ${chapter} step ${index}/${count}`,
	idle: minutes => `${minutes} min without progress`,
	failing: (minutes, commands, checks) => `trying and failing: ${commands} failed commands, ${checks} failed checks or wrong answers in ${minutes} min`,
	stillUnmet: list => `; still unmet: ${list}`,
	movingAgain: name => `${name} is moving again`,
	handUp: (name, where, lastCommand) => `✋ HAND UP: ${name}${where ? ` on ${where}` : ''}${lastCommand ? `; last command: ${lastCommand}` : ''} (answer with: msg ${name} TEXT)`,
	handDown: name => `${name} lowered their hand`,
	messaged: (name, text) => `message to ${name}: ${text}`,
	removed: studentId => `removed student ${studentId} from the room`,
	renamed: name => `renamed a student to ${name}`,
	chapterReset: (name, chapter) => `cleared ${name}'s record of chapter ${chapter}`,
	started: (resumed, code, chapters, dir) => `k8s-tutor classroom ${resumed ? 'resumed' : 'started'}: code ${code}, chapters ${chapters}, session folder ${dir}`,
	join: line => `join: ${line}`,
	projector: url => `projector page (read-only, add &anonymous=1 to hide names): ${url}`,
	soFar: (students, events, open, paused) => `${students} students so far, ${events} events; open: ${open}${paused ? '; paused' : ''}`,
};

const zhCN: HostText = {
	connected: name => `${name} 已连接`,
	disconnected: name => `${name} 已断开`,
	refused: detail => `拒绝了一次加入：${detail}`,
	guessing: (wrong, addresses) => `警告：有人在猜加入码：最近一分钟有 ${wrong} 次错误的加入码，来自 ${addresses} 个地址；错误的尝试已被放慢，输入正确加入码的学生仍可加入`,
	joined: name => `${name} 加入了课堂`,
	chaptersOpen: list => `已开放章节：${list}`,
	none: '无',
	paused: '课堂已暂停',
	resumed: '课堂已恢复',
	broadcast: text => `广播：${text}`,
	step: (chapter, index, count) => `${chapter} 第 ${index}${count ? `/${count}` : ''} 步`,
	isOn: (name, step, title) => `${name} 进入 ${step}：${title}`,
	passed: (name, step, withHelp) => `${name} 完成了 ${step}${withHelp ? '（借助提示或答案）' : ''}`,
	hint: (name, hint, step) => `${name} 查看了 ${step} 的提示 ${hint}`,
	solution: (name, step) => `${name} 查看了 ${step} 的答案`,
	checkFailed: (name, step, unmet) => `${name} 在 ${step} 检查未通过${unmet ? `：${unmet}` : ''}`,
	command: (name, line, exitCode) => `${name} $ ${line}${exitCode !== 0 ? `  （退出码 ${exitCode}）` : ''}`,
	stuck: (name, where, why, unmet) => `卡住：${name}${where}（${why}）${unmet}`,
	stuckWhere: (chapter, index, count) => ` 在 ${chapter} 第 ${index}/${count} 步`,
	idle: minutes => `${minutes} 分钟没有进展`,
	failing: (minutes, commands, checks) => `一直在尝试但没成功：${minutes} 分钟内命令失败 ${commands} 次，检查失败或答错 ${checks} 次`,
	stillUnmet: list => `；尚未满足：${list}`,
	movingAgain: name => `${name} 又有进展了`,
	handUp: (name, where, lastCommand) => `✋ 举手：${name}${where ? ` 在 ${where}` : ''}${lastCommand ? `；最后一条命令：${lastCommand}` : ''}（回复：msg ${name} 文字）`,
	handDown: name => `${name} 放下了手`,
	messaged: (name, text) => `发给 ${name} 的消息：${text}`,
	removed: studentId => `已将学生 ${studentId} 移出课堂`,
	renamed: name => `已将一名学生改名为 ${name}`,
	chapterReset: (name, chapter) => `已清除 ${name} 在第 ${chapter} 章的记录`,
	started: (resumed, code, chapters, dir) => `k8s-tutor 课堂${resumed ? '已恢复' : '已开始'}：加入码 ${code}，章节 ${chapters}，会话文件夹 ${dir}`,
	join: line => `加入：${line}`,
	projector: url => `投影页面（只读，加上 &anonymous=1 隐藏名字）：${url}`,
	soFar: (students, events, open, paused) => `目前 ${students} 名学生，${events} 个事件；已开放：${open}${paused ? '；已暂停' : ''}`,
};

export function hostText(locale: Locale): HostText {
	return locale === 'zh-CN' ? zhCN : en;
}
