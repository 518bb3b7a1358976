// Usage errors in docker CLI 28's words, recorded from the real `docker` 28.2.2 (these need no
// daemon): cli/cobra.go FlagErrorFunc ("%s\n\nUsage:  %s\n\nRun '%s --help' for more information",
// exit 125) and cli/required.go ("%[1]s: '%[2]s' requires ...\n\nUsage:  %[5]s\n\nSee|Run '%[2]s --help'
// for more information", exit 1).
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const recorded: [line: string, output: string, exitCode: number][] = [
	["docker run", "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n", 1],
	["docker run --bogus", "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n", 125],
	["docker run -d --bogus busybox", "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n", 125],
	["docker ps --bogus", "unknown flag: --bogus\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n", 125],
	["docker images --bogus", "unknown flag: --bogus\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n", 125],
	["docker exec", "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n", 1],
	["docker exec x", "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n", 1],
	["docker exec --bogus x ls", "unknown flag: --bogus\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun 'docker exec --help' for more information\n", 125],
	["docker logs", "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n", 1],
	["docker diff", "docker: 'docker diff' requires 1 argument\n\nUsage:  docker diff CONTAINER\n\nRun 'docker diff --help' for more information\n", 1],
	["docker history", "docker: 'docker history' requires 1 argument\n\nUsage:  docker history [OPTIONS] IMAGE\n\nRun 'docker history --help' for more information\n", 1],
	["docker tag", "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n", 1],
	["docker tag a", "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n", 1],
	["docker rmi", "docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information\n", 1],
	["docker inspect", "docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information\n", 1],
	["docker top", "docker: 'docker top' requires at least 1 argument\n\nUsage:  docker top CONTAINER [ps OPTIONS]\n\nSee 'docker top --help' for more information\n", 1],
	["docker port", "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n", 1],
	["docker commit", "docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information\n", 1],
	["docker rename", "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information\n", 1],
	["docker pause", "docker: 'docker pause' requires at least 1 argument\n\nUsage:  docker pause CONTAINER [CONTAINER...]\n\nSee 'docker pause --help' for more information\n", 1],
	["docker unpause", "docker: 'docker unpause' requires at least 1 argument\n\nUsage:  docker unpause CONTAINER [CONTAINER...]\n\nSee 'docker unpause --help' for more information\n", 1],
	["docker cp", "docker: 'docker cp' requires 2 arguments\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nRun 'docker cp --help' for more information\n", 1],
	["docker search", "docker: 'docker search' requires 1 argument\n\nUsage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information\n", 1],
	["docker pull", "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information\n", 1],
	["docker push", "docker: 'docker push' requires 1 argument\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nRun 'docker push --help' for more information\n", 1],
	["docker stop", "docker: 'docker stop' requires at least 1 argument\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker stop --help' for more information\n", 1],
	["docker start", "docker: 'docker start' requires at least 1 argument\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker start --help' for more information\n", 1],
	["docker rm", "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n", 1],
	["docker kill", "docker: 'docker kill' requires at least 1 argument\n\nUsage:  docker kill [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker kill --help' for more information\n", 1],
	["docker restart", "docker: 'docker restart' requires at least 1 argument\n\nUsage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker restart --help' for more information\n", 1],
	["docker create", "docker: 'docker create' requires at least 1 argument\n\nUsage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker create --help' for more information\n", 1],
	["docker volume rm", "docker: 'docker volume rm' requires at least 1 argument\n\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nSee 'docker volume rm --help' for more information\n", 1],
	["docker volume inspect", "docker: 'docker volume inspect' requires at least 1 argument\n\nUsage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]\n\nSee 'docker volume inspect --help' for more information\n", 1],
	["docker system df --bogus", "unknown flag: --bogus\n\nUsage:  docker system df [OPTIONS]\n\nRun 'docker system df --help' for more information\n", 125],
	["docker --bogus", "unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", 125],
];

test('docker usage errors match docker CLI 28 word for word', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	for (const [line, output, exitCode] of recorded) {
		const result = run(shell, line);
		assert.equal(result.stdout + result.stderr, output, line);
		assert.equal(result.exitCode, exitCode, line);
	}
});

// moby/distribution: localhost is an insecure registry, so the daemon's last attempt is plain
// http, and Go's dialer reports the first address it tried (localhost -> [::1]). Real transcript:
// `Get http://localhost:5000/v2/: dial tcp [::1]:5000: connect: connection refused` (docker/docs#13915).
test('pushing to localhost:5000 with no registry there is refused in the daemon words', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker pull busybox');
	run(shell, 'docker tag busybox localhost:5000/x');
	const push = run(shell, 'docker push localhost:5000/x');
	assert.equal(push.text, 'Using default tag: latest\nThe push refers to repository [localhost:5000/x]\nGet "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
	assert.equal(push.exitCode, 1);
	assert.equal(run(shell, 'docker pull localhost:5000/x').stderr, 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
	// A lab machine by name resolves (nothing listens there either); an unknown name does not resolve.
	run(shell, 'docker tag busybox host-2:5000/x');
	assert.match(run(shell, 'docker push host-2:5000/x').stderr, /Get "https:\/\/host-2:5000\/v2\/": dial tcp 192\.168\.56\.11:5000: connect: connection refused\n$/);
	run(shell, 'docker tag busybox registry.example.com/x');
	assert.match(run(shell, 'docker push registry.example.com/x').stderr, /dial tcp: lookup registry\.example\.com on 127\.0\.0\.53:53: no such host\n$/);
});
