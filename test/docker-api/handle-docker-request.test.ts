// The Docker Engine endpoint as a pure function: requests as the docker CLI 28 sends them, answers
// checked without sockets, and the world changed as the built-in docker changes it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {envWith, demultiplex, dockerRequest, seededWorld, send, shell, tarOf} from './helpers.ts';
import type {ExecInstance} from '../../source/docker-api/docker-types.ts';

const daemonOf = (w: ReturnType<typeof seededWorld>) => w.dockers.get(learnerHost)!;

test('_ping answers OK with the headers the CLI negotiates from, and the classic builder', () => {
	const ping = send(seededWorld(), dockerRequest('HEAD', '/_ping'));
	assert.equal(ping.response.status, 200);
	assert.deepEqual([ping.response.headers?.['Api-Version'], ping.response.headers?.['Builder-Version'], ping.response.headers?.Ostype], ['1.47', '1', 'linux']);
	assert.equal(send(seededWorld(), dockerRequest('GET', '/_ping')).body, 'OK');
	const version = send(seededWorld(), dockerRequest('GET', '/version')).body;
	assert.deepEqual([version.Version, version.ApiVersion, version.MinAPIVersion, version.Os], ['27.4.1', '1.47', '1.24', 'linux']);
	const info = send(seededWorld(), dockerRequest('GET', '/info')).body;
	assert.deepEqual([info.Name, info.ServerVersion, info.Containers, info.Swarm.LocalNodeState], [learnerHost, '27.4.1', 0, 'inactive']);
});

test('a create for a missing image is a 404 (the CLI then pulls); pull streams the built-in pull and changes the world', () => {
	const missing = send(seededWorld(), dockerRequest('POST', '/containers/create?name=web', {Image: 'nginx'}));
	assert.deepEqual([missing.response.status, missing.body.message, missing.world], [404, 'No such image: nginx:latest', undefined]);
	const pulled = send(seededWorld(), dockerRequest('POST', '/images/create?fromImage=nginx&tag=latest'));
	assert.equal(pulled.response.status, 200);
	const statuses = pulled.stream!.map((m: any) => (m.id ? `${m.id}: ${m.status}` : m.status));
	assert.equal(statuses[0], 'latest: Pulling from library/nginx');
	assert.match(statuses.at(-1)!, /^Status: Downloaded newer image for nginx:latest$/);
	assert.ok(statuses.some(s => /^[0-9a-f]{12}: Pull complete$/.test(s)));
	assert.equal(pulled.line, 'docker pull nginx:latest');
	assert.ok(daemonOf(pulled.next).tags.has('nginx:latest'));
	// The same pull typed in the tutor leaves the same image store.
	const typed = shell(seededWorld(), ['pull', 'nginx']);
	assert.deepEqual([...daemonOf(typed.world).tags], [...daemonOf(pulled.next).tags]);
	const unknown = send(seededWorld(), dockerRequest('POST', '/images/create?fromImage=nosuch/thing&tag=latest'));
	assert.equal(unknown.response.status, 404);
	assert.match(unknown.body.message, /^pull access denied for nosuch\/thing/);
});

