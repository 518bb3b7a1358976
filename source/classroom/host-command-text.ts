// The replies to the instructor's typed commands (plain host) and the host's own refusals (a
// rename, a time box), in English and Simplified Chinese. Commands stay English words.
import type {Locale} from '../app/app-options.ts';
import {sessionProblemText, type SessionProblem} from './session-folder.ts';

export type HostCommandText = {
	help: string;
	unknown(word: string): string;
	allOpen: string;
	released(chapters: string): string;
	open(list: string): string;
	none: string;
	openUsage: string;
	closeUsage: string;
	notInSession(unknown: string, session: string): string;
	paused: string;
	resumed: string;
	sayUsage: string;
	sent: string;
	msgUsage: string;
	noStudent(name: string): string;
	sentTo(name: string): string;
	offlineMessage(name: string): string;
	removeUsage: string;
	removed(name: string): string;
	renameUsage: string;
	renamed(before: string, after: string): string;
	resetUsage: string;
	noRecord(name: string, chapter: string): string;
	cleared(name: string, chapter: string): string;
	noHands: string;
	hand(name: string, where: string, lastCommand: string): string;
	where(chapter: string, index: number, count: number): string;
	notStarted: string;
	stuck: string;
	offline: string;
	nobody: string;
	timeboxUsage: string;
	timeboxProblem(problem: string): string;
	notDuration(text: string): string;
	notTimeOfDay(text: string): string;
	alreadyPassed(text: string): string;
	noClosingTime(chapter: string): string;
	closesAt(chapter: string, at: string, minutes: number): string;
	badName: string;
	looksLike(name: string, other: string): string;
	noSuchStudent: string;
	// The plain host's notes at start.
	examKept(dir: string, hintsOff: boolean, solutionsOff: boolean): string;
	cutHalfWritten(bytes: number, dir: string): string;
	skippedLines(lines: number, dir: string): string;
	chaptersKept(dir: string, chapters: string): string;
	error(message: string): string;
	sessionKept(dir: string): string;
	// Refusals before the host starts, and a session folder it cannot use.
	badPort(port: string): string;
	badStuckAfter(text: string): string;
	portInUse(port: number, bind: string): string;
	notAnAddress(bind: string): string;
	portDenied(port: number): string;
	cannotWrite(dir: string, reason: string): string;
	sessionProblem(problem: SessionProblem): string;
	badRange(part: string): string;
	notAChapter(part: string): string;
	noChapters: string;
};

