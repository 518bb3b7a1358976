// The lesson engine's own words (not the chapters'), per locale.
import type {Locale} from '../app/app-options.ts';

export type UiText = {
	stepPassed(n: number, count: number, title: string): string;
	stepHeading(n: number, count: number, title: string): string;
	chapterHeading(number: number, title: string): string;
	confirmSolution: string;
	confirmReset: string;
	/** A finished chapter's summary (reopened, or r pressed there): start the chapter over? */
	confirmRestart: string;
	snapshotUnreadable: string;
	hint(n: number, count: number): string;
	noMoreHints: string;
	solution: string;
	resetDone: string;
	allMet: string;
	notATask: string;
	quizRight: string;
	quizWrong: string;
	quizUsage(keys: string[]): string;
	/** After a wrong answer: which choice is right (its explanation follows). */
	quizAnswerIs(key: string, text: string): string;
	/** After a wrong answer: what the learner can do now. */
	quizAgainOrNext: string;
	chapterDone(xp: number, hints: number, solutions: number): string;
	chapterNotDone(stepN: number, count: number, title: string): string;
	cancelled: string;
	confirmUsage: string;
	buildsOn(number: number, prerequisites: {number: number; title: string}[]): string;
};

const en: UiText = {
	stepPassed: (n, count, title) => `✓ Step ${n}/${count}: ${title}`,
	stepHeading: (n, count, title) => `Step ${n}/${count}: ${title}`,
	chapterHeading: (number, title) => `Chapter ${number} · ${title}`,
	confirmSolution: 'Show the solution? The step will count as solved with help. (y/n)',
	confirmReset: "Reset this step's world to how it began? (y/n)",
	confirmRestart: 'You finished this chapter: here is its summary, with your world as you left it to look around in. Start the chapter over from step 1 in a fresh world (your points stay)? (y/n)',
	snapshotUnreadable: "The saved world of this chapter could not be read; the step starts again in its own starting world.",
	hint: (n, count) => `Hint ${n}/${count}:`,
	noMoreHints: 'No more hints for this step. Type "solution" to see the answer.',
	solution: 'Solution:',
	resetDone: "The step's world is back to how it began.",
	allMet: 'Everything is in place.',
	notATask: 'Nothing to check in this step.',
	quizRight: '✓ Right.',
	quizWrong: '✗ Not quite.',
	quizUsage: keys => `Answer with: answer ${keys.join('|')}`,
	quizAnswerIs: (key, text) => `The right answer is ${key}) ${text}.`,
	quizAgainOrNext: 'Answer again, or move on with next.',
	chapterDone: (xp, hints, solutions) => `Chapter complete: ${xp} xp (${hints} hint${hints === 1 ? '' : 's'}, ${solutions} solution${solutions === 1 ? '' : 's'} shown).`,
	chapterNotDone: (n, count, title) => `Chapter not finished: stopped at step ${n}/${count} (${title}). Run the same command again to resume.`,
	cancelled: 'Cancelled.',
	confirmUsage: 'Type y or n.',
	buildsOn: (number, prerequisites) => `Note: chapter ${number} builds on chapter ${prerequisites.map(p => `${p.number} (${p.title})`).join(', ')}, not finished yet.`,
};

const zhCN: UiText = {
	stepPassed: (n, count, title) => `✓ 第 ${n}/${count} 步：${title}`,
	stepHeading: (n, count, title) => `第 ${n}/${count} 步：${title}`,
	chapterHeading: (number, title) => `第 ${number} 章 · ${title}`,
	confirmSolution: '显示答案？这一步将记为“在帮助下完成”。(y/n)',
	confirmReset: '把这一步的环境恢复到开始时的样子？(y/n)',
	confirmRestart: '你已经完成了这一章：这里是它的总结，环境保持你离开时的样子，可以随意查看。要在全新的环境中从第 1 步重新开始这一章吗（已得的分数保留）？(y/n)',
	snapshotUnreadable: '无法读取本章保存的环境，这一步将在它的初始环境中重新开始。',
	hint: (n, count) => `提示 ${n}/${count}：`,
	noMoreHints: '这一步没有更多提示了。输入 "solution" 查看答案。',
	solution: '答案：',
	resetDone: '这一步的环境已恢复到开始时的样子。',
	allMet: '全部完成。',
	notATask: '这一步没有需要检查的内容。',
	quizRight: '✓ 回答正确。',
	quizWrong: '✗ 不太对。',
	quizUsage: keys => `请这样作答：answer ${keys.join('|')}`,
	quizAnswerIs: (key, text) => `正确答案是 ${key}) ${text}。`,
	quizAgainOrNext: '可以再答一次，或输入 next 继续。',
	chapterDone: (xp, hints, solutions) => `本章完成：${xp} xp（使用提示 ${hints} 次，查看答案 ${solutions} 次）。`,
	chapterNotDone: (n, count, title) => `本章尚未完成：停在第 ${n}/${count} 步（${title}）。再次运行同一命令即可继续。`,
	cancelled: '已取消。',
	confirmUsage: '请输入 y 或 n。',
	buildsOn: (number, prerequisites) => `提示：第 ${number} 章建立在${prerequisites.map(p => `第 ${p.number} 章（${p.title}）`).join('、')}之上，你还没有完成它。`,
};

export function uiText(locale: Locale): UiText {
	return locale === 'zh-CN' ? zhCN : en;
}
