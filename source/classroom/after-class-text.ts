// The words of `classroom report` (its table) and `classroom replay`, in English and Simplified
// Chinese. The csv and json keep English column names: spreadsheets and scripts read them.
import type {Locale} from '../app/app-options.ts';

export type AfterClassText = {
	nobody: string;
	header: [string, string, string, string, string, string, string, string, string];
	yes: string;
	no: string;
	noStudent(name: string, students: string): string;
	none: string;
	joined(name: string, at: string): string;
	entered(chapter: string, index: number, count: number, title: string): string;
	passed(chapter: string, step: string, withHelp: boolean): string;
	exit(code: number): string;
	check(unmet: string): string;
	notYet: string;
	hint(n: number): string;
	solution: string;
	handUp: string;
	handDown: string;
	instructor(text: string): string;
	total(commands: number, failed: number): string;
};

const en: AfterClassText = {
	nobody: 'Nobody reached a chapter in this session.',
	header: ['student', 'chapter', 'done', 'steps', 'time', 'hints', 'solutions', 'wrong answers', 'failed commands'],
	yes: 'yes',
	no: 'no',
	noStudent: (name, students) => `no student named "${name}" in this session; students: ${students}`,
	none: 'none',
	joined: (name, at) => `${name}: joined at ${at}`,
	entered: (chapter, index, count, title) => `── ${chapter} step ${index}/${count}: ${title}`,
	passed: (chapter, step, withHelp) => `✓ passed ${chapter} ${step}${withHelp ? ' (with help)' : ''}`,
	exit: code => `   (exit ${code})`,
	check: unmet => `✗ check: ${unmet}`,
	notYet: 'not yet',
	hint: n => `hint ${n}`,
	solution: 'solution shown',
	handUp: '✋ raised a hand',
	handDown: 'lowered the hand',
	instructor: text => `💬 instructor: ${text}`,
	total: (commands, failed) => `${commands} commands, ${failed} failed`,
};

const zhCN: AfterClassText = {
	nobody: '本次课堂没有学生进入任何章节。',
	header: ['学生', '章节', '完成', '步骤', '用时', '提示', '答案', '答错', '失败命令'],
	yes: '是',
	no: '否',
	noStudent: (name, students) => `本次课堂没有名为 "${name}" 的学生；学生：${students}`,
	none: '无',
	joined: (name, at) => `${name}：${at} 加入`,
	entered: (chapter, index, count, title) => `── ${chapter} 第 ${index}/${count} 步：${title}`,
	passed: (chapter, step, withHelp) => `✓ 完成 ${chapter} ${step}${withHelp ? '（借助提示或答案）' : ''}`,
	exit: code => `   （退出码 ${code}）`,
	check: unmet => `✗ 检查：${unmet}`,
	notYet: '还没有完成',
	hint: n => `提示 ${n}`,
	solution: '查看了答案',
	handUp: '✋ 举手',
	handDown: '放下了手',
	instructor: text => `💬 讲师：${text}`,
	total: (commands, failed) => `${commands} 条命令，${failed} 条失败`,
};

export function afterClassText(locale: Locale): AfterClassText {
	return locale === 'zh-CN' ? zhCN : en;
}
