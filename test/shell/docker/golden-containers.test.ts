// Golden transcripts: docker run, ps, exec, logs, stop/start/restart/kill/rm, diff, inspect, system.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {containerId, dockerShell, expectLine, imageId, run} from './helpers.ts';

test('docker run -d prints the id; ps shows real columns and published ports', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	const started = run(shell, 'docker run -d -p 8080:8080 --name kubia-container kubia');
	const id = containerId(shell, 'kubia-container');
	assert.equal(started.stdout, id + '\n');
	assert.match(id, /^[0-9a-f]{64}$/);
	assert.equal(started.stderr, '');
	run(shell, 'sleep 5');
	expectLine(shell, 'docker ps', `CONTAINER ID   IMAGE     COMMAND         CREATED         STATUS         PORTS                                         NAMES
${id.slice(0, 12)}   kubia     "node app.js"   5 seconds ago   Up 5 seconds   0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp   kubia-container
`);
	expectLine(shell, 'docker ps -q', id.slice(0, 12) + '\n');
	expectLine(shell, 'docker container ls --no-trunc -q', id + '\n');
	expectLine(shell, 'docker logs kubia-container', 'Kubia server starting...\n');
});

test('docker run errors: name conflict, unknown image, bad port, bad memory, missing executable, port taken', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web -p 8080:80 nginx');
	const web = containerId(shell, 'web');
	expectLine(shell, 'docker run -d --name web nginx', '', `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${web}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`, 125);
	expectLine(shell, 'docker run nosuch', '', "Unable to find image 'nosuch:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n[simulator] nosuch is not in k8s-tutor's offline copy of Docker Hub; the real Docker Hub may have it\n", 125);
	expectLine(shell, 'docker run -p 80:abc nginx', '', "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run -m lots nginx', '', `invalid argument "lots" for "-m, --memory" flag: invalid size: 'lots'\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`, 125);
	expectLine(shell, 'docker run -m 1m nginx', '', "docker: Error response from daemon: Minimum memory limit allowed is 6MB\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run --cpus 16 nginx', '', "docker: Error response from daemon: range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run --name x1 nginx frobnicate', '', '/docker-entrypoint.sh: exec: line 47: frobnicate: not found\n', 127);
	expectLine(shell, 'docker run --name x2 --entrypoint frobnicate nginx', '', 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "frobnicate": executable file not found in $PATH: unknown.\n', 127);
	const taken = run(shell, 'docker run -d --name web2 -p 8080:80 nginx');
	assert.equal(taken.stdout, '');
	assert.equal(taken.stderr, `docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 (${containerId(shell, 'web2')}): Bind for 0.0.0.0:8080 failed: port is already allocated.\n`);
	assert.equal(taken.exitCode, 125);
	expectLine(shell, 'docker run --bogus nginx', '', "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n", 125);
	// A real flag the simulation does not model is accepted and says so (-v is modelled now: see volumes.test.ts).
	const init = run(shell, 'docker run --name ab -d --init nginx');
	assert.equal(init.stdout, containerId(shell, 'ab') + '\n');
	assert.equal(init.stderr, '[simulator] --init is accepted, not simulated here\n');
});

test('docker run one-shot commands print their output and exit; --rm removes the container', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	expectLine(shell, 'docker run busybox echo hello world', 'hello world\n');
	expectLine(shell, 'docker run --rm busybox echo gone', 'gone\n');
	run(shell, 'sleep 3');
	const ps = run(shell, 'docker ps -a').stdout.split('\n');
	assert.equal(ps.length, 3, 'header, one container, trailing newline');
	assert.match(ps[1]!, /^[0-9a-f]{12} {3}busybox {3}"echo hello world" {3}3 seconds ago {3}Exited \(0\) 3 seconds ago {13}[a-z]+_[a-z]+$/);
	expectLine(shell, 'docker run busybox sh -c "exit 3"', '', '', 3);
	expectLine(shell, 'docker run -e GREETING=hi busybox sh -c "echo $GREETING"', '\n', '', 0);
	expectLine(shell, 'docker run -e GREETING=hi busybox sh -c "echo \\$GREETING"', 'hi\n', '', 0);
});

test('docker exec: a process inside the container; errors in docker wording', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web nginx');
	expectLine(shell, 'docker exec web sh -c "echo changed > /usr/share/nginx/html/index.html"', '');
	expectLine(shell, 'docker exec web frobnicate', '', 'OCI runtime exec failed: exec failed: unable to start container process: exec: "frobnicate": executable file not found in $PATH: unknown\n', 126);
	expectLine(shell, 'docker exec nosuch ls', '', 'Error response from daemon: No such container: nosuch\n', 1);
	expectLine(shell, 'docker exec web', '', "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n", 1);
	run(shell, 'docker stop web');
	expectLine(shell, 'docker exec web ls', '', `Error response from daemon: container ${containerId(shell, 'web')} is not running\n`, 1);
	const host = shell.state.world.hosts.get('host-1')!;
	assert.equal([...host.processes.values()].filter(p => p.containerId).length, 0, 'no exec process is left behind');
});

