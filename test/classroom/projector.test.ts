// The projector page: served on the classroom's own port behind its key (never the join code),
// self-contained, and updated live over Server-Sent Events as students pass steps.
import assert from 'node:assert/strict';
import {get, type IncomingMessage} from 'node:http';
import {test} from 'node:test';
import {startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';

function fetchText(url: string, headers: Record<string, string> = {}): Promise<{status: number; type: string; body: string}> {
	return new Promise((resolve, reject) => {
		get(url, {headers}, response => {
			let body = '';
			response.on('data', chunk => (body += chunk));
			response.on('end', () => resolve({status: response.statusCode ?? 0, type: String(response.headers['content-type']), body}));
		}).on('error', reject);
	});
}

/** Opens the event stream; `events` fills with each snapshot the host sends. */
function openEvents(url: string): Promise<{events: any[]; close(): void}> {
	return new Promise((resolve, reject) => {
		const events: any[] = [];
		const request = get(url, (response: IncomingMessage) => {
			let buffer = '';
			response.on('data', chunk => {
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const frame = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					if (frame.startsWith('data: ')) events.push(JSON.parse(frame.slice(6)));
				}
			});
			resolve({events, close: () => request.destroy()});
		});
		request.on('error', reject);
	});
}

test('the projector page needs its key, never shows the join code, and its numbers change as a student passes a step', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const base = `http://127.0.0.1:${host.port}`;
	assert.notEqual(host.projectorKey, host.room.code);
	assert.equal((await fetchText(`${base}/room`)).status, 403);
	assert.equal((await fetchText(`${base}/room?key=${host.room.code}`)).status, 403, 'the join code does not open it');
	assert.equal((await fetchText(`${base}/`)).status, 404);
	const page = await fetchText(`${base}/room?key=${host.projectorKey}`);
	assert.equal(page.status, 200);
	assert.match(page.type, /text\/html/);
	assert.doesNotMatch(page.body, new RegExp(host.room.code), 'no join code on the page');
	assert.doesNotMatch(page.body, /(src|href)="https?:/, 'no external assets');
	assert.match(page.body, /new EventSource\("\/room\/events\?key=/);
	assert.match((await fetchText(`${base}/room?key=${host.projectorKey}`, {'accept-language': 'zh-CN,zh;q=0.9'})).body, /名学生/);

	const alice = student(host, 'alice');
	const bob = student(host, 'bob');
	t.after(() => Promise.all([alice.close(), bob.close()]));
	await Promise.all([alice.firstContact(), bob.firstContact()]);
	alice.report(stepEntered('containers', 0, 3));
	bob.report(stepEntered('containers', 0, 3));
	await Promise.all([alice.drain(3000), bob.drain(3000)]);
	const stream = await openEvents(`${base}/room/events?key=${host.projectorKey}`);
	t.after(() => stream.close());
	await waitFor(() => stream.events.length >= 1, 'the first snapshot');
	assert.deepEqual(stream.events[0].chapters, [{chapter: 'containers', chapterNumber: 1, students: 2, finished: 0, passedPerStep: [0, 0, 0], onStep: [2, 0, 0]}]);
	alice.report({kind: 'step-passed', chapterId: 'containers', stepId: 'step-1'});
	alice.report(stepEntered('containers', 1, 3));
	alice.report({kind: 'hand', raised: true});
	await waitFor(() => stream.events.at(-1).hands.length === 1 && stream.events.at(-1).chapters[0].onStep[1] === 1, 'the step passed and the hand to show');
	const last = stream.events.at(-1);
	assert.deepEqual(last.chapters[0].passedPerStep, [1, 0, 0]);
	assert.deepEqual(last.chapters[0].onStep, [1, 1, 0]);
	assert.deepEqual(last.hands, [{name: 'alice', chapter: 'containers', step: '2/3'}]);

	const anonymous = await openEvents(`${base}/room/events?key=${host.projectorKey}&anonymous=1`);
	t.after(() => anonymous.close());
	await waitFor(() => anonymous.events.length >= 1, 'the anonymous snapshot');
	assert.deepEqual(anonymous.events[0].hands, [{chapter: 'containers', step: '2/3'}], 'no names');
	assert.doesNotMatch(JSON.stringify(anonymous.events[0]), /alice|bob/);
});

test('the projector counts stuck students with the limit the dashboard sets during class', async t => {
	let now = 1_000_000;
	const host = await startHost(tempDir(t), {clock: () => now});
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	alice.report({...stepEntered('containers', 1, 3), stepKind: 'task'});
	await alice.drain(3000);
	const stream = await openEvents(`http://127.0.0.1:${host.port}/room/events?key=${host.projectorKey}`);
	t.after(() => stream.close());
	await waitFor(() => stream.events.length >= 1, 'the first snapshot');
	now += 3 * 60_000;
	host.setStuckRule({idleMs: 2 * 60_000, failures: 5});
	await waitFor(() => stream.events.at(-1).stuck === 1, 'alice counted stuck past the new two-minute limit', 2000);
	host.setStuckRule({idleMs: 10 * 60_000, failures: 5});
	await waitFor(() => stream.events.at(-1).stuck === 0, 'and no longer under a ten-minute one', 2000);
});
