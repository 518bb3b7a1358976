// The generic test over every step of every lesson (built-in and fixtures): each task's check
// fails on the step's starting world, still fails when time passes with nobody acting, and passes
// after its solution is replayed through the real shell and engine.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {formatProblem, replayChapter} from '../../source/lessons/lint.ts';
import {fixturePackDir} from './fixtures/fixture-pack.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {simpleCommands} from '../../source/lessons/selectors/history.ts';
import type {Chapter} from '../../source/lessons/parse-chapter.ts';

/** Commands a chapter's setups and solutions use that no command family has registered. */
function unregisteredCommands(chapter: Chapter): string[] {
	const known = createSimulation().commands;
	const missing = new Set<string>();
	for (const step of chapter.meta.steps) {
		const lines = [...(step.solution ?? []), ...(step.setup ?? []).flatMap(item => ('run' in item ? [item.run] : []))];
		for (const line of lines) {
			for (const words of simpleCommands(line.split('\n')[0]!)) {
				const name = words.find(w => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
				if (name && /^[a-z][a-z0-9_-]*$/.test(name) && !known.has(name)) missing.add(name);
			}
		}
	}
	return [...missing].sort();
}

for (const dir of [builtInLessonsDir(), fixturePackDir]) {
	const pack = loadLessonPack(dir);
	describe(`lesson pack ${dir}`, () => {
		test('every chapter parses without errors', () => {
			assert.deepEqual(pack.problems.filter(p => p.severity === 'error').map(formatProblem), []);
		});
		for (const chapter of pack.chapters) {
			// A command the chapter uses that the shell does not have fails the chapter (no "todo" escape hatch).
			test(`${chapter.folder}: every task fails on its starting world and passes after its solution`, () => {
				assert.deepEqual(unregisteredCommands(chapter), [], 'every command its setups and solutions use is registered');
				const {problems, steps} = replayChapter(chapter);
				assert.deepEqual(problems.map(formatProblem), []);
				const tasks = chapter.meta.steps.filter(s => s.kind === 'task').length;
				assert.equal(steps.length, tasks);
				for (const step of steps) assert.ok(step.failsOnStart && step.failsWhenLeftAlone && step.passesAfterSolution, step.stepId);
			});
		}
	});
}
