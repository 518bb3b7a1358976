// The HTTPS endpoint: auth, limits, bad input, the kubeconfig and credential files, and outside
// requests reaching the tutor's live session (world and lesson checks).
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {request as httpsRequest} from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {parse as parseYaml} from 'yaml';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {actionLine, startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, loadOrCreateCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {kubeconfigText, writeKubeconfig} from '../../source/api/kubeconfig.ts';
import {liveWorldOf, standaloneWorld} from '../../source/api/live-session.ts';
import {createTutorController, type LessonDriver} from '../../source/app/tutor-controller.ts';
import {apiSettingsOf} from '../../source/app/api-endpoint.ts';
import {createShellState} from '../../source/shell/session.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

type Answer = {status: number; body: string; json: any; headers: Record<string, unknown>};

function call(server: RunningApiServer, ca: string, method: string, path: string, options: {token?: string; body?: string; headers?: Record<string, string>} = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpsRequest(`${server.url}${path}`, {method, ca, headers: {...(options.token ? {authorization: `Bearer ${options.token}`} : {}), 'content-type': 'application/json', ...options.headers}}, res => {
			const chunks: Buffer[] = [];
			res.on('data', c => chunks.push(c));
			res.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				let json: any;
				try {
					json = JSON.parse(body);
				} catch {
					json = undefined;
				}
				resolve({status: res.statusCode ?? 0, body, json, headers: res.headers});
			});
		});
		req.on('error', reject);
		if (options.body !== undefined) req.write(options.body);
		req.end();
	});
}

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;
const recorded: (string | undefined)[] = [];

before(async () => {
	credentials = await createCredentials();
	live = standaloneWorld(tick(createSandboxWorld({seed: 1}), 60_000), line => recorded.push(line));
	server = await startApiServer({live, credentials, port: 0, bodyLimit: 64 * 1024});
});
after(() => server.close());

test('the endpoint listens on 127.0.0.1 and refuses another address unless asked', async () => {
	assert.equal(server.host, '127.0.0.1');
	await assert.rejects(startApiServer({live, credentials, host: '0.0.0.0', port: 0}), /only loopback unless asked for with --api-bind/);
});

test('no token or a wrong token is 401 Unauthorized, as a real API server answers', async () => {
	for (const token of [undefined, 'wrong', credentials.token + 'x']) {
		const answer = await call(server, credentials.caPem, 'GET', '/api/v1/pods', {token});
		assert.equal(answer.status, 401);
		assert.deepEqual(answer.json, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401});
	}
	assert.equal((await call(server, credentials.caPem, 'GET', '/version', {token: credentials.token})).status, 200);
});

test('a body over the limit is 413 and the world stays as it was', async () => {
	const before = live.world();
	const huge = JSON.stringify({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'big'}, data: {x: 'y'.repeat(100 * 1024)}});
	const answer = await call(server, credentials.caPem, 'POST', '/api/v1/namespaces/default/configmaps', {token: credentials.token, body: huge});
	assert.equal(answer.status, 413);
	assert.equal(answer.json.reason, 'RequestEntityTooLarge');
	assert.equal(live.world(), before);
});

test('malformed JSON is a 400 Status with a reason', async () => {
	const answer = await call(server, credentials.caPem, 'POST', '/api/v1/namespaces/default/pods', {token: credentials.token, body: '{"apiVersion":'});
	assert.equal(answer.status, 400);
	assert.equal(answer.json.kind, 'Status');
	assert.equal(answer.json.reason, 'BadRequest');
});

test('timestamps leave the endpoint on the learner clock, so a real kubectl computes ages that match AGE', async () => {
	const answer = await call(server, credentials.caPem, 'GET', '/api/v1/nodes/worker-1', {token: credentials.token});
	const created = Date.parse(answer.json.metadata.creationTimestamp);
	const virtualAge = live.world().time - (Date.parse(live.world().cluster!.store.nodes.get('worker-1')!.metadata.creationTimestamp) - Date.UTC(2026, 0, 5, 9, 0, 0));
	assert.ok(Math.abs(Date.now() - created - virtualAge) < 5_000, `served ${answer.json.metadata.creationTimestamp}`);
});

test('a created object reaches the live world and is recorded as the kubectl command it stands for', async () => {
	recorded.length = 0;
	const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'outside', labels: {run: 'outside'}}, spec: {containers: [{name: 'outside', image: 'nginx'}]}};
	const answer = await call(server, credentials.caPem, 'POST', '/api/v1/namespaces/default/pods', {token: credentials.token, body: JSON.stringify(pod)});
	assert.equal(answer.status, 201);
	assert.ok(live.world().cluster!.store.pods.has('default/outside'));
	assert.deepEqual(recorded, ['kubectl run pods outside']);
	// The same read twice in a row is one command (kubectl makes several requests per command).
	await call(server, credentials.caPem, 'GET', '/api/v1/namespaces/default/pods', {token: credentials.token});
	await call(server, credentials.caPem, 'GET', '/api/v1/namespaces/default/pods', {token: credentials.token});
	assert.deepEqual(recorded, ['kubectl run pods outside', 'kubectl get pods']);
});