const en: HostCommandText = {
	help: 'commands: open N · open 3,5 · close 3 · close 3 at 11:30 · release · pause · resume · say TEXT · msg NAME TEXT · hands · who · remove NAME · rename NAME NEW · reset NAME CHAPTER · help',
	unknown: word => `unknown command "${word}"; ${en.help}`,
	allOpen: 'every chapter of the session is already open',
	released: chapters => `released chapter ${chapters}`,
	open: list => `open: ${list}`,
	none: 'none',
	openUsage: 'open N opens the first N chapters; open 3,5 (or 3-5) opens exactly those',
	closeUsage: 'close 3 (or 3,5) closes those chapters',
	notInSession: (unknown, session) => `not a chapter of this session: ${unknown} (the session has ${session})`,
	paused: 'the room is paused (eyes on you)',
	resumed: 'the room is resumed',
	sayUsage: 'say TEXT: show TEXT on every screen',
	sent: 'sent',
	msgUsage: "msg NAME TEXT: show TEXT on that student's screen only",
	noStudent: name => `no student named "${name}"; see who`,
	sentTo: name => `sent to ${name}`,
	offlineMessage: name => `${name} is offline: the message is in the log, not on their screen`,
	removeUsage: 'remove NAME: take a student off the roster (a fake or mistyped join)',
	removed: name => `removed ${name}; the name and the seat are free again`,
	renameUsage: "rename NAME NEW: correct a student's name",
	renamed: (before, after) => `renamed ${before} to ${after}`,
	resetUsage: "reset NAME CHAPTER: clear one student's record of a chapter (its id or number)",
	noRecord: (name, chapter) => `${name} has no record of chapter ${chapter}`,
	cleared: (name, chapter) => `cleared ${name}'s record of chapter ${chapter}`,
	noHands: 'no hands up',
	hand: (name, where, lastCommand) => `✋ ${name}${where ? ` on ${where}` : ''}${lastCommand ? `; last command: ${lastCommand}` : ''}`,
	where: (chapter, index, count) => `${chapter} step ${index}/${count}`,
	notStarted: 'not started',
	stuck: ' (stuck)',
	offline: ' (offline)',
	nobody: 'nobody has joined yet',
	timeboxUsage: 'CHAPTER at HH:MM, CHAPTER in 20m, or CHAPTER never',
	timeboxProblem: problem => `close ${en.timeboxUsage}: ${problem}`,
	notDuration: text => `"${text}" is not a duration, e.g. 20m or 1h30m`,
	notTimeOfDay: text => `"${text}" is not a time of day, e.g. 11:30`,
	alreadyPassed: text => `${text} has already passed today`,
	noClosingTime: chapter => `chapter ${chapter} has no closing time now`,
	closesAt: (chapter, at, minutes) => `chapter ${chapter} closes at ${at} (${minutes} min); students see the countdown`,
	badName: 'choose a name with at least one letter or digit',
	looksLike: (name, other) => `"${name}" looks the same as "${other}", who is in the room`,
	noSuchStudent: 'no such student',
	examKept: (dir, hintsOff, solutionsOff) => `note: resuming ${dir}: exam mode stays as it began (hints ${hintsOff ? 'off' : 'on'}, solutions ${solutionsOff ? 'off' : 'on'})`,
	cutHalfWritten: (bytes, dir) => `note: cut ${bytes} bytes of a half-written last event from ${dir} (the host stopped mid-write; that event was never acknowledged)`,
	skippedLines: (lines, dir) => `warning: skipped ${lines} damaged lines in ${dir}/events.jsonl`,
	chaptersKept: (dir, chapters) => `note: resuming ${dir}: its chapters stay ${chapters}`,
	error: message => `error: ${message}`,
	sessionKept: dir => `Session kept in ${dir}; resume with --session ${dir}, results with: k8s-tutor classroom report ${dir} (or export)`,
	badPort: port => `--port: "${port}" is not a port number (0-65535)`,
	badStuckAfter: text => `--stuck-after: "${text}" is not a duration of at least 10s, e.g. 5m, 90s or 2m30s`,
	portInUse: (port, bind) => `port ${port} is already in use on ${bind}; choose another with --port`,
	notAnAddress: bind => `--bind: ${bind} is not an address of this computer`,
	portDenied: port => `not allowed to listen on port ${port}; choose one above 1023 with --port`,
	cannotWrite: (dir, reason) => `cannot write the session folder ${dir}: ${reason}`,
	sessionProblem: sessionProblemText,
	badRange: part => `--chapters: "${part}" is not a range like 1-3`,
	notAChapter: part => `--chapters: "${part}" is not a chapter number, range or id`,
	noChapters: '--chapters: name at least one chapter, e.g. 1-3 or 2,4',
};