test('docker exec -it bash pushes a shell frame inside the container; exit leaves it', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kubia-container kubia');
	expectLine(shell, 'docker exec -it kubia-container bash', '');
	const frame = shell.state.session.frames.at(-1)!;
	assert.equal(frame.kind, 'container');
	const proc = shell.state.world.hosts.get('host-1')!.processes.get(frame.pid)!;
	assert.equal(proc.containerId, containerId(shell, 'kubia-container'));
	assert.equal(proc.command, 'bash');
	expectLine(shell, 'docker ps', '', 'bash: docker: command not found\n', 127);
	run(shell, 'exit');
	assert.equal(shell.state.session.frames.length, 1);
	expectLine(shell, 'docker exec -it kubia-container sh', '');
	run(shell, 'exit');
	run(shell, 'docker pull busybox');
	expectLine(shell, 'docker run -it --name shell busybox', '');
	assert.equal(shell.state.session.frames.at(-1)!.kind, 'container');
	run(shell, 'exit');
	const ps = run(shell, 'docker ps -a --filter name=shell').stdout;
	assert.match(ps, /Exited \(0\) Less than a second ago/);
});

test('docker stop, start, restart, kill, rm; logs keep each start', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kubia-container kubia');
	run(shell, 'docker run -d --name web nginx');
	const before = shell.state.world.time;
	expectLine(shell, 'docker stop kubia-container', 'kubia-container\n');
	assert.equal(shell.state.world.time - before, 10_000, 'node as PID 1 ignores SIGTERM: docker waits 10 s');
	expectLine(shell, 'docker stop web', 'web\n');
	const ps = run(shell, 'docker ps -a').stdout;
	assert.match(ps, /Exited \(137\) Less than a second ago +kubia-container/);
	assert.match(ps, /Exited \(0\) Less than a second ago +web/);
	expectLine(shell, 'docker start kubia-container web', 'kubia-container\nweb\n');
	expectLine(shell, 'docker restart kubia-container', 'kubia-container\n');
	expectLine(shell, 'docker kill web', 'web\n');
	expectLine(shell, 'docker kill web', '', `Error response from daemon: cannot kill container: web: container ${containerId(shell, 'web')} is not running\n`, 1);
	expectLine(shell, 'docker logs kubia-container', 'Kubia server starting...\nKubia server starting...\nKubia server starting...\n');
	expectLine(shell, 'docker logs --tail 1 kubia-container', 'Kubia server starting...\n');
	expectLine(shell, 'docker rm kubia-container', '', 'Error response from daemon: cannot remove container "/kubia-container": container is running: stop the container before removing or force remove\n', 1);
	expectLine(shell, 'docker rm -f kubia-container web', 'kubia-container\nweb\n');
	expectLine(shell, 'docker rm nosuch', '', 'Error response from daemon: No such container: nosuch\n', 1);
	expectLine(shell, 'docker start nosuch', '', 'Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n', 1);
	expectLine(shell, 'docker ps -a', 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
});

test('docker diff shows C/A/D from the writable layer only', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web nginx');
	expectLine(shell, 'docker diff web', '');
	run(shell, 'docker exec web sh -c "echo hi > /tmp/new.txt"');
	run(shell, 'docker exec web sh -c "echo changed > /etc/nginx/conf.d/default.conf"');
	run(shell, 'docker exec web rm /usr/share/nginx/html/50x.html');
	const diff = run(shell, 'docker diff web').stdout;
	assert.ok(diff.includes('C /etc\n') && diff.includes('C /etc/nginx/conf.d/default.conf\n') && diff.includes('A /tmp/new.txt\n'), diff);
	if (diff.includes('/50x.html')) assert.ok(diff.includes('D /usr/share/nginx/html/50x.html\n'));
	expectLine(shell, 'docker diff nosuch', '', 'Error response from daemon: No such container: nosuch\n', 1);
});

test('docker diff lists the folder of a deleted file as changed, as overlayfs keeps the whiteout there', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name bb busybox sleep 1000');
	run(shell, 'docker exec bb rm /etc/group');
	run(shell, 'docker exec bb touch /tmp/notes.txt');
	expectLine(shell, 'docker diff bb', 'C /etc\nD /etc/group\nC /tmp\nA /tmp/notes.txt\n');
});

