// The dashboard's own words, in each language the tutor speaks. Technical data (kubectl
// columns, object names) stays as the real tools print it.
import {createContext, useContext} from 'react';
import type {Locale} from '../app/app-options.ts';

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
	lessonKeys: {hint: string; solution: string; reset: string; next: string; answer: string; chapters: string};
	confirmSolution: string;
	confirmReset: string;
	tooSmall: (need: string, have: string) => string;
	tooSmallHelp: string;
	moreRows: (n: number) => string;
	linesUp: (n: number) => string;
	nothingYet: string;
	events: string;
	back: string;
	chapters: string;
	chapterLocked: (prerequisites: string) => string;
	resumesAt: (step: number, title: string) => string;
	editedBack: (path: string) => string;
	anyKeyCloses: string;
	escIsAlt: string;
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
	lessonKeys: {hint: 'hint', solution: 'solution', reset: 'reset', next: 'next', answer: 'answer', chapters: 'chapters'},
	confirmSolution: 'Show the solution? y / n',
	confirmReset: 'Reset this step? y / n',
	tooSmall: (need, have) => `k8s-tutor needs a terminal of at least ${need}; this one is ${have}.`,
	tooSmallHelp: 'Make the window larger (80x24 or more is best), or press q to quit.',
	moreRows: n => ` ↓ ${n} more rows · Alt-x, then ↑↓ to scroll`,
	linesUp: n => `↑ ${n} lines up · Alt-↓`,
	nothingYet: '(nothing has happened yet)',
	events: 'events',
	back: 'Esc back',
	chapters: 'chapters',
	chapterLocked: p => `Builds on chapter ${p}: you can start it anyway.`,
	resumesAt: (n, title) => `Resumes at step ${n}: ${title}`,
	editedBack: path => `edit: back from editing ${path}`,
	anyKeyCloses: 'any key closes',
	escIsAlt: 'keys · Esc is Alt on terminals without it: Esc then p = Alt-p',
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
	lessonKeys: {hint: '提示', solution: '答案', reset: '重置', next: '下一步', answer: '回答', chapters: '章节'},
	confirmSolution: '显示答案？y / n',
	confirmReset: '重置这一步？y / n',
	tooSmall: (need, have) => `k8s-tutor 需要至少 ${need} 的终端，当前为 ${have}。`,
	tooSmallHelp: '请把窗口放大（80x24 或更大最好），或按 q 退出。',
	moreRows: n => ` ↓ 还有 ${n} 行 · Alt-x 后用 ↑↓ 滚动`,
	linesUp: n => `↑ 上翻 ${n} 行 · Alt-↓`,
	nothingYet: '（还没有事件）',
	events: '事件',
	back: 'Esc 返回',
	chapters: '章节',
	chapterLocked: p => `本章建立在第 ${p} 章之上：也可以直接开始。`,
	resumesAt: (n, title) => `从第 ${n} 步继续：${title}`,
	editedBack: path => `edit：已编辑完 ${path}`,
	anyKeyCloses: '按任意键关闭',
	escIsAlt: '按键 · 终端没有 Alt 时：先按 Esc 再按 p 等于 Alt-p',
};

export function uiText(locale: Locale): UiText {
	return locale === 'zh-CN' ? zh : en;
}

export const UiTextContext = createContext<UiText>(en);
export const useUiText = () => useContext(UiTextContext);
