// Chapter 10's game (the final challenge): seeded plans, incidents at their virtual times, availability, the command,
// the score, and the high-score table kept with progress.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {challengeAvailability, passingAvailability} from '../../../source/engine/challenge/advance-challenge.ts';
import {challengeScore, commandsSince} from '../../../source/engine/challenge/challenge-score.ts';
import {createChallengeWorld} from '../../../source/engine/challenge/create-challenge-world.ts';
import {planIncidents} from '../../../source/engine/challenge/plan-challenge.ts';
import {openProgressStore} from '../../../source/lessons/progress/progress-store.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {runPlainChapter} from './plain-run.ts';

const workers = ['worker-1', 'worker-2', 'worker-3'];
const webYaml = readFileSync(join(import.meta.dirname, '../../../lessons/10-final-challenge/files/web.yaml'), 'utf8');

test('a seed always gives the same plan, other seeds other plans, each with every kind of incident', () => {
	assert.deepEqual(planIncidents(7, workers), planIncidents(7, workers));
	const plans = new Set<string>();
	for (let seed = 1; seed <= 20; seed++) {
		const plan = planIncidents(seed, workers);
		plans.add(JSON.stringify(plan));
		assert.deepEqual(plan.map(i => i.kind).sort(), ['bad-rollout', 'drain', 'node-failure', 'overcommit']);
		const failed = plan.find(i => i.kind === 'node-failure')!.target;
		assert.notEqual(plan.find(i => i.kind === 'drain')!.target, failed, 'the drained node is not the dead one');
		for (const i of plan) assert.ok(i.atMs >= 45_000 && i.atMs <= 575_000, `${i.kind} at ${i.atMs}`);
	}
	assert.ok(plans.size >= 10, `only ${plans.size} different plans in 20 seeds`);
});

test('a game left alone: the incidents strike on time, availability falls below the bar, the game is lost', () => {
	const shell = sandboxShell({world: createChallengeWorld(1), files: {'web.yaml': webYaml}});
	assert.match(run(shell, 'challenge').text, /challenge start/, 'before the start, challenge shows the briefing');
	assert.equal(run(shell, 'challenge start').exitCode, 0);
	assert.equal(run(shell, 'challenge start').exitCode, 1, 'a running game cannot start twice');
	run(shell, 'sleep 901');
	const ch = shell.state.world.challenge!;
	assert.equal(ch.finished, true);
	assert.ok(challengeAvailability(ch) < passingAvailability, `availability ${challengeAvailability(ch)}`);
	assert.deepEqual(
		ch.timeline.filter(e => e.kind === 'incident').map(e => e.atMs),
		ch.incidents.map(i => i.atMs).sort((a, b) => a - b),
		'each incident is in the timeline at its own time, even inside one long sleep',
	);
	assert.ok(shell.state.world.events.some(e => e.reason === 'ChallengeFailed'));
	assert.ok(!shell.state.world.events.some(e => e.reason === 'ChallengeCompleted'));
	const summary = run(shell, 'challenge').text;
	assert.match(summary, /=== Game 1 is over ===/);
	assert.match(summary, / ! worker-\d lost power/);
	assert.match(summary, /Lost: under 80% served/);
});

test('the same seed plays the same game for everyone; --seed picks another', () => {
	const a = sandboxShell({world: createChallengeWorld(1)});
	const b = sandboxShell({world: createChallengeWorld(1)});
	for (const s of [a, b]) {
		run(s, 'challenge start --seed 42');
		run(s, 'sleep 600');
	}
	assert.deepEqual(a.state.world.challenge!.timeline, b.state.world.challenge!.timeline);
	assert.equal(a.state.world.challenge!.seed, 42);
	assert.deepEqual(a.state.world.challenge!.incidents.map(i => ({...i, fired: false})), planIncidents(42, workers));
	const bad = sandboxShell({world: createChallengeWorld(1)});
	assert.equal(run(bad, 'challenge start --seed many').exitCode, 2);
	assert.equal(run(bad, 'challenge frobnicate').exitCode, 2);
});

test('a hint reads the cluster as it is now and costs points', () => {
	const shell = sandboxShell({world: createChallengeWorld(3), files: {'web.yaml': webYaml}});
	run(shell, 'challenge start');
	const rollout = shell.state.world.challenge!.incidents.find(i => i.kind === 'bad-rollout')!;
	run(shell, `sleep ${rollout.atMs / 1000 + 5}`);
	const hint = run(shell, 'challenge hint').text;
	assert.match(hint, new RegExp(`"${rollout.target}"`));
	assert.match(hint, /kubectl apply -f web\.yaml/);
	assert.equal(shell.state.world.challenge!.hintsUsed, 1);
	assert.match(run(shell, 'challenge').text, /Hints: 1/);
});