test('docker inspect: a JSON subset with the real field names, and --format', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d --name kubia-container -p 8080:8080 -m 64m --cpus 0.5 kubia');
	const json = JSON.parse(run(shell, 'docker inspect kubia-container').stdout) as Record<string, any>[];
	const c = json[0]!;
	assert.equal(c['Id'], containerId(shell, 'kubia-container'));
	assert.equal(c['Name'], '/kubia-container');
	assert.equal(c['State'].Status, 'running');
	assert.equal(c['State'].Running, true);
	assert.equal(c['HostConfig'].Memory, 64 * 1024 * 1024);
	assert.equal(c['HostConfig'].NanoCpus, 500_000_000);
	assert.equal(c['NetworkSettings'].IPAddress, '172.17.0.2');
	assert.deepEqual(c['Config'].Entrypoint, ['node', 'app.js']);
	assert.match(c['GraphDriver'].Data.LowerDir, /-init\/diff:/);
	expectLine(shell, 'docker inspect -f "{{.State.Status}} {{.NetworkSettings.IPAddress}}" kubia-container', 'running 172.17.0.2\n');
	expectLine(shell, "docker inspect --format '{{.Config.Hostname}}' kubia-container", containerId(shell, 'kubia-container').slice(0, 12) + '\n');
	const image = JSON.parse(run(shell, 'docker image inspect kubia').stdout) as Record<string, any>[];
	assert.deepEqual(image[0]!['RepoTags'], ['kubia:latest']);
	assert.equal(image[0]!['Id'].slice(7, 19), imageId(shell, 'kubia'));
	assert.equal(image[0]!['RootFS'].Layers.length, 9);
	expectLine(shell, 'docker inspect nosuch', '[]\n', 'Error: No such object: nosuch\n', 1);
	const host = shell.state.world.hosts.get('host-1')!;
	const group = host.cgroups.get(`/system.slice/docker-${containerId(shell, 'kubia-container')}.scope`)!;
	assert.equal(group.memoryMax, 64 * 1024 * 1024);
	assert.deepEqual(group.cpuMax, {quota: 50000, period: 100000});
});

test('docker system df, login, version, info, help and unknown commands', () => {
	const shell = dockerShell();
	run(shell, 'docker pull node:7');
	run(shell, 'docker pull luksa/kubia');
	run(shell, 'docker run -d --name k1 luksa/kubia');
	expectLine(shell, 'docker system df', `TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
Images          2         1         664MB     0B (0%)
Containers      1         1         0B        0B
Local Volumes   0         0         0B        0B
Build Cache     0         0         0B        0B
`);
	expectLine(shell, 'docker login -u learner -p secret', 'Login Succeeded\n', 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
	expectLine(shell, 'docker --version', 'Docker version 27.4.1, build b9d17ea\n');
	assert.match(run(shell, 'docker version').stdout, /^Client: Docker Engine - Community\n Version: {11}27\.4\.1\n/);
	const info = run(shell, 'docker info').stdout;
	assert.match(info, / Containers: 1\n {2}Running: 1\n {2}Paused: 0\n {2}Stopped: 0\n Images: 2\n/);
	assert.match(info, / Storage Driver: overlay2\n/);
	assert.match(info, / Cgroup Version: 2\n/);
	assert.match(info, / Username: learner\n/);
	expectLine(shell, 'docker frobnicate', '', "docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n", 1);
	expectLine(shell, 'docker image frobnicate', '', "docker: unknown command: docker image frobnicate\n\nRun 'docker image --help' for more information\n", 1);
	assert.match(run(shell, 'docker').stdout, /Usage: {2}docker \[OPTIONS\] COMMAND/);
});

test('docker COMMAND --help prints what docker 28 prints; what is not modelled says [simulator]', () => {
	const shell = dockerShell();
	assert.match(run(shell, 'docker run --help').stdout, /^Usage: {2}docker run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]\n\nCreate and run a new container from an image\n\nAliases:\n {2}docker container run, docker run\n\nOptions:\n/);
	assert.match(run(shell, 'docker container run --help').stdout, /^Usage: {2}docker run /);
	assert.match(run(shell, 'docker system df --help').stdout, /^Usage: {2}docker system df \[OPTIONS\]\n\nShow docker disk usage\n[^]*-v, --verbose +Show detailed information on space usage\n/);
	assert.match(run(shell, 'docker network create --help').stdout, /^Usage: {2}docker network create \[OPTIONS\] NETWORK\n/);
	assert.match(run(shell, 'docker image --help').stdout, /^Usage: {2}docker image COMMAND\n\nManage images\n/);
	assert.match(run(shell, 'docker history --help').stdout, /^Usage: {2}docker history \[OPTIONS\] IMAGE\n/);
	assert.match(run(shell, 'docker build --help').stdout, /^Usage: {2}docker build \[OPTIONS\] PATH \| URL \| -\n/);
	expectLine(shell, 'docker compose up', '', '[simulator] docker compose is a real docker command that this simulator does not model yet\n', 1);
});

