// Every key of the dashboard, as data: the `?` overlay prints this list, and the key router
// follows it. Single letters act only where they cannot be the start of a command: on an empty
// prompt for `?` and `q` (no command starts with them), n and quiz letters on steps with
// nothing to type, in the lesson or cluster pane (reached with Tab on an empty prompt), or
// with Alt (or Esc then the key) from anywhere.

type Words = {en: string; zh: string};
export type KeyHelp = {keys: string; does: Words};
export type KeyGroup = {title: Words; keys: KeyHelp[]};

const k = (keys: string, en: string, zh: string): KeyHelp => ({keys, does: {en, zh}});

export const keyGroups: KeyGroup[] = [
	{
		title: {en: 'Prompt', zh: '命令行'},
		keys: [
			k('Enter', 'run the command', '运行命令'),
			k('← → Home End', 'move (Ctrl-A/E too)', '移动光标（也可 Ctrl-A/E）'),
			k('Ctrl-W U K', 'delete word/to start/end', '删除词/到行首/到行尾'),
			k('↑ ↓', 'history', '历史命令'),
			k('Tab', 'complete (empty: panes)', '补全；空行时切换面板'),
			k('paste', 'YAML after apply -f -', '在 apply -f - 后粘贴 YAML'),
			k('Alt-↑ Alt-↓', 'scroll the output', '滚动输出'),
			k('Ctrl-L', 'clear the output', '清空输出'),
		],
	},
	{
		title: {en: 'Anywhere', zh: '任何时候'},
		keys: [
			k('?', 'these keys (empty prompt)', '显示按键（空命令行）'),
			k('q  Ctrl-C', 'quit, progress saved', '退出，进度已保存'),
			k('Alt-m', 'chapters: pick another', '章节：选择其他章节'),
			k('Esc', 'back to the prompt', '回到命令行'),
			k('PgUp PgDn', 'scroll the lesson', '滚动课程'),
		],
	},
	{
		title: {en: 'Lesson: Alt-key, or key in lesson', zh: '课程：Alt-键，或在课程面板中直接按'},
		keys: [
			k('h', 'hint', '提示'),
			k('c', 'check: what is missing', '检查：还差什么'),
			k('s', 'solution (asks y/n)', '答案（先确认 y/n）'),
			k('r', 'reset the step (asks y/n)', '重置这一步（先确认 y/n）'),
			k('n', 'next (read/quiz/summary)', '下一步（阅读、测验等）'),
			k('a b c d', 'answer (Alt-c: check)', '回答测验（Alt-c 是检查）'),
			k('u', 'hand up/down (classroom)', '课堂：举手 / 放下'),
		],
	},
	{
		title: {en: 'Time, pane: Alt-key, or key in pane', zh: '时间与面板：Alt-键，或在面板中直接按'},
		keys: [
			k('p', 'pause / resume the clock', '暂停 / 继续模拟时钟'),
			k('t', 'step one second', '前进一秒'),
			k('f', 'speed 1x → 5x → 20x', '速度 1x → 5x → 20x'),
			k('d', 'pane depth: the next one', '面板深度：下一个'),
			k('1 2 3', 'host / docker / cluster', '主机 / docker / 集群'),
			k('x', 'select ↑↓, Enter x-ray', '选择 ↑↓，Enter 透视'),
		],
	},
];
