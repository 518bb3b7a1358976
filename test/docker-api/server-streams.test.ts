// The daemon's streams that stay open as the world changes: `docker events`, `docker logs -f`.
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {produce} from 'immer';
import {learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {startDockerServer} from '../../source/docker-api/docker-server.ts';
import {seededWorld, shell} from './helpers.ts';

/** Opens a streamed GET; collects what arrives until `done` says so or the stream ends. */
function stream(socketPath: string, path: string, done: (text: string) => boolean): {text: Promise<string>; opened: Promise<void>} {
	let opened!: () => void;
	const openedPromise = new Promise<void>(resolve => (opened = resolve));
	const text = new Promise<string>((resolve, reject) => {
		const req = request({socketPath, method: 'GET', path}, res => {
			opened();
			let all = '';
			res.on('data', chunk => {
				all += chunk.toString('latin1');
				if (done(all)) {
					req.destroy();
					resolve(all);
				}
			});
			res.on('end', () => resolve(all));
		});
		req.on('error', reject);
		req.end();
	});
	return {text, opened: openedPromise};
}

test('events stream what happens after the request: create, start, then kill, die, stop for docker stop', {timeout: 30_000}, async () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-'));
	const live = standaloneWorld(shell(seededWorld(), ['pull', 'busybox']).world);
	const server = await startDockerServer({live, shell, host: learnerHost, socketPath: join(dir, 'docker.sock')});
	try {
		const events = stream(server.socketPath, '/v1.47/events?filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%7D', all => all.split('\n').filter(Boolean).length >= 5);
		await events.opened;
		live.set(shell(live.world(), ['run', '-d', '--name', 'worker', 'busybox', 'sleep', '600']).world);
		live.set(shell(live.world(), ['stop', 'worker']).world);
		const messages = (await events.text).split('\n').filter(Boolean).map(line => JSON.parse(line));
		assert.deepEqual(messages.map(m => m.Action), ['create', 'start', 'kill', 'die', 'stop']);
		assert.deepEqual([messages[0].Actor.Attributes.name, messages[0].Actor.Attributes.image, messages[3].Actor.Attributes.exitCode], ['worker', 'busybox', '137']);
	} finally {
		await server.close();
	}
});

test('logs -f sends the lines there are, then each new one, and ends when the container stops', {timeout: 30_000}, async () => {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-'));
	const live = standaloneWorld(shell(seededWorld(), ['run', '-d', '--name', 'web', 'nginx']).world);
	const server = await startDockerServer({live, shell, host: learnerHost, socketPath: join(dir, 'docker.sock')});
	try {
		const logs = stream(server.socketPath, '/v1.47/containers/web/logs?stdout=1&stderr=1&follow=1&tail=0', () => false);
		await logs.opened;
		// The container writes a line (as its app does on a request), then is stopped.
		live.set(produce(live.world(), w => void [...w.dockers.get(learnerHost)!.containers.values()][0]!.logs.push('a new line')));
		live.set(shell(live.world(), ['stop', 'web']).world);
		const text = await logs.text;
		assert.equal(text, '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u000ba new line\n');
	} finally {
		await server.close();
	}
});
