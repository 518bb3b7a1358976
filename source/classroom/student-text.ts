// What a joined student reads about the classroom, in English and Simplified Chinese.
import type {Locale} from '../app/app-options.ts';
import type {Unreachable} from './client.ts';

export type StudentText = {
	online(name: string, queued: string): string;
	connecting(queued: string): string;
	offline(queued: string): string;
	left: string;
	refused: string;
	toSend(count: number): string;
	pausedSuffix: string;
	broadcast(text: string): string;
	paused: string;
	resumed: string;
	opened(chapters: string): string;
	notRun: string;
	notRunPlain: string;
	waitingNext: string;
	waitingFirst: string;
	finishedOpen(again: string): string;
	noneOpen(again: string): string;
	chapterDoneNext(chapter: number, again: string): string;
	chapterDoneWait(again: string): string;
	token(token: string, name: string): string;
	keptLocally(count: number): string;
	workingOffline(reason: string): string;
	badName: string;
	noLessons(dir: string): string;
	cannotJoin(reason: string): string;
	handRaised: string;
	handLowered: string;
	handUsage: string;
	handRaisedKey: string;
	handSuffix: string;
	handKeyHint: string;
	handTypeHint: string;
	message(text: string): string;
	hintsOff: string;
	solutionsOff: string;
	examSuffix(noHints: boolean, noSolutions: boolean): string;
	chapterClosed(chapter: string): string;
	ended: string;
	closesIn(chapter: string, at: string, minutes: number): string;
	restored(chapters: string): string;
	syncFailed(reason: string): string;
	// Why the host refused or could not be reached.
	wrongCode: string;
	roomFull(capacity: number | undefined): string;
	versionMismatch(hostVersion: string | undefined): string;
	nameTaken(name: string): string;
	looksLike(name: string, other: string): string;
	nameRefused: string;
	removed: string;
	slowDown: string;
	replaced(name: string): string;
	unreachable(where: string, reason: Unreachable, detail: string): string;
	rejected(reason: string): string;
};

