// A novice cannot guess a command's shape: each tool (and each docker, multipass or kubectl
// subcommand) a task's solution uses is shown in the text of that step or of an earlier step,
// in every language, before any hint is needed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';

const withSubcommand = new Set(['docker', 'multipass', 'kubectl']);
const tools = new Set([...withSubcommand, 'unshare', 'nsenter', 'lsns', 'ip', 'etcdctl', 'crictl', 'systemctl']);

/** "docker exec", "multipass launch", "unshare"... for each simple command of a solution line. */
function toolsOf(line: string): string[] {
	return line
		.split(/\||;|&&|\$\(/)
		.map(part => part.trim().split(/\s+/).filter(word => !word.startsWith('-')))
		.filter(words => tools.has(words[0] ?? ''))
		.map(words => (withSubcommand.has(words[0]!) ? words.slice(0, 2).join(' ') : words[0]!));
}

test('every tool a task needs is shown in the lesson text before the learner needs it', () => {
	const pack = loadLessonPack(builtInLessonsDir());
	const untaught: string[] = [];
	for (const locale of ['en', 'zh-CN'] as const) {
		let shown = '';
		for (const chapter of pack.chapters) {
			const text = chapter.texts[locale];
			if (!text) continue;
			for (const step of chapter.meta.steps) {
				const body = text.steps.get(step.id)?.body ?? '';
				for (const tool of new Set((step.solution ?? []).flatMap(toolsOf))) {
					if (!(shown + body).includes(tool)) untaught.push(`${locale} ${chapter.folder} ${step.id}: ${tool}`);
				}
				shown += body + '\n';
			}
		}
	}
	assert.deepEqual(untaught, []);
});
