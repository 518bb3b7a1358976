// The instructor's dashboard in English and Simplified Chinese.
import type {Locale} from '../../app/app-options.ts';
import type {StuckKind} from '../../classroom/room.ts';
import type {Filter, SortOrder} from './instructor-model.ts';

export type InstructorText = {
	classroom: string;
	students(count: number, capacity: number, online: number): string;
	guessing(wrong: number, addresses: number): string;
	stuck(count: number): string;
	stuckSplit(failing: number, idle: number): string;
	finished(count: number, of: number): string;
	perStep(passed: string, onStep: string): string;
	more(above: number, below: number): string;
	open(list: string): string;
	none: string;
	paused: string;
	session: string;
	projector: string;
	chapterLine(chapter: string, index: number, count: number, sort: string, filter: string): string;
	sortName: Record<SortOrder, string>;
	filterName: Record<Filter, string>;
	lastBroadcast(text: string): string;
	columns: {student: string; steps: string; where: string; onStep: string; hints: string; solutions: string; tries: string; fails: string};
	notStarted: string;
	step(index: number, count: number): string;
	elsewhere(chapter: string): string;
	stuckMark(kind: StuckKind): string;
	offlineMark: string;
	waiting: string;
	nobodyMatches: string;
	online: string;
	offline: string;
	onStep(chapter: string, index: number, count: number, title: string, time: string): string;
	noStepYet: string;
	stepHelp(hints: number, solution: boolean, failedCommands: number, failedChecks: number): string;
	stillUnmet: string;
	nothingReported: string;
	lastCommands: string;
	noCommands: string;
	exit(code: number): string;
	keysWide: string;
	keysNarrow: string;
	broadcastPrompt: string;
	openPrompt: string;
	quitPrompt: string;
	allOpen: string;
	released(chapter: string): string;
	opened(list: string): string;
	stuckAfter(minutes: number, fails: number): string;
	pausedRoom: string;
	resumedRoom: string;
	sent: string;
	error(message: string): string;
	tooSmall(width: number, height: number): string;
	hands(count: number): string;
	handUp(step: string, lastCommand: string): string;
	lastMessage(text: string): string;
	messagePrompt(name: string): string;
	messageSent(name: string): string;
	messageQueued(name: string): string;
	renamePrompt(name: string): string;
	renamed(before: string, after: string): string;
	removePrompt(name: string): string;
	removed(name: string): string;
	timeboxPrompt: string;
	chaptersPrompt: string;
	closesAt(at: string, minutes: number): string;
};