test('create, start, ps, logs, stop and rm run the built-in docker and are recorded as its command lines', () => {
	let w = send(seededWorld(), dockerRequest('POST', '/images/create?fromImage=nginx&tag=latest')).next;
	const created = send(w, dockerRequest('POST', '/containers/create?name=web', {Image: 'nginx', HostConfig: {PortBindings: {'80/tcp': [{HostIp: '', HostPort: '8080'}]}}}));
	assert.equal(created.response.status, 201);
	assert.match(created.body.Id, /^[0-9a-f]{64}$/);
	assert.equal(created.line, 'docker create --name web -p 8080:80/tcp nginx');
	w = created.next;
	const started = send(w, dockerRequest('POST', '/containers/web/start'));
	assert.deepEqual([started.response.status, started.line], [204, 'docker start web']);
	w = started.next;
	assert.equal(send(w, dockerRequest('POST', '/containers/web/start')).response.status, 304);
	const ps = send(w, dockerRequest('GET', '/containers/json'));
	assert.equal(ps.body.length, 1);
	assert.deepEqual([ps.body[0].Names, ps.body[0].Image, ps.body[0].State, ps.body[0].Status], [['/web'], 'nginx', 'running', 'Up Less than a second']);
	assert.deepEqual(ps.body[0].Ports.slice(0, 2), [
		{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
	]);
	const logs = send(w, dockerRequest('GET', '/containers/web/logs?stdout=1&stderr=1&tail=2'));
	assert.equal(logs.response.contentType, 'application/vnd.docker.multiplexed-stream');
	const typedLogs = shell(w, ['logs', '--tail', '2', 'web']).stdout;
	assert.equal(demultiplex(logs.body).stdout, typedLogs);
	assert.equal(send(w, dockerRequest('DELETE', '/containers/web')).response.status, 409);
	const stopped = send(w, dockerRequest('POST', '/containers/web/stop'));
	assert.deepEqual([stopped.response.status, stopped.line], [204, 'docker stop web']);
	w = stopped.next;
	assert.equal(daemonOf(w).containers.size, 1);
	assert.equal([...daemonOf(w).containers.values()][0]!.state, 'exited');
	assert.equal(send(w, dockerRequest('POST', '/containers/web/stop')).response.status, 304);
	assert.equal(send(w, dockerRequest('GET', '/containers/json')).body.length, 0);
	assert.equal(send(w, dockerRequest('GET', '/containers/json?all=1')).body.length, 1);
	const removed = send(w, dockerRequest('DELETE', '/containers/web'));
	assert.deepEqual([removed.response.status, removed.line, daemonOf(removed.next).containers.size], [204, 'docker rm web', 0]);
	const gone = send(removed.next, dockerRequest('GET', '/containers/web/json'));
	assert.deepEqual([gone.response.status, gone.body.message], [404, 'No such container: web']);
});

test('exec: create, start (framed per stream) and the exit code in the instance', () => {
	let w = send(seededWorld(), dockerRequest('POST', '/images/create?fromImage=nginx&tag=latest')).next;
	w = send(w, dockerRequest('POST', '/containers/create?name=web', {Image: 'nginx'})).next;
	w = send(w, dockerRequest('POST', '/containers/web/start')).next;
	const execs = new Map<string, ExecInstance>();
	const env = envWith(execs);
	const made = send(w, dockerRequest('POST', '/containers/web/exec', {AttachStdout: true, AttachStderr: true, Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3']}), env);
	assert.equal(made.response.status, 201);
	execs.set(made.exec!.id, made.exec!);
	const started = send(w, dockerRequest('POST', `/exec/${made.body.Id}/start`, {Detach: false, Tty: false}), env);
	assert.deepEqual(demultiplex(started.body), {stdout: 'out\n', stderr: 'err\n'});
	assert.equal(started.line, `docker exec web sh -c 'echo out; echo err >&2; exit 3'`);
	execs.set(started.exec!.id, started.exec!);
	assert.equal(send(w, dockerRequest('GET', `/exec/${made.body.Id}/json`), env).body.ExitCode, 3);
	const stopped = send(w, dockerRequest('POST', '/containers/web/stop')).next;
	const refused = send(stopped, dockerRequest('POST', '/containers/web/exec', {Cmd: ['hostname']}), env);
	assert.equal(refused.response.status, 409);
	assert.match(refused.body.message, /is not running$/);
});

test('build: a tar context and the classic builder stream, the image tagged in the world', () => {
	const context = tarOf({Dockerfile: 'FROM busybox\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n', 'hello.txt': 'hi\n'});
	const built = send(seededWorld(), dockerRequest('POST', '/build?t=hello&rm=1&version=1', context, {'content-type': 'application/x-tar'}));
	assert.equal(built.response.status, 200);
	const text = built.stream!.map((m: any) => m.stream ?? '').join('');
	assert.match(text, /^Step 1\/3 : FROM busybox\n/);
	assert.match(text, /Successfully tagged hello:latest\n$/);
	assert.ok(built.stream!.some((m: any) => /^sha256:[0-9a-f]{64}$/.test(m.aux?.ID ?? '')));
	assert.equal(built.line, 'docker build -t hello .');
	assert.ok(daemonOf(built.next).tags.has('hello:latest'));
	const broken = send(seededWorld(), dockerRequest('POST', '/build?t=bad', tarOf({Dockerfile: 'FROM busybox\nRUN exit 2\n'})));
	const error = broken.stream!.find((m: any) => m.error) as any;
	assert.match(error.error, /returned a non-zero code: 2$/);
	assert.equal(broken.exitCode, 1);
	const noDockerfile = send(seededWorld(), dockerRequest('POST', '/build', tarOf({'a.txt': 'x'})));
	assert.deepEqual([noDockerfile.response.status, noDockerfile.body.message], [500, 'Cannot locate specified Dockerfile: Dockerfile']);
});

test('bad requests get the daemon JSON error with a message, never a crash', () => {
	const bad = send(seededWorld(), dockerRequest('POST', '/containers/create', '{"Image": '));
	assert.equal(bad.response.status, 400);
	assert.match(bad.body.message, /^invalid JSON: /);
	assert.equal(send(seededWorld(), dockerRequest('POST', '/containers/create', '[1]')).response.status, 400);
	assert.deepEqual(send(seededWorld(), dockerRequest('GET', '/nope')).body, {message: 'page not found'});
	const filter = send(seededWorld(), dockerRequest('GET', '/containers/json?filters=%7B%22colour%22%3A%7B%22red%22%3Atrue%7D%7D'));
	assert.deepEqual([filter.response.status, filter.body.message], [400, "invalid filter 'colour'"]);
	assert.equal(send(seededWorld(), dockerRequest('GET', '/containers/json?filters=notjson')).response.status, 400);
	assert.equal(send(seededWorld(), dockerRequest('GET', '/containers/json?filters=%7B%22name%22%3A%5B%22(%22%5D%7D')).response.status, 200);
	assert.equal(send(seededWorld(), dockerRequest('POST', '/build', Buffer.from('not a tar at all'))).response.status, 500);
});

test('real endpoints not modelled say so with a [simulator] 501 (the CLI prints it); commit and the build cache prune are served', () => {
	let w = send(seededWorld(), dockerRequest('POST', '/images/create?fromImage=nginx&tag=latest')).next;
	w = send(w, dockerRequest('POST', '/containers/create?name=web', {Image: 'nginx'})).next;
	w = send(w, dockerRequest('POST', '/containers/web/start')).next;
	for (const [method, path] of [['PUT', '/containers/web/archive?path=/etc'], ['GET', '/containers/web/export'], ['GET', '/containers/web/stats?stream=0'], ['POST', '/containers/web/update'], ['GET', '/images/search?term=nginx']] as const) {
		const answer = send(w, dockerRequest(method, path));
		assert.equal(answer.response.status, 501, path);
		assert.match(answer.body.message, /^\[simulator\] docker \w+ is not (modelled|served)/, path);
	}
	const committed = send(w, dockerRequest('POST', '/commit?container=web&repo=mynginx&tag=v1'));
	assert.deepEqual([committed.response.status, committed.line], [201, 'docker commit web mynginx:v1']);
	assert.match(committed.body.Id, /^sha256:[0-9a-f]{64}$/);
	assert.ok(daemonOf(committed.next).tags.has('mynginx:v1'));
	assert.deepEqual(send(w, dockerRequest('POST', '/build/prune')).body, {CachesDeleted: null, SpaceReclaimed: 0});
});
