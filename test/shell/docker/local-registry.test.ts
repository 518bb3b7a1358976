// registry:2 is in the simulated Docker Hub (issue 15: "pull access denied" was a wrong fact), and
// a registry container the learner runs takes pushes to localhost:5000 and serves pulls back,
// keeping them under /var/lib/registry as distribution's filesystem driver does.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function labShell() {
	return sandboxShell({world: createSandboxWorld({cluster: false})});
}

test('docker run -d -p 5000:5000 --name registry registry:2 pulls the image and starts distribution 2.8.3 on port 5000', () => {
	const shell = labShell();
	const started = run(shell, 'docker run -d -p 5000:5000 --name registry registry:2');
	assert.equal(started.exitCode, 0, started.text);
	assert.match(started.text, /^Unable to find image 'registry:2' locally\n2: Pulling from library\/registry\n/);
	run(shell, 'sleep 2');
	assert.match(run(shell, 'docker ps').stdout, /registry:2 +"\/entrypoint\.sh \/etc…" +.* +0\.0\.0\.0:5000->5000\/tcp, \[::\]:5000->5000\/tcp +registry\n/);
	assert.match(run(shell, 'docker logs registry').stdout, /level=info msg="listening on \[::\]:5000" go\.version=go1\.20\.8 instance\.id=[0-9a-f-]{36} service=registry version=2\.8\.3\n$/);
	assert.equal(run(shell, 'docker inspect registry:2 --format "{{.Config.Entrypoint}} {{.Config.Cmd}} {{.Config.ExposedPorts}}"').stdout, '[/entrypoint.sh] [/etc/docker/registry/config.yml] map[5000/tcp:{}]\n');
	assert.equal(run(shell, 'curl -s localhost:5000/v2/').stdout, '{}');
	assert.equal(run(shell, 'curl -s localhost:5000/v2/_catalog').stdout, '{"repositories":[]}\n');
});

test('docker push localhost:5000/x reaches the registry container; the image comes back with docker pull', () => {
	const shell = labShell();
	run(shell, 'docker run -d -p 5000:5000 --name registry registry:2');
	run(shell, 'docker pull busybox');
	run(shell, 'docker tag busybox localhost:5000/my-busybox');
	const pushed = run(shell, 'docker push localhost:5000/my-busybox');
	assert.equal(pushed.exitCode, 0, pushed.text);
	assert.match(pushed.stdout, /^Using default tag: latest\nThe push refers to repository \[localhost:5000\/my-busybox\]\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
	assert.match(run(shell, 'docker push localhost:5000/my-busybox').stdout, /\n[0-9a-f]{12}: Layer already exists\n/);
	assert.equal(run(shell, 'curl -s localhost:5000/v2/_catalog').stdout, '{"repositories":["my-busybox"]}\n');
	assert.equal(run(shell, 'curl -s localhost:5000/v2/my-busybox/tags/list').stdout, '{"name":"my-busybox","tags":["latest"]}\n');
	assert.equal(run(shell, 'docker exec registry ls /var/lib/registry/docker/registry/v2/repositories').stdout, 'my-busybox\n');
	run(shell, 'docker rmi localhost:5000/my-busybox busybox');
	const pulled = run(shell, 'docker pull localhost:5000/my-busybox');
	assert.match(pulled.stdout, /^Using default tag: latest\nlatest: Pulling from my-busybox\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for localhost:5000\/my-busybox:latest\nlocalhost:5000\/my-busybox:latest\n$/);
	assert.equal(run(shell, 'docker run --rm localhost:5000/my-busybox echo from-the-registry').stdout, 'from-the-registry\n');
	assert.equal(run(shell, 'docker pull localhost:5000/nope').stderr, 'Error response from daemon: manifest for localhost:5000/nope:latest not found: manifest unknown: manifest unknown\n');
	// A stopped registry answers nothing: the daemon's connection is refused again.
	run(shell, 'docker stop registry');
	assert.equal(run(shell, 'docker push localhost:5000/my-busybox').stderr, 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
});

test('a plain-http registry on another machine needs insecure-registries: the daemon asks it over https first', () => {
	const shell = labShell();
	run(shell, 'ssh host-2');
	run(shell, 'docker run -d -p 5000:5000 --name registry registry:2');
	run(shell, 'exit');
	run(shell, 'docker pull busybox');
	run(shell, 'docker tag busybox host-2:5000/x');
	assert.equal(run(shell, 'docker push host-2:5000/x').stderr, 'Get "https://host-2:5000/v2/": http: server gave HTTP response to HTTPS client\n');
});

test('registry:2 keeps its data in a volume (the image declares VOLUME /var/lib/registry): anonymous by default, a named one outlives the container', () => {
	const shell = labShell();
	run(shell, 'docker run -d -p 5000:5000 --name registry registry:2');
	assert.equal(run(shell, 'docker inspect registry:2 --format "{{.Config.Volumes}}"').stdout, 'map[/var/lib/registry:{}]\n');
	// dockerd gives the VOLUME an anonymous volume (a 64-hex name), mounted where the image said.
	const volume = /^local +([0-9a-f]{64})$/m.exec(run(shell, 'docker volume ls').stdout)?.[1];
	assert.ok(volume);
	const mounts = JSON.parse(run(shell, 'docker inspect registry --format "{{json .Mounts}}"').stdout) as {Type: string; Name: string; Destination: string}[];
	assert.deepEqual(mounts.map(m => [m.Type, m.Name, m.Destination]), [['volume', volume, '/var/lib/registry']]);
	run(shell, 'docker pull busybox');
	run(shell, 'docker tag busybox localhost:5000/my-busybox');
	assert.equal(run(shell, 'docker push localhost:5000/my-busybox').exitCode, 0);
	// The blobs are in the volume, not in the container's own layer.
	assert.equal(run(shell, 'docker diff registry').stdout.includes('/var/lib/registry/docker'), false);
	// docker rm leaves an anonymous volume behind, but a new container gets a new, empty one.
	run(shell, 'docker rm -f registry');
	assert.match(run(shell, 'docker volume ls').stdout, new RegExp(volume!));
	run(shell, 'docker run -d -p 5000:5000 --name registry registry:2');
	assert.equal(run(shell, 'curl -s localhost:5000/v2/_catalog').stdout, '{"repositories":[]}\n');
	run(shell, 'docker rm -f registry');
	// A named volume keeps what was pushed for the next registry that mounts it.
	run(shell, 'docker run -d -p 5000:5000 -v registry-data:/var/lib/registry --name registry registry:2');
	run(shell, 'docker push localhost:5000/my-busybox');
	run(shell, 'docker rm -f registry');
	run(shell, 'docker run -d -p 5000:5000 -v registry-data:/var/lib/registry --name registry2 registry:2');
	assert.equal(run(shell, 'curl -s localhost:5000/v2/_catalog').stdout, '{"repositories":["my-busybox"]}\n');
	run(shell, 'docker rmi localhost:5000/my-busybox');
	assert.equal(run(shell, 'docker pull localhost:5000/my-busybox').exitCode, 0);
});
