// Watches as informers use them: a resourceVersion from before the endpoint can replay answers
// with the watch cache's 410 Expired ERROR event; allowWatchBookmarks brings BOOKMARK events, and
// sendInitialEvents ends the first ADDED events with the initial-events-end bookmark.
import assert from 'node:assert/strict';
import {request as httpsRequest} from 'node:https';
import {after, before, test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;

before(async () => {
	credentials = await createCredentials();
	live = standaloneWorld(tick(createSandboxWorld({seed: 1}), 60_000));
	server = await startApiServer({live, credentials, port: 0, bookmarkMs: 100});
});
after(() => server.close());

/** The events of a watch until `enough` says stop (or the server ends it). */
function watch(query: string, enough: (events: any[]) => boolean): Promise<{status: number; events: any[]}> {
	return new Promise(resolve => {
		const events: any[] = [];
		const req = httpsRequest(`${server.url}/api/v1/namespaces/kube-system/pods?watch=1&${query}`, {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`}}, res => {
			let buffer = '';
			const finish = () => resolve({status: res.statusCode ?? 0, events});
			res.on('data', (chunk: Buffer) => {
				buffer += chunk.toString('utf8');
				const lines = buffer.split('\n');
				buffer = lines.pop()!;
				for (const line of lines) events.push(JSON.parse(line));
				if (enough(events)) {
					req.destroy();
					finish();
				}
			});
			res.on('end', finish);
			res.on('error', () => undefined);
		});
		req.on('error', () => undefined);
		req.end();
	});
}

test('a watch from a resourceVersion older than the endpoint remembers gets one 410 Expired ERROR event', async () => {
	const oldest = live.world().cluster!.resourceVersion;
	const {status, events} = await watch('resourceVersion=5', () => false);
	assert.equal(status, 200);
	assert.deepEqual(events, [{type: 'ERROR', object: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: 5 (${oldest})`, reason: 'Expired', code: 410}}]);
	// From the current version the watch runs as usual.
	const current = await watch(`resourceVersion=${oldest}&timeoutSeconds=1`, () => false);
	assert.deepEqual(current.events, []);
});

test('allowWatchBookmarks brings BOOKMARK events with the current resourceVersion', async () => {
	const {events} = await watch('allowWatchBookmarks=true', all => all.some(e => e.type === 'BOOKMARK'));
	const mark = events.find(e => e.type === 'BOOKMARK');
	assert.deepEqual(mark.object, {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: String(live.world().cluster!.resourceVersion)}});
	assert.ok(events.filter(e => e.type === 'ADDED').length > 3, 'the kube-system pods come first');
});

test('sendInitialEvents: every pod ADDED, then the bookmark that says the initial events ended', async () => {
	const {events} = await watch(`sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&resourceVersion=${live.world().cluster!.resourceVersion}`, all => all.some(e => e.type === 'BOOKMARK'));
	const end = events.findIndex(e => e.type === 'BOOKMARK');
	assert.ok(end > 3);
	assert.ok(events.slice(0, end).every(e => e.type === 'ADDED'));
	assert.deepEqual(events[end].object.metadata.annotations, {'k8s.io/initial-events-end': 'true'});
});