const en: InstructorText = {
	classroom: 'Classroom',
	students: (count, capacity, online) => `${count}/${capacity} students (${online} online)`,
	guessing: (wrong, addresses) => `⚠ Someone is guessing the join code: ${wrong} wrong codes in the last minute from ${addresses} addresses. Wrong answers are slowed down; the right code still gets in.`,
	stuck: count => `${count} stuck`,
	stuckSplit: (failing, idle) => `: ${[failing ? `${failing} failing` : '', idle ? `${idle} idle` : ''].filter(Boolean).join(', ')}`,
	finished: (count, of) => `${count} of ${of} finished this chapter`,
	perStep: (passed, onStep) => ` · passed per step: ${passed} · now on each step: ${onStep}`,
	more: (above, below) => `  ${above > 0 ? `↑ ${above} more` : ''}${above > 0 && below > 0 ? ' · ' : ''}${below > 0 ? `↓ ${below} more` : ''} (Home/End)`,
	open: list => `open: ${list}`,
	none: 'none',
	paused: ' PAUSED ',
	session: 'session',
	projector: 'projector',
	chapterLine: (chapter, index, count, sort, filter) => `Chapter ${chapter} (${index} of ${count}) · sort ${sort} · filter ${filter}`,
	sortName: {joined: 'joined', name: 'name', progress: 'progress', stuck: 'stuck'},
	filterName: {all: 'all', stuck: 'stuck', offline: 'offline'},
	lastBroadcast: text => `last broadcast: ${text}`,
	columns: {student: 'student', steps: 'steps', where: 'where', onStep: 'on step', hints: 'hints', solutions: 'sol', tries: 'tries', fails: 'fail cmd/chk'},
	notStarted: 'not started',
	step: (index, count) => `step ${index}/${count}`,
	elsewhere: chapter => `in ${chapter}`,
	stuckMark: kind => (kind === 'failing' ? ' STUCK:fail' : ' STUCK:idle'),
	offlineMark: ' offline',
	waiting: 'Waiting for students to join…',
	nobodyMatches: 'Nobody matches this filter.',
	online: '(online)',
	offline: '(offline)',
	onStep: (chapter, index, count, title, time) => `On ${chapter} step ${index}/${count}: ${title} · ${time} on it`,
	noStepYet: 'Has not started a step yet.',
	stepHelp: (hints, solution, commands, checks) => `Hints ${hints} · solution ${solution ? 'shown' : 'not shown'} · failed commands ${commands} · failed checks or wrong answers ${checks}`,
	stillUnmet: 'Still unmet:',
	nothingReported: '(nothing reported)',
	lastCommands: 'Last commands:',
	noCommands: '(none yet)',
	exit: code => `  (exit ${code})`,
	keysWide: '↑↓ ⏎ · m msg · r rename · x remove · ←→ chapter · s sort · f filter · n next · o/c open · p pause · b say · t timebox · +- stuck · q quit',
	keysNarrow: '↑↓ ⏎ student m msg ←→ chapter s sort f filter n next o open p pause b say q quit',
	broadcastPrompt: 'Broadcast to every screen (Enter send, Esc cancel): ',
	openPrompt: 'Open the first how many chapters of the session? Type 0-9 (Esc cancels)',
	quitPrompt: 'End the class? Students are told; the log is kept and `--session` resumes it. (y/n)',
	allOpen: 'every chapter is already open',
	released: chapter => `released chapter ${chapter}`,
	opened: list => `open: ${list}`,
	stuckAfter: (minutes, fails) => `stuck after ${minutes} min on a task step (or ${fails} failed commands and checks)`,
	pausedRoom: 'paused the room',
	resumedRoom: 'resumed the room',
	sent: 'broadcast sent',
	error: message => `error: ${message}`,
	tooSmall: (width, height) => `The classroom dashboard needs at least 60x12 (this terminal is ${width}x${height}).`,
	hands: count => `✋ ${count} ${count === 1 ? 'hand' : 'hands'} up`,
	handUp: (step, lastCommand) => `✋ Hand up on ${step}; last command: ${lastCommand} (m answers)`,
	lastMessage: text => `Your last message: ${text}`,
	messagePrompt: name => `Message to ${name} only (Enter send, Esc cancel): `,
	messageSent: name => `message sent to ${name}`,
	messageQueued: name => `${name} is offline: the message is in the log, not on their screen`,
	renamePrompt: name => `New name for ${name} (Enter rename, Esc cancel): `,
	renamed: (before, after) => `renamed ${before} to ${after}`,
	removePrompt: name => `Remove ${name} from the room? Their seat and name are freed; they are told. (y/n)`,
	removed: name => `removed ${name}`,
	timeboxPrompt: 'Time box: CHAPTER at HH:MM, CHAPTER in 20m or CHAPTER never (Enter, Esc cancels): ',
	chaptersPrompt: 'Open exactly 3,5 (or 3-5), the first N (2), or close 3 (Enter, Esc cancels): ',
	closesAt: (at, minutes) => ` (closes ${at}, ${minutes}m)`,
};

