// An instructor and students working in Simplified Chinese: the plain host's replies to typed
// commands, its notes, and the reasons a join is refused are all in Chinese.
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runClassroomHost, runClassroomReport, runJoin} from '../../source/app/classroom-commands.ts';
import {runHostCommand} from '../../source/classroom/host-commands.ts';
import {fakeIO, options, within} from './fake-io.ts';
import {startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';
import {messages} from '../../source/i18n/catalog.ts';

const zh = messages('zh-CN').hostCommand;

test('the plain host answers typed commands in Chinese', async t => {
	const typing = new PassThrough();
	const {io, out, interrupt} = fakeIO(typing);
	const hosting = runClassroomHost({...options(tempDir(t)), lang: 'zh-CN'}, io, {port: '0', bind: '127.0.0.1', session: tempDir(t), chapters: '1,2'});
	t.after(async () => {
		interrupt();
		await hosting;
	});
	await waitFor(() => out().includes('命令：open N'), 'the list of commands in Chinese');
	assert.match(out(), /加入：npx k8s-tutor join 127\.0\.0\.1:\d+ --code \w+ --name "你的名字" --lang zh-CN\n/, 'the join line for a Chinese room');
	typing.write(['who', 'bogus', 'close 1 at 25:00', 'hands', 'msg', 'open 9,10', 'release', 'pause', ''].join('\n'));
	await waitFor(() => out().includes('课堂已暂停（请学生看前面）'), 'the last reply');
	const text = out();
	for (const reply of ['还没有学生加入', '没有 "bogus" 这个命令', '"25:00" 不是时刻，例如 11:30', '没有人举手', 'msg 名字 文字：只在这名学生的屏幕上显示这段文字', '不是本次课程的章节：9, 10', '已开放第 2 章']) {
		assert.ok(text.includes(reply), `${reply} in:\n${text}`);
	}
	assert.doesNotMatch(text, /unknown command|nobody has joined|no hands up/);
	interrupt();
	assert.equal(await within(hosting, 5000, 'the host to stop'), 0);
});

test('who counts as stuck what --stuck-after says, not the default', async t => {
	const now = 1_000_000;
	const host = await startHost(tempDir(t), {clock: () => now});
	t.after(() => host.close());
	const link = student(host, 'ana');
	t.after(() => link.close());
	await link.firstContact();
	link.report({...stepEntered('first', 1), stepKind: 'task'});
	await waitFor(() => host.room.students.s1?.current !== undefined, 'the step to arrive');
	const at = now + 20_000;
	assert.doesNotMatch(await runHostCommand(host, 'who', at), /stuck/, 'under the default 5 minutes');
	assert.match(await runHostCommand(host, 'who', at, {rule: {idleMs: 10_000, failures: 5}}), /^ana: first step 2\/3 \(stuck\)$/);
	assert.match(await runHostCommand(host, 'who', at, {say: zh, rule: {idleMs: 10_000, failures: 5}}), /^ana: first 第 2\/3 步（卡住）$/);
});

test('a student in Chinese is told in Chinese why the host refused them or cannot be reached', async t => {
	const host = await startHost(tempDir(t), {capacity: 1});
	t.after(() => host.close());
	const zhOptions = {...options(tempDir(t)), lang: 'zh-CN' as const};
	const wrong = fakeIO('');
	assert.equal(await runJoin(zhOptions, wrong.io, {host: `127.0.0.1:${host.port}`, code: 'WRONG9', name: 'dan'}), 1);
	assert.match(wrong.err(), /无法加入：加入码不对：请核对讲师展示的加入码/);
	const first = student(host, 'ana');
	t.after(() => first.close());
	await first.firstContact();
	const full = fakeIO('');
	assert.equal(await runJoin({...zhOptions, configDir: tempDir(t)}, full.io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'bo'}), 1);
	assert.match(full.err(), /无法加入：课堂已满（1 名学生）；请联系讲师/);
	const taken = fakeIO('');
	assert.equal(await runJoin({...zhOptions, configDir: tempDir(t)}, taken.io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'аna'}), 1);
	assert.match(taken.err(), /无法加入：名字 "аna" 看起来和课堂里的 "ana" 一样/);
	const port = host.port;
	await host.close();
	const gone = fakeIO('');
	assert.equal(await runJoin({...zhOptions, configDir: tempDir(t)}, gone.io, {host: `127.0.0.1:${port}`, code: 'ABC234', name: 'dan'}), 1);
	assert.match(gone.err(), /连不上 127\.0\.0\.1:\d+ 的课堂主机：那里没有程序在监听/);
	assert.doesNotMatch(wrong.err() + full.err() + taken.err() + gone.err(), /wrong join code|the room is full|cannot reach/);
});

test('refusals before the host starts, and a folder that is not a session, are told in Chinese', async t => {
	const zhOptions = {...options(tempDir(t)), lang: 'zh-CN' as const};
	const refused = async (settings: Partial<Parameters<typeof runClassroomHost>[2]>) => {
		const {io, err} = fakeIO('');
		assert.equal(await runClassroomHost(zhOptions, io, {port: '0', bind: '127.0.0.1', session: tempDir(t), ...settings}), 1);
		return err();
	};
	assert.match(await refused({port: 'http'}), /--port："http" 不是端口号/);
	assert.match(await refused({stuckAfter: 'soon'}), /--stuck-after："soon" 不是至少 10 秒的时长/);
	assert.match(await refused({chapters: '3-1'}), /--chapters："3-1" 不是 1-3 这样的范围/);
	const busy = tempDir(t);
	writeFileSync(join(busy, 'notes.txt'), 'mine');
	assert.match(await refused({session: busy}), /里已有其他文件，不是课堂会话文件夹/);
	const report = fakeIO('');
	assert.equal(await runClassroomReport(zhOptions, report.io, busy, 'text'), 1);
	assert.match(report.err(), /不是课堂会话文件夹（里面没有 session\.json）/);
});