const en: StudentText = {
	online: (name, queued) => `classroom: ${name} · online${queued}`,
	connecting: queued => `classroom: connecting…${queued}`,
	offline: queued => `classroom: host unreachable, working offline (progress kept${queued}; retrying)`,
	left: 'classroom: left the session',
	refused: 'refused by the host',
	toSend: count => `, ${count} to send`,
	pausedSuffix: ' · PAUSED by the instructor: eyes on the front',
	broadcast: text => `📣 Instructor: ${text}`,
	paused: '⏸ The instructor paused the room: eyes on the front.',
	resumed: '▶ The instructor resumed the room.',
	opened: chapters => `🔓 The instructor opened chapter ${chapters}.`,
	notRun: '⏸ The instructor paused the room: eyes on the front. Your command was not run.',
	notRunPlain: 'The instructor paused the room: eyes on the front. (Not run.)',
	waitingNext: 'You finished every chapter the instructor has opened. Waiting for the next one (Ctrl-C to leave)…',
	waitingFirst: 'Waiting for the instructor to open a chapter (Ctrl-C to leave)…',
	finishedOpen: again => `You finished every chapter the instructor has opened: run ${again} again when the instructor opens the next one.`,
	noneOpen: again => `The instructor has not opened a chapter yet: run ${again} again when they do.`,
	chapterDoneNext: (chapter, again) => `Chapter done. Chapter ${chapter} is open: run ${again} to go on.`,
	chapterDoneWait: again => `Chapter done. When the instructor opens the next chapter, run ${again} again.`,
	token: (token, name) => `Your token for this room is ${token}: to rejoin as ${name} from another computer, add --token ${token}`,
	keptLocally: count => `${count} progress events are kept on this computer and sent the next time you join.`,
	workingOffline: reason => `${reason}; working offline, progress is sent when it is back.`,
	badName: '--name: choose a name with at least one letter or digit',
	noLessons: dir => `no lessons found in ${dir}`,
	cannotJoin: reason => `cannot join: ${reason}`,
	handRaised: '✋ Your hand is up: the instructor sees your step and your last command. Type "hand down" to lower it.',
	handLowered: 'Your hand is down.',
	handUsage: 'hand: raise your hand for the instructor; "hand down" lowers it',
	handRaisedKey: '✋ Your hand is up: the instructor sees your step and your last command. Alt-u again lowers it.',
	handSuffix: ' · ✋ hand up',
	handKeyHint: 'Stuck? Alt-u (or Esc then u) raises your hand for the instructor; typing hand does too.',
	handTypeHint: 'Stuck? Type hand to raise your hand for the instructor (hand down lowers it).',
	message: text => `💬 Instructor, to you: ${text}`,
	hintsOff: 'Exam mode: the instructor turned hints off for this lab.',
	solutionsOff: 'Exam mode: the instructor turned solutions off for this lab.',
	examSuffix: (noHints, noSolutions) => ` · exam: ${[noHints ? 'no hints' : '', noSolutions ? 'no solutions' : ''].filter(Boolean).join(', ')}`,
	chapterClosed: chapter => `🔒 The instructor closed chapter ${chapter}. Your progress in it is kept; commands still run, but wait for the instructor before going on.`,
	ended: 'classroom: the instructor ended the class. Your progress is saved on this computer.',
	// Short: it shares an 80-column status bar with the step, the xp and the link.
	closesIn: (chapter, _at, minutes) => ` · ch ${chapter} closes in ${minutes} min`,
	restored: chapters => `Your progress came back from the classroom host (${chapters}): you go on where you left off.`,
	syncFailed: reason => `Your progress could not be exchanged with the classroom host (${reason}); it stays on this computer and is sent later.`,
	wrongCode: 'wrong join code: check the code the instructor shows',
	roomFull: capacity => `the room is full${capacity ? ` (${capacity} students)` : ''}; ask the instructor`,
	versionMismatch: hostVersion => `the host runs another k8s-tutor${hostVersion ? ` (${hostVersion})` : ''}; install the same version as the instructor`,
	nameTaken: name => `the name "${name}" is already taken in this room; choose another name (or rejoin from the computer that first used it, or with --token)`,
	looksLike: (name, other) => `the name "${name}" looks the same as "${other}", who is already in this room; choose a name that looks different`,
	nameRefused: 'choose a name with at least one letter or digit',
	removed: 'the instructor removed you from the room',
	slowDown: 'many students are joining from this computer right now; trying again in a few seconds',
	replaced: name => `${name} joined the room from another terminal; this one stopped sending`,
	unreachable: (where, reason, detail) =>
		`cannot reach the classroom host at ${where}: ${
			{
				refused: "nothing is listening there (is the instructor's session running, and is the port right?)",
				'unknown-host': 'that host name is unknown',
				'no-route': 'no route to it (are you on the same network?)',
				timeout: 'it did not answer in time',
				silent: 'it stopped answering',
				other: detail,
			}[reason]
		}`,
	rejected: reason => `classroom: ${reason}`,
};

