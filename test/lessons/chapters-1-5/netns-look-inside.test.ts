// Chapter 2's veth step: looking inside blue with ip's own -n/-netns counts as much as
// `ip netns exec blue ip link` (learners who knew -n were told they had not looked).
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {runCheck} from '../../../source/lessons/checks/checker.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {projectRoot} from '../../helpers/built-cli.ts';
import {runAll, sandboxShell} from '../../helpers/shell.ts';

const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 2)!;
const step = chapter.meta.steps.find(s => s.id === 'veth')!;

for (const look of ['ip netns exec blue ip link', 'ip -n blue link', 'ip -netns blue addr', 'ip -n blue -br link']) {
	test(`chapter 2 veth: "${look}" looks inside blue`, () => {
		const shell = sandboxShell();
		const lines = ['ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue', look];
		const {results, state} = runAll(shell, lines);
		const commands = lines.map((line, i) => ({line, exitCode: results[i]!.exitCode}));
		const result = runCheck(step.check!, {world: state.world, session: state.session, host: 'host-1', commands, sinceEventSeq: 0, locale: 'en'});
		assert.equal(result.passed, true, result.unmet.join('\n'));
	});
}

test('chapter 2 veth: without a look inside, the step is not passed', () => {
	const shell = sandboxShell();
	const lines = ['ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue', 'ip link'];
	const {results, state} = runAll(shell, lines);
	const commands = lines.map((line, i) => ({line, exitCode: results[i]!.exitCode}));
	assert.equal(runCheck(step.check!, {world: state.world, session: state.session, host: 'host-1', commands, sinceEventSeq: 0, locale: 'en'}).passed, false);
});
