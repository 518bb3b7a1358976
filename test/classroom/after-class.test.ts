// After class: the report (one row per student per chapter) and one student's replay, from the
// session folder; and the join help a student reads alone.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {runClassroomReplay, runClassroomReport} from '../../source/app/classroom-commands.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {replayStudent} from '../../source/classroom/replay.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {fakeIO, options} from './fake-io.ts';
import {startHost, stepEntered, student, tempDir} from './helpers.ts';

async function sessionWithTwoStudents(t: {after(fn: () => unknown): void}) {
	const dir = tempDir(t);
	const host = await startHost(dir);
	const alice = student(host, 'alice');
	const wang = student(host, '王小明');
	await Promise.all([alice.firstContact(), wang.firstContact()]);
	const ch = 'containers';
	alice.report(stepEntered(ch, 0, 2));
	alice.report({kind: 'command-run', chapterId: ch, stepId: 'step-1', line: 'docker run kubia', exitCode: 125, unmet: ['no container']});
	alice.report({kind: 'hint-used', chapterId: ch, stepId: 'step-1', hintNumber: 1});
	alice.report({kind: 'command-run', chapterId: ch, stepId: 'step-1', line: 'docker run -d kubia', exitCode: 0, unmet: []});
	alice.report({kind: 'step-passed', chapterId: ch, stepId: 'step-1', withHelp: true});
	alice.report({...stepEntered(ch, 1, 2), stepKind: 'summary'});
	wang.report(stepEntered(ch, 0, 2));
	wang.report({kind: 'check-failed', chapterId: ch, stepId: 'step-1', unmet: ['x']});
	wang.report({kind: 'solution-shown', chapterId: ch, stepId: 'step-1'});
	await Promise.all([alice.drain(3000), wang.drain(3000)]);
	await host.message('s1', 'well done');
	await Promise.all([alice.close(), wang.close()]);
	await host.close();
	return dir;
}

test('classroom report: one row per student per chapter, as a table, csv and json', async t => {
	const dir = await sessionWithTwoStudents(t);
	const table = fakeIO('');
	assert.equal(await runClassroomReport(options(tempDir(t)), table.io, dir, 'text'), 0);
	const lines = table.out().trimEnd().split('\n');
	assert.match(lines[0]!, /^student\s+chapter\s+done\s+steps\s+time\s+hints\s+solutions\s+wrong answers\s+failed commands$/);
	assert.match(lines[1]!, /^alice\s+1 containers\s+yes\s+2\/2\s+\dm\d\d\s+1\s+0\s+0\s+1$/);
	assert.match(lines[2]!, /^王小明\s+1 containers\s+no\s+0\/2\s+\dm\d\d\s+0\s+1\s+1\s+0$/);
	assert.equal(lines[1]!.indexOf('1 containers'), lines[0]!.indexOf('chapter'));
	const csv = fakeIO('');
	await runClassroomReport(options(tempDir(t)), csv.io, dir, 'csv');
	assert.equal(csv.out().split('\r\n')[0], 'student,chapter,chapterNumber,completed,stepsPassed,steps,timeSeconds,hints,solutionsShown,wrongAnswers,failedCommands');
	assert.match(csv.out(), /\r\nalice,containers,1,true,2,2,\d+,1,0,0,1\r\n/);
	const json = fakeIO('');
	await runClassroomReport(options(tempDir(t)), json.io, dir, 'json');
	assert.deepEqual(JSON.parse(json.out()).map((row: {student: string; completed: boolean}) => [row.student, row.completed]), [['alice', true], ['王小明', false]]);
});

test("classroom replay: one student's commands with exit codes, steps, hints and the instructor's answer", async t => {
	const dir = await sessionWithTwoStudents(t);
	const replay = fakeIO('');
	assert.equal(await runClassroomReplay(options(tempDir(t)), replay.io, dir, 'ALICE'), 0);
	const text = replay.out();
	assert.match(text, /^alice: joined at \d\d:\d\d:\d\d\n/);
	assert.match(text, /── containers step 1\/2: Step 1\n.*\$ docker run kubia {3}\(exit 125\)\n.*hint 1\n.*\$ docker run -d kubia\n.*✓ passed containers step-1 \(with help\)\n/);
	assert.match(text, /💬 instructor: well done/);
	assert.match(text, /2 commands, 1 failed\n$/);
	const missing = fakeIO('');
	assert.equal(await runClassroomReplay(options(tempDir(t)), missing.io, dir, 'bob'), 1);
	assert.match(missing.err(), /no student named "bob" in this session; students: alice, 王小明/);
});