const zhCN: InstructorText = {
	classroom: '课堂',
	students: (count, capacity, online) => `${count}/${capacity} 名学生（${online} 在线）`,
	guessing: (wrong, addresses) => `⚠ 有人在猜加入码：最近一分钟 ${wrong} 次错误，来自 ${addresses} 个地址。错误的尝试已被放慢，正确的加入码仍可加入。`,
	stuck: count => `${count} 人卡住`,
	stuckSplit: (failing, idle) => `：${[failing ? `${failing} 人反复失败` : '', idle ? `${idle} 人没有动作` : ''].filter(Boolean).join('，')}`,
	finished: (count, of) => `本章 ${of} 人中已完成 ${count} 人`,
	perStep: (passed, onStep) => ` · 每步通过人数：${passed} · 当前所在步骤人数：${onStep}`,
	more: (above, below) => `  ${above > 0 ? `↑ 还有 ${above} 人` : ''}${above > 0 && below > 0 ? ' · ' : ''}${below > 0 ? `↓ 还有 ${below} 人` : ''}（Home/End）`,
	open: list => `已开放：${list}`,
	none: '无',
	paused: ' 已暂停 ',
	session: '会话',
	projector: '投影',
	chapterLine: (chapter, index, count, sort, filter) => `章节 ${chapter}（第 ${index}/${count} 章）· 排序：${sort} · 筛选：${filter}`,
	sortName: {joined: '加入顺序', name: '名字', progress: '进度', stuck: '卡住'},
	filterName: {all: '全部', stuck: '卡住', offline: '离线'},
	lastBroadcast: text => `最近广播：${text}`,
	columns: {student: '学生', steps: '步骤', where: '位置', onStep: '本步用时', hints: '提示', solutions: '答案', tries: '尝试', fails: '失败命令/检查'},
	notStarted: '未开始',
	step: (index, count) => `第 ${index}/${count} 步`,
	elsewhere: chapter => `在 ${chapter}`,
	stuckMark: kind => (kind === 'failing' ? ' 卡住:失败' : ' 卡住:无动作'),
	offlineMark: ' 离线',
	waiting: '等待学生加入…',
	nobodyMatches: '没有符合筛选的学生。',
	online: '（在线）',
	offline: '（离线）',
	onStep: (chapter, index, count, title, time) => `在 ${chapter} 第 ${index}/${count} 步：${title} · 已用 ${time}`,
	noStepYet: '还没有开始任何步骤。',
	stepHelp: (hints, solution, commands, checks) => `提示 ${hints} · 答案${solution ? '已查看' : '未查看'} · 命令失败 ${commands} · 检查失败或答错 ${checks}`,
	stillUnmet: '尚未满足：',
	nothingReported: '（没有报告）',
	lastCommands: '最近的命令：',
	noCommands: '（还没有）',
	exit: code => `  （退出码 ${code}）`,
	keysWide: '↑↓ · ⏎ 详情 · m 私信 · r 改名 · x 移出 · ←→ 章节 · s 排序 · f 筛选 · n 下一章 · o/c 开放 · p 暂停 · b 广播 · t 限时 · +- 卡住 · q 退出',
	keysNarrow: '↑↓ ⏎ 学生 ←→ 章节 s 排序 f 筛选 n 下一章 o 开放 p 暂停 b 广播 q 退出',
	broadcastPrompt: '广播到所有屏幕（Enter 发送，Esc 取消）：',
	openPrompt: '开放本次课程的前几章？输入 0-9（Esc 取消）',
	quitPrompt: '结束课堂？学生会收到通知；日志会保留，用 `--session` 可以继续。(y/n)',
	allOpen: '所有章节都已开放',
	released: chapter => `已开放第 ${chapter} 章`,
	opened: list => `已开放：${list}`,
	stuckAfter: (minutes, fails) => `在任务步骤上 ${minutes} 分钟（或命令与检查失败 ${fails} 次）算作卡住`,
	pausedRoom: '已暂停课堂',
	resumedRoom: '已恢复课堂',
	sent: '广播已发送',
	error: message => `错误：${message}`,
	tooSmall: (width, height) => `课堂面板至少需要 60x12（当前终端为 ${width}x${height}）。`,
	hands: count => `✋ ${count} 人举手`,
	handUp: (step, lastCommand) => `✋ 在${step}举手；最后一条命令：${lastCommand}（按 m 回复）`,
	lastMessage: text => `你最近发给他的消息：${text}`,
	messagePrompt: name => `只发给 ${name} 的消息（Enter 发送，Esc 取消）：`,
	messageSent: name => `消息已发给 ${name}`,
	messageQueued: name => `${name} 不在线：消息已记入日志，但不会显示在他的屏幕上`,
	renamePrompt: name => `${name} 的新名字（Enter 确认，Esc 取消）：`,
	renamed: (before, after) => `已将 ${before} 改名为 ${after}`,
	removePrompt: name => `把 ${name} 移出课堂？他的座位和名字会被释放，他会收到通知。(y/n)`,
	removed: name => `已移出 ${name}`,
	timeboxPrompt: '限时：章节 at HH:MM、章节 in 20m 或 章节 never（Enter 确认，Esc 取消）：',
	chaptersPrompt: '只开放 3,5（或 3-5）、开放前 N 章（2），或 close 3 关闭一章（Enter 确认，Esc 取消）：',
	closesAt: (at, minutes) => `（${at} 关闭，还剩 ${minutes} 分钟）`,
};

export function instructorText(locale: Locale): InstructorText {
	return locale === 'zh-CN' ? zhCN : en;
}
