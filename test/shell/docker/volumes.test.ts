// Issue 15, finding 8: environment, volumes and bind mounts.
// docker CLI 28 / moby formats matched:
//   docker volume ls: "DRIVER    VOLUME NAME"; rm of a used volume: "remove %s: volume is in use - [%s]";
//   a missing one: "get %s: no such volume"; --env-file errors (opts/file.go): "invalid env file (%s): variable '%s' contains whitespaces",
//   "no variable name on line '%s'"; a missing file: "open %s: no such file or directory".
//   The container's environment: PATH, HOSTNAME, then Config.Env (-e, --env-file), then HOME=/root.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dockerShell, expectLine, run} from './helpers.ts';

test('-e and --env-file set the environment that env inside prints', () => {
	const shell = dockerShell({'app.env': '# settings\nMODE=prod\nGREETING=hello world\n\nEMPTY=\n', 'bad.env': 'A B=1\n'});
	run(shell, 'docker pull busybox');
	const out = run(shell, 'docker run --rm -h box --env-file app.env -e MODE=dev -e EXTRA=1 busybox env');
	assert.equal(out.stdout, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=box\nMODE=dev\nGREETING=hello world\nEMPTY=\nEXTRA=1\nHOME=/root\n');
	expectLine(shell, 'docker run --rm --env-file nope.env busybox env', '', "docker: open nope.env: no such file or directory\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run --rm --env-file bad.env busybox env', '', "docker: invalid env file (bad.env): variable 'A B' contains whitespaces\n\nRun 'docker run --help' for more information\n", 125);
	run(shell, "docker run -d --name envloop -e NAME=world busybox sh -c 'while true; do echo hello $NAME; sleep 10; done'");
	expectLine(shell, 'docker logs envloop', 'hello world\n');
});

test('--env-file reads a file written on the simulated host, where the docker CLI runs', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, 'echo C=3 > f.env');
	const out = run(shell, 'docker run --rm -h box --env-file f.env busybox env');
	assert.equal(out.stderr, '');
	assert.match(out.stdout, /^C=3$/m);
});

test('a named volume keeps files after its container is gone and shares them with the next one', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	expectLine(shell, 'docker volume create data', 'data\n');
	expectLine(shell, 'docker volume ls', 'DRIVER    VOLUME NAME\nlocal     data\n');
	run(shell, "docker run --rm -v data:/data busybox sh -c 'echo saved > /data/note'");
	expectLine(shell, 'docker run --rm -v data:/other busybox cat /other/note', 'saved\n');
	// A loop writing through the volume in virtual time is read by a second container.
	run(shell, "docker run -d --name writer -v data:/data busybox sh -c 'while true; do date >> /data/log; sleep 5; done'");
	run(shell, 'docker run -d --name reader -v data:/data:ro busybox sleep 600');
	run(shell, 'sleep 11');
	assert.equal(run(shell, 'docker exec reader cat /data/log').stdout.trim().split('\n').length, 3);
	const readOnly = run(shell, "docker exec reader sh -c 'echo x > /data/log'");
	assert.equal(readOnly.exitCode, 1);
	assert.match(readOnly.stderr, /\/data\/log: Read-only file system\n$/);
	const writer = run(shell, 'docker inspect -f {{.Id}} writer').stdout.trim();
	expectLine(shell, 'docker volume rm data', '', `Error response from daemon: remove data: volume is in use - [${writer}, ${run(shell, 'docker inspect -f {{.Id}} reader').stdout.trim()}]\n`, 1);
	expectLine(shell, 'docker volume rm nothing', '', 'Error response from daemon: get nothing: no such volume\n', 1);
	run(shell, 'docker rm -f writer reader');
	expectLine(shell, 'docker volume rm data', 'data\n');
	expectLine(shell, 'docker volume ls', 'DRIVER    VOLUME NAME\n');
});

test('docker volume inspect prints the volume as the daemon describes it', () => {
	const shell = dockerShell();
	run(shell, 'docker volume create web-data');
	const json = JSON.parse(run(shell, 'docker volume inspect web-data').stdout) as Record<string, unknown>[];
	assert.deepEqual(Object.keys(json[0]!), ['CreatedAt', 'Driver', 'Labels', 'Mountpoint', 'Name', 'Options', 'Scope']);
	assert.equal(json[0]!['Mountpoint'], '/var/lib/docker/volumes/web-data/_data');
	assert.match(String(json[0]!['CreatedAt']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('a bind mount shows a host directory in the container, both ways; nginx serves what the host wrote', () => {
	const shell = dockerShell();
	run(shell, 'mkdir -p /srv/site');
	run(shell, 'echo from-host > /srv/site/index.html');
	run(shell, 'docker run -d --name site -p 8088:80 -v /srv/site:/usr/share/nginx/html:ro nginx');
	expectLine(shell, 'docker exec site cat /usr/share/nginx/html/index.html', 'from-host\n');
	run(shell, "docker run --rm -v /srv/site:/out busybox sh -c 'echo from-container > /out/new.txt'");
	expectLine(shell, 'cat /srv/site/new.txt', 'from-container\n');
	expectLine(shell, 'docker diff site', '');
	const mounts = JSON.parse(run(shell, 'docker inspect -f "{{json .Mounts}}" site').stdout) as Record<string, unknown>[];
	assert.deepEqual(mounts[0], {Type: 'bind', Source: '/srv/site', Destination: '/usr/share/nginx/html', Mode: 'ro', RW: false, Propagation: 'rprivate'});
});

test('restart policies: always restarts with back-off, on-failure:N stops after N, a docker stop is final', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, "docker run -d --name flappy --restart=always busybox sh -c 'echo up; exit 1'");
	expectLine(shell, 'docker ps -a --format "{{.Status}}"', 'Restarting (1) Less than a second ago\n');
	run(shell, 'sleep 20');
	const restarts = Number(run(shell, 'docker inspect -f {{.RestartCount}} flappy').stdout);
	// 100 ms doubled each time (moby restartmanager): 0.1+0.2+...+12.8 s is under 20 s, 25.6 s more is not.
	assert.ok(restarts >= 6 && restarts <= 9, `restarts: ${restarts}`);
	assert.equal(run(shell, 'docker logs flappy').stdout, 'up\n'.repeat(restarts + 1));
	run(shell, 'docker stop flappy');
	run(shell, 'sleep 120');
	assert.match(run(shell, 'docker ps -a --format "{{.Names}} {{.Status}}"').stdout, /^flappy Exited \(1\) /);
	run(shell, 'docker run -d --name twice --restart=on-failure:2 busybox false');
	run(shell, 'sleep 10');
	expectLine(shell, 'docker inspect -f "{{.RestartCount}} {{.State.Status}}" twice', '2 exited\n');
	run(shell, 'docker run -d --name fine --restart=on-failure busybox true');
	run(shell, 'sleep 5');
	expectLine(shell, 'docker inspect -f "{{.RestartCount}} {{.State.Status}}" fine', '0 exited\n');
});