test('an instructor reading Chinese gets the report table and the replay in Chinese', async t => {
	const dir = await sessionWithTwoStudents(t);
	const zh = {...options(tempDir(t)), lang: 'zh-CN' as const};
	const table = fakeIO('');
	assert.equal(await runClassroomReport(zh, table.io, dir, 'text'), 0);
	const lines = table.out().trimEnd().split('\n');
	assert.match(lines[0]!, /^学生\s+章节\s+完成\s+步骤\s+用时\s+提示\s+答案\s+答错\s+失败命令$/);
	assert.match(lines[1]!, /^alice\s+1 containers\s+是\s+2\/2/);
	const column = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text)));
	assert.equal(column(lines[1]!, '1 containers'), column(lines[0]!, '章节'), 'the columns line up under Chinese titles');
	const replay = fakeIO('');
	assert.equal(await runClassroomReplay(zh, replay.io, dir, 'alice'), 0);
	assert.match(replay.out(), /^alice：\d\d:\d\d:\d\d 加入\n/);
	assert.match(replay.out(), /── containers 第 1\/2 步：Step 1\n.*\$ docker run kubia {3}（退出码 125）\n.*提示 1\n/);
	assert.match(replay.out(), /💬 讲师：well done/);
	assert.match(replay.out(), /2 条命令，1 条失败\n$/);
	const missing = fakeIO('');
	assert.equal(await runClassroomReplay(zh, missing.io, dir, 'bob'), 1);
	assert.match(missing.err(), /本次课堂没有名为 "bob" 的学生/);
});

test('join --help lists --plain and --lang', () => {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const help = execFileSync('node_modules/.bin/node', ['--import', 'tsx', 'source/bin.ts', 'join', '--help'], {cwd: root, encoding: 'utf8'});
	assert.match(help, /--plain\s+plain linear output/);
	assert.match(help, /--lang <locale>/);
	assert.match(help, /--token <token>/);
	assert.doesNotMatch(help, /--api|--docker-api/, 'the endpoints serve a learner\'s own simulation, not a classroom');
});

test('join and classroom host refuse the endpoint flags instead of ignoring them', () => {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const run = (...args: string[]) => spawnSync('node_modules/.bin/node', ['--import', 'tsx', 'source/bin.ts', ...args], {cwd: root, encoding: 'utf8'});
	const join = run('join', '127.0.0.1:1', '--code', 'ABC234', '--name', 'ana', '--api');
	assert.equal(join.status, 2);
	assert.equal(join.stderr, 'k8s-tutor: --api is not offered in a classroom: it serves your own simulation (k8s-tutor sandbox or start)\n');
	const host = run('classroom', 'host', '--docker-api', '--lang', 'zh-CN');
	assert.equal(host.status, 2);
	assert.match(host.stderr, /课堂中不提供 --docker-api/);
	assert.doesNotMatch(run('classroom', 'host', '--help').stdout, /--api/);
});

test('classroom replay finds a student the instructor renamed, by the new name or the one they joined with', () => {
	const at = new Date(2026, 11, 3, 9, 0, 0).getTime();
	const records: LogRecord[] = [
		{r: 'joined', at, studentId: 's1', name: 'pat', tokenHash: 'h'},
		{r: 'event', at, studentId: 's1', seq: 1, clientAt: at, event: {kind: 'command-run', line: 'free -h', exitCode: 0}},
		{r: 'renamed', at, studentId: 's1', name: 'pat-lee'},
		{r: 'joined', at, studentId: 's2', name: 'ana', tokenHash: 'h'},
	];
	for (const name of ['pat-lee', 'PAT']) {
		const replay = replayStudent(records, name);
		assert.ok('lines' in replay, `found by ${name}`);
		assert.deepEqual(replay.lines, ['pat → pat-lee: joined at 09:00:00', '09:00:00  $ free -h', '1 command, 0 failed']);
	}
	assert.deepEqual(replayStudent(records, 'bob'), {error: 'no student named "bob" in this session; students: pat-lee, ana'});
});