const zhCN: StudentText = {
	online: (name, queued) => `课堂：${name} · 已连接${queued}`,
	connecting: queued => `课堂：正在连接…${queued}`,
	offline: queued => `课堂：连不上讲师的主机，离线继续（进度已保存${queued}；正在重试）`,
	left: '课堂：已离开',
	refused: '主机拒绝了加入',
	toSend: count => `，${count} 条待发送`,
	pausedSuffix: ' · 讲师已暂停：请看前面',
	broadcast: text => `📣 讲师：${text}`,
	paused: '⏸ 讲师暂停了课堂：请看前面。',
	resumed: '▶ 讲师恢复了课堂。',
	opened: chapters => `🔓 讲师开放了第 ${chapters} 章。`,
	notRun: '⏸ 讲师暂停了课堂：请看前面。刚才的命令没有执行。',
	notRunPlain: '讲师暂停了课堂：请看前面。（命令未执行）',
	waitingNext: '讲师开放的章节你都完成了。正在等待下一章（按 Ctrl-C 离开）…',
	waitingFirst: '正在等待讲师开放章节（按 Ctrl-C 离开）…',
	finishedOpen: again => `讲师开放的章节你都完成了：讲师开放下一章后，再运行 ${again}。`,
	noneOpen: again => `讲师还没有开放任何章节：开放后再运行 ${again}。`,
	chapterDoneNext: (chapter, again) => `本章完成。第 ${chapter} 章已开放：运行 ${again} 继续。`,
	chapterDoneWait: again => `本章完成。讲师开放下一章后，再运行 ${again}。`,
	token: (token, name) => `你在本课堂的令牌是 ${token}：要在另一台电脑上以 ${name} 重新加入，请加上 --token ${token}`,
	keptLocally: count => `${count} 条进度保存在本机，下次加入时发送。`,
	workingOffline: reason => `${reason}；离线继续，主机恢复后会发送进度。`,
	badName: '--name：名字至少要有一个字母或数字',
	noLessons: dir => `在 ${dir} 中没有找到课程`,
	cannotJoin: reason => `无法加入：${reason}`,
	handRaised: '✋ 你已举手：讲师能看到你所在的步骤和最后一条命令。输入 "hand down" 放下。',
	handLowered: '你已放下手。',
	handUsage: 'hand：向讲师举手；"hand down" 放下',
	handRaisedKey: '✋ 你已举手：讲师能看到你所在的步骤和最后一条命令。再按 Alt-u 放下。',
	handSuffix: ' · ✋ 已举手',
	handKeyHint: '卡住了？按 Alt-u（或先按 Esc 再按 u）向讲师举手；输入 hand 也可以。',
	handTypeHint: '卡住了？输入 hand 向讲师举手（hand down 放下）。',
	message: text => `💬 讲师对你说：${text}`,
	hintsOff: '考试模式：讲师关闭了本次实验的提示。',
	solutionsOff: '考试模式：讲师关闭了本次实验的答案。',
	examSuffix: (noHints, noSolutions) => ` · 考试：${[noHints ? '无提示' : '', noSolutions ? '无答案' : ''].filter(Boolean).join('，')}`,
	chapterClosed: chapter => `🔒 讲师关闭了第 ${chapter} 章。你的进度已保留；命令仍可运行，但请等讲师安排再继续。`,
	ended: '课堂：讲师结束了本次课堂。你的进度已保存在本机。',
	closesIn: (chapter, _at, minutes) => ` · 第${chapter}章 ${minutes} 分钟后关闭`,
	restored: chapters => `已从课堂主机取回你的进度（${chapters}）：从上次离开的地方继续。`,
	syncFailed: reason => `无法与课堂主机同步进度（${reason}）；进度保留在本机，稍后再发送。`,
	wrongCode: '加入码不对：请核对讲师展示的加入码',
	roomFull: capacity => `课堂已满${capacity ? `（${capacity} 名学生）` : ''}；请联系讲师`,
	versionMismatch: hostVersion => `讲师的主机运行的是另一个版本的 k8s-tutor${hostVersion ? `（${hostVersion}）` : ''}；请安装和讲师相同的版本`,
	nameTaken: name => `课堂里已经有人叫 "${name}"；请换一个名字（或在第一次使用这个名字的电脑上重新加入，或加上 --token）`,
	looksLike: (name, other) => `名字 "${name}" 看起来和课堂里的 "${other}" 一样；请换一个看起来不同的名字`,
	nameRefused: '名字至少要有一个字母或数字',
	removed: '讲师把你移出了课堂',
	slowDown: '这台电脑上正有很多学生同时加入；几秒后自动重试',
	replaced: name => `${name} 在另一个终端加入了课堂；这个终端已停止发送`,
	unreachable: (where, reason, detail) =>
		`连不上 ${where} 的课堂主机：${
			{
				refused: '那里没有程序在监听（讲师的课堂开始了吗？端口对吗？）',
				'unknown-host': '不认识这个主机名',
				'no-route': '没有到达它的路由（你们在同一个网络里吗？）',
				timeout: '它没有及时回应',
				silent: '它不再回应',
				other: detail,
			}[reason]
		}`,
	rejected: reason => `课堂：${reason}`,
};

export function studentText(locale: Locale): StudentText {
	return locale === 'zh-CN' ? zhCN : en;
}