test('a watch streams chunked JSON events as the live world changes', async () => {
	const events: any[] = [];
	const done = new Promise<void>((resolve, reject) => {
		const req = httpsRequest(`${server.url}/api/v1/namespaces/default/pods?watch=1&fieldSelector=metadata.name%3Dwatched&timeoutSeconds=5`, {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`}}, res => {
			let buffer = '';
			res.on('data', (chunk: Buffer) => {
				buffer += chunk.toString('utf8');
				const lines = buffer.split('\n');
				buffer = lines.pop()!;
				for (const line of lines) {
					events.push(JSON.parse(line));
					if (events.length === 1) live.set(tick(live.world(), 30_000));
					if (events.length === 2) {
						req.destroy();
						resolve();
					}
				}
			});
			res.on('error', () => undefined);
		});
		req.on('error', () => undefined);
		req.on('response', () => {
			const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'watched'}, spec: {containers: [{name: 'w', image: 'nginx'}]}};
			void call(server, credentials.caPem, 'POST', '/api/v1/namespaces/default/pods', {token: credentials.token, body: JSON.stringify(pod)}).catch(reject);
		});
		req.end();
	});
	await done;
	assert.deepEqual(events.map(e => e.type), ['ADDED', 'MODIFIED']);
	assert.equal(events[0].object.metadata.name, 'watched');
});

test('credentials and the kubeconfig are written mode 0600 and reused', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-api-'));
	const first = await loadOrCreateCredentials(dir);
	const again = await loadOrCreateCredentials(dir);
	assert.equal(again.token, first.token);
	for (const name of ['api-ca.crt', 'api-server.crt', 'api-server.key', 'api-token']) assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, name);
	const path = writeKubeconfig(dir, 'https://127.0.0.1:6443', first);
	assert.equal(statSync(path).mode & 0o777, 0o600);
	const config = parseYaml(readFileSync(path, 'utf8'));
	assert.equal(config['current-context'], 'k8s-tutor');
	assert.equal(config.clusters[0].cluster.server, 'https://127.0.0.1:6443');
	assert.equal(Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString(), first.caPem);
	assert.equal(config.users[0].user.token, first.token);
	assert.equal(kubeconfigText('https://x', first), readFileSync(path, 'utf8').replace('https://127.0.0.1:6443', 'https://x'));
});

test('--api settings: default port 6443, a port, 0, and errors in words', () => {
	assert.deepEqual(apiSettingsOf({api: true}), {port: 6443, bind: '127.0.0.1'});
	assert.deepEqual(apiSettingsOf({api: '0'}), {port: 0, bind: '127.0.0.1'});
	assert.deepEqual(apiSettingsOf({api: '7000', apiBind: '0.0.0.0'}), {port: 7000, bind: '0.0.0.0'});
	assert.deepEqual(apiSettingsOf({api: 'start'}), {error: '--api: "start" is not a port number (0-65535)'});
	assert.deepEqual(apiSettingsOf({apiBind: '0.0.0.0'}), {error: '--api-bind needs --api'});
	assert.equal(apiSettingsOf({}), undefined);
});

test("an outside request changes the tutor's world and the lesson sees it as a typed kubectl command", () => {
	const seen: string[] = [];
	const lesson: LessonDriver = {
		view: () => null,
		afterCommand: (_before, after, line) => {
			seen.push(line);
			return after;
		},
		afterTick: shell => shell,
		action: (_name, shell) => shell,
		flush: () => undefined,
	};
	const controller = createTutorController(createShellState(createSandboxWorld({seed: 1}), learnerHost), createSimulation().bare(memoryDisk()), lesson);
	const hook = liveWorldOf(controller);
	let told = 0;
	hook.subscribe(() => told++);
	const next = tick(hook.world(), 1000);
	hook.commit({world: next, line: actionLine({verb: 'describe', resource: 'pods', name: 'web', namespace: 'default'})});
	assert.equal(controller.snapshot().world, next);
	assert.deepEqual(seen, ['kubectl describe pods web']);
	assert.equal(told, 1);
	assert.equal(controller.snapshot().output.length, 0, 'outside requests do not write into the learner scrollback');
	// A command for an outside client (kubectl exec) runs from the login shell even while the learner is elsewhere.
	controller.submit('ssh worker-1');
	const promptInside = controller.snapshot().prompt;
	const ran = hook.run('kubectl get nodes');
	assert.equal(ran.exitCode, 0, ran.stderr);
	assert.match(ran.stdout, /^NAME\s+STATUS/);
	assert.equal(seen.at(-1), 'kubectl get nodes');
	assert.equal(controller.snapshot().prompt, promptInside);
});