test('the score: availability points, minus commands after the free ones, minus hints', () => {
	assert.equal(challengeScore({availability: 0.9, commands: 10, hints: 0}).total, 900);
	assert.equal(challengeScore({availability: 0.9, commands: 20, hints: 1}).total, 900 - 25 - 30);
	assert.equal(challengeScore({availability: 0, commands: 99, hints: 9}).total, 0);
	assert.equal(commandsSince(['ls', 'challenge start', 'kubectl get pods', ' challenge', 'sleep 5'], 1), 2);
});

test('winning game 1 from the commands file puts it in the high-score table kept with progress', async () => {
	const script = readFileSync(join(import.meta.dirname, '../../scripts/plain-chapters-6-9/ch10.txt'), 'utf8');
	const {code, out, home} = await runPlainChapter('10', script);
	assert.equal(code, 0, out.slice(-2000));
	assert.match(out, /✓ Step 2\/3: Keep web serving/);
	assert.match(out, /=== Game 1 is over ===/, 'the summary step shows the game');
	assert.match(out, /What happened when:/);
	assert.match(out, /1\. +\d+ +game 1 /, 'and the high-score table');
	const [best] = openProgressStore({configDir: home}).read().chapters['final-challenge']!.highScores!;
	assert.equal(best.seed, 1);
	assert.ok(best.availability >= passingAvailability && best.score > 800, JSON.stringify(best));
});

test('room freed by scaling the batch job down lets Pending web pods start at once, not after the 5-minute retry', () => {
	const shell = sandboxShell({world: createChallengeWorld(1), files: {'web.yaml': webYaml}});
	run(shell, 'challenge start');
	const drain = shell.state.world.challenge!.incidents.find(i => i.kind === 'drain')!;
	run(shell, `sleep ${drain.atMs / 1000 + 10}`);
	const pendingWeb = () => [...shell.state.world.cluster!.store.pods.values()].filter(p => p.metadata.labels?.app === 'web' && !p.spec.nodeName && !p.metadata.deletionTimestamp).length;
	assert.ok(pendingWeb() > 0, 'the drain left web pods Pending for lack of CPU');
	run(shell, 'kubectl scale deployment batch-report --replicas=0');
	run(shell, 'sleep 60');
	assert.equal(pendingWeb(), 0);
	assert.equal(shell.state.world.challenge!.serving, 4);
});

test('in Simplified Chinese the game speaks Chinese: start, status, timeline, hint and summary', () => {
	const shell = sandboxShell({world: createChallengeWorld(1), files: {'web.yaml': webYaml}});
	shell.runtime = {...shell.runtime, locale: 'zh-CN'};
	assert.match(run(shell, 'challenge help').stdout, /^让 deployment\/web 持续服务：4 个副本，坚持 15 分钟虚拟时间。\n/);
	assert.equal(run(shell, 'challenge start').stdout, '第 1 局开始了。虚拟时间在流逝；`sleep N` 可以快进。祝你好运。\n');
	const failure = shell.state.world.challenge!.incidents.find(i => i.kind === 'node-failure')!;
	run(shell, `sleep ${failure.atMs / 1000 + 5}`);
	const status = run(shell, 'challenge').stdout;
	assert.match(status, /^第 1 局：已进行 \d+m\d\ds，共 15m00s，还剩 \d+m\d\ds。\n当前在服务：\d\/4 个副本。 {3}目前可用率：[\d.]+%。\n命令：\d+ {3}提示：0\n\n到目前为止：\n 0:00 {3}第 1 局开始，4\/4 个在服务\n/);
	assert.match(status, new RegExp(`! ${failure.target} 断电了\\n`));
	assert.match(run(shell, 'challenge hint').stdout, new RegExp(`^提示（-30 分）：${failure.target} 已经宕机，.*kubectl cordon ${failure.target}`));
	run(shell, 'sleep 900');
	const summary = run(shell, 'challenge').stdout;
	assert.match(summary, /^=== 第 1 局结束 ===\n\n可用率 {7}[ \d.]{5}% +\d+\n命令 {9}[ \d]{6} +-?\d+\n/, 'the columns line up as in English (a Chinese character is two cells)');
	assert.match(summary, / 时间到：[\d.]+%\n$/);
	assert.doesNotMatch(summary, /lost power|serving|Game/);
});
