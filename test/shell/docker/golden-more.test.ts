// Golden transcripts: docker stats, top, port, commit, rename, pause/unpause, prune.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {containerId, dockerShell, expectLine, imageId, run} from './helpers.ts';

test('docker stats, top and port show the container as the host sees it', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kc -p 8080:8080 -m 64m kubia');
	const id = containerId(shell, 'kc');
	const pid = shell.state.world.dockers.get('host-1')!.containers.get(id)!.pid!;
	const shim = shell.state.world.dockers.get('host-1')!.containers.get(id)!.shimPid!;
	expectLine(shell, 'docker stats --no-stream', `CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       BLOCK I/O   PIDS
${id.slice(0, 12)}   kc        0.00%     28MiB / 64MiB       43.75%    1.05kB / 0B   0B / 0B     1
`);
	expectLine(shell, 'docker top kc', `UID       PID       PPID      C         STIME     TTY       TIME       CMD
root      ${String(pid).padEnd(10)}${String(shim).padEnd(10)}0         09:01     ?         00:00:00   node app.js
`);
	expectLine(shell, 'docker port kc', '8080/tcp -> 0.0.0.0:8080\n8080/tcp -> [::]:8080\n');
	expectLine(shell, 'docker port kc 80', '', "Error: No public port '80/tcp' published for kc\n", 1);
});

test('docker commit turns the writable layer into a new image layer', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kc kubia');
	run(shell, 'docker exec kc sh -c "echo hi > /hello.txt"');
	const committed = run(shell, 'docker commit -m "add hello" kc kubia:hello');
	assert.equal(committed.stdout, `sha256:${imageId(shell, 'kubia:hello')}`.slice(0, 19) + committed.stdout.slice(19));
	const history = run(shell, 'docker history kubia:hello').stdout.split('\n');
	assert.equal(history[1], `${imageId(shell, 'kubia:hello')}   Less than a second ago   node app.js                                     3B        add hello`);
	expectLine(shell, 'docker run --rm --entrypoint cat kubia:hello /hello.txt', 'hi\n');
});

test('docker rename, pause and unpause', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web nginx');
	expectLine(shell, 'docker rename web site', '');
	expectLine(shell, 'docker pause site', 'site\n');
	assert.match(run(shell, 'docker ps').stdout, /Up Less than a second \(Paused\) +80\/tcp +site\n/);
	expectLine(shell, 'docker pause site', '', `Error response from daemon: container ${containerId(shell, 'site')} is not running\n`, 1);
	expectLine(shell, 'docker unpause site', 'site\n');
	expectLine(shell, 'docker rename nosuch x', '', 'Error response from daemon: No such container: nosuch\n', 1);
});

test('docker container prune and image prune ask first, then remove stopped containers and dangling images', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, 'docker run --name once busybox true');
	const once = containerId(shell, 'once');
	expectLine(shell, 'docker container prune', '', 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] (no answer without a terminal: add -f to confirm)\n', 1);
	expectLine(shell, 'docker container prune -f', `Deleted Containers:\n${once}\n\nTotal reclaimed space: 0B\n`);
	run(shell, 'docker build -t kubia kubia');
	const old = shell.state.world.dockers.get('host-1')!.tags.get('kubia:latest')!;
	run(shell, 'docker build -t kubia -f kubia/Dockerfile.v2 kubia');
	assert.match(run(shell, 'docker images').stdout, new RegExp(`<none> +<none> +${old.slice(7, 19)}`));
	const pruned = run(shell, 'docker image prune -f').stdout;
	assert.match(pruned, new RegExp(`^Deleted Images:\\ndeleted: ${old}\\n`));
	assert.match(pruned, /Total reclaimed space: 360B\n$/);
});

test('docker cp copies between the host and a container; the copy lands in the writable layer', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web -p 8080:80 nginx');
	expectLine(shell, 'docker cp web:/etc/nginx/conf.d/default.conf /root/', '', 'Successfully copied 2.05kB to /root/\n');
	assert.match(run(shell, 'cat /root/default.conf').stdout, /^server \{\n {4}listen {7}80;/);
	run(shell, 'echo "<h1>mine</h1>" > /root/index.html');
	expectLine(shell, 'docker cp /root/index.html web:/usr/share/nginx/html/', '', 'Successfully copied 1.55kB to web:/usr/share/nginx/html/\n');
	assert.match(run(shell, 'docker diff web').stdout, /^C \/usr\/share\/nginx\/html\/index\.html$/m);
	expectLine(shell, 'curl localhost:8080', '<h1>mine</h1>\n');
	expectLine(shell, 'docker cp web:/nosuch /tmp', '', 'Error response from daemon: Could not find the file /nosuch in container web\n', 1);
});

test('docker search lists matching repositories of the simulated Docker Hub, pushed ones too', () => {
	const shell = dockerShell();
	expectLine(shell, 'docker search kubia', 'NAME                    DESCRIPTION   STARS     OFFICIAL\nluksa/kubia                           14\nluksa/kubia-unhealthy                 0\n');
	run(shell, 'docker build -t learner/kubia kubia');
	run(shell, 'docker login -u learner');
	run(shell, 'docker push learner/kubia');
	expectLine(shell, 'docker search kubia', 'NAME                    DESCRIPTION   STARS     OFFICIAL\nluksa/kubia                           14\nluksa/kubia-unhealthy                 0\nlearner/kubia                         0\n');
	assert.match(run(shell, 'docker search nginx').stdout, /^nginx +Official build of Nginx\. +20769 +\[OK\]$/m);
});