test('docker run without -d says how to stop the container, not "Ctrl-C" (which quits the tutor at its prompt)', () => {
	const shell = dockerShell();
	const attached = run(shell, 'docker run --name one nginx');
	assert.match(attached.stderr, /^\[simulator\] attached to one: a real terminal would stay attached and show its output; here the prompt returns and one keeps running \(docker stop one stops it\)\. Use -d to run it in the background\.\n$/m);
	assert.doesNotMatch(attached.text, /Ctrl-C/);
});

test('docker is not on a host without a daemon, nor inside a container', () => {
	const shell = dockerShell();
	const noDaemon = {...shell, state: {...shell.state, world: {...shell.state.world, dockers: new Map()}}};
	expectLine(noDaemon, 'docker ps', '', 'bash: docker: command not found\n', 127);
});

test('an image built for another CPU does not run: platform warning, exec format error, exit 255', () => {
	const shell = dockerShell();
	run(shell, 'docker pull arm64v8/alpine');
	expectLine(shell, 'docker run arm64v8/alpine uname -m', '', "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64/v3) and no specific platform was requested\nexec /bin/uname: exec format error\n", 255);
	run(shell, 'docker pull alpine');
	expectLine(shell, 'docker run alpine uname -r', '6.8.0-49-generic\n', '', 0);
});

test('docker ps and docker images --format: fields, table headers and tab columns', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker run -d -p 8080:8080 --name kubia-container kubia');
	expectLine(shell, "docker ps --format '{{.Names}}'", 'kubia-container\n');
	expectLine(shell, 'docker ps --format "table {{.Names}}\\t{{.Status}}\\t{{.Ports}}"', 'NAMES             STATUS                  PORTS\nkubia-container   Up Less than a second   0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp\n');
	expectLine(shell, 'docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"', 'kubia:latest 664MB\nnode:7 664MB\n');
	expectLine(shell, 'docker ps --format "{{.Nope}}"', '', 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n', 1);
});

test('docker exec -e sets variables for that process only', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web -e COLOR=blue nginx');
	expectLine(shell, `docker exec -e GREETING=hello web sh -c 'echo $GREETING $COLOR'`, 'hello blue\n');
	expectLine(shell, `docker exec web sh -c 'echo [$GREETING] $COLOR'`, '[] blue\n');
});

test('--network host/none/container:, --pid host, --uts host share (or drop) the namespaces', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, 'docker run -d --name hostweb --network host nginx');
	assert.match(run(shell, 'curl localhost:80').stdout, /<title>Welcome to nginx!<\/title>/, 'nginx listens in the host network namespace');
	assert.match(run(shell, 'docker run --rm --network host busybox ip addr').stdout, /inet 192\.168\.56\.10\/24/);
	assert.doesNotMatch(run(shell, 'docker run --rm --network none busybox ip addr').stdout, /eth0/);
	assert.match(run(shell, 'docker run --rm --pid host busybox ps aux').stdout, /\/sbin\/init/);
	assert.doesNotMatch(run(shell, 'docker run --rm busybox ps aux').stdout, /\/sbin\/init/);
	expectLine(shell, 'docker run --rm --uts host busybox hostname', 'host-1\n');
	run(shell, 'docker run -d --name web2 nginx');
	run(shell, 'docker run -d --name side --network container:web2 busybox sleep 100');
	const host = shell.state.world.hosts.get('host-1')!;
	const daemon = shell.state.world.dockers.get('host-1')!;
	const pidOf = (name: string) => [...daemon.containers.values()].find(c => c.name === name)!.pid!;
	assert.equal(host.processes.get(pidOf('side'))!.namespaces.net, host.processes.get(pidOf('web2'))!.namespaces.net);
	assert.notEqual(host.processes.get(pidOf('side'))!.namespaces.uts, host.processes.get(pidOf('web2'))!.namespaces.uts);
	expectLine(shell, 'docker inspect -f "{{.HostConfig.NetworkMode}}" side', 'container:web2\n');
	expectLine(shell, 'docker run --network bogus busybox', '', "docker: Error response from daemon: network bogus not found\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run --network container:web2 -p 81:80 nginx', '', "docker: Error response from daemon: conflicting options: port publishing and the container type network mode\n\nRun 'docker run --help' for more information\n", 125);
	assert.match(run(shell, 'docker run -d --network host -p 8080:80 --name ignored busybox sleep 5').stderr, /^WARNING: Published ports are discarded when using host network mode\n/);
});