const zhCN: HostCommandText = {
	help: '命令：open N · open 3,5 · close 3 · close 3 at 11:30 · release · pause · resume · say 文字 · msg 名字 文字 · hands · who · remove 名字 · rename 名字 新名字 · reset 名字 章节 · help',
	unknown: word => `没有 "${word}" 这个命令；${zhCN.help}`,
	allOpen: '本次课程的章节都已开放',
	released: chapters => `已开放第 ${chapters} 章`,
	open: list => `已开放：${list}`,
	none: '无',
	openUsage: 'open N 开放前 N 章；open 3,5（或 3-5）只开放这几章',
	closeUsage: 'close 3（或 3,5）关闭这几章',
	notInSession: (unknown, session) => `不是本次课程的章节：${unknown}（本次课程的章节：${session}）`,
	paused: '课堂已暂停（请学生看前面）',
	resumed: '课堂已恢复',
	sayUsage: 'say 文字：在每个学生的屏幕上显示这段文字',
	sent: '已发送',
	msgUsage: 'msg 名字 文字：只在这名学生的屏幕上显示这段文字',
	noStudent: name => `没有名为 "${name}" 的学生；用 who 查看`,
	sentTo: name => `已发给 ${name}`,
	offlineMessage: name => `${name} 不在线：消息已记入日志，但不会显示在他的屏幕上`,
	removeUsage: 'remove 名字：把学生移出名单（假冒或输错名字的加入）',
	removed: name => `已移出 ${name}；名字和座位已释放`,
	renameUsage: 'rename 名字 新名字：更正学生的名字',
	renamed: (before, after) => `已将 ${before} 改名为 ${after}`,
	resetUsage: 'reset 名字 章节：清除一名学生在某一章的记录（章节 id 或编号）',
	noRecord: (name, chapter) => `${name} 没有第 ${chapter} 章的记录`,
	cleared: (name, chapter) => `已清除 ${name} 在第 ${chapter} 章的记录`,
	noHands: '没有人举手',
	hand: (name, where, lastCommand) => `✋ ${name}${where ? ` 在 ${where}` : ''}${lastCommand ? `；最后一条命令：${lastCommand}` : ''}`,
	where: (chapter, index, count) => `${chapter} 第 ${index}/${count} 步`,
	notStarted: '未开始',
	stuck: '（卡住）',
	offline: '（离线）',
	nobody: '还没有学生加入',
	timeboxUsage: '章节 at HH:MM、章节 in 20m 或 章节 never',
	timeboxProblem: problem => `close ${zhCN.timeboxUsage}：${problem}`,
	notDuration: text => `"${text}" 不是时长，例如 20m 或 1h30m`,
	notTimeOfDay: text => `"${text}" 不是时刻，例如 11:30`,
	alreadyPassed: text => `今天的 ${text} 已经过了`,
	noClosingTime: chapter => `第 ${chapter} 章现在没有关闭时间`,
	closesAt: (chapter, at, minutes) => `第 ${chapter} 章在 ${at} 关闭（还剩 ${minutes} 分钟）；学生能看到倒计时`,
	badName: '名字至少要有一个字母或数字',
	looksLike: (name, other) => `"${name}" 看起来和课堂里的 "${other}" 一样`,
	noSuchStudent: '没有这名学生',
	examKept: (dir, hintsOff, solutionsOff) => `注意：继续 ${dir}：考试模式保持开始时的设置（提示${hintsOff ? '关闭' : '开启'}，答案${solutionsOff ? '关闭' : '开启'}）`,
	cutHalfWritten: (bytes, dir) => `注意：从 ${dir} 截掉了最后一个只写了一半的事件（${bytes} 字节；主机在写入时停止，这个事件从未被确认）`,
	skippedLines: (lines, dir) => `警告：跳过了 ${dir}/events.jsonl 中 ${lines} 行损坏的记录`,
	chaptersKept: (dir, chapters) => `注意：继续 ${dir}：章节保持为 ${chapters}`,
	error: message => `错误：${message}`,
	sessionKept: dir => `会话保存在 ${dir}；用 --session ${dir} 继续，用 k8s-tutor classroom report ${dir}（或 export）查看结果`,
	badPort: port => `--port："${port}" 不是端口号（0-65535）`,
	badStuckAfter: text => `--stuck-after："${text}" 不是至少 10 秒的时长，例如 5m、90s 或 2m30s`,
	portInUse: (port, bind) => `${bind} 上的端口 ${port} 已被占用；用 --port 换一个`,
	notAnAddress: bind => `--bind：${bind} 不是这台电脑的地址`,
	portDenied: port => `不允许监听端口 ${port}；用 --port 选一个大于 1023 的端口`,
	cannotWrite: (dir, reason) => `无法写入会话文件夹 ${dir}：${reason}`,
	sessionProblem: problem => {
		switch (problem.kind) {
			case 'not-a-session':
				return `${problem.dir} 不是课堂会话文件夹（里面没有 session.json）`;
			case 'bad-json':
				return `${problem.path} 不是有效的 JSON`;
			case 'unknown-format':
				return `${problem.path} 不是这个版本能读懂的会话文件`;
			case 'other-files':
				return `${problem.dir} 里已有其他文件，不是课堂会话文件夹；请选一个新的或空的文件夹`;
			case 'locked':
				return `另一个课堂主机（进程 ${problem.pid}）正在使用 ${problem.dir}；请先停止它，或换一个文件夹`;
			case 'cannot-lock':
				return `无法锁定 ${problem.dir}`;
		}
	},
	badRange: part => `--chapters："${part}" 不是 1-3 这样的范围`,
	notAChapter: part => `--chapters："${part}" 不是章节编号、范围或 id`,
	noChapters: '--chapters：至少写一个章节，例如 1-3 或 2,4',
};

export function hostCommandText(locale: Locale): HostCommandText {
	return locale === 'zh-CN' ? zhCN : en;
}
