// Golden transcripts: docker build, images, history, tag, push, pull, rmi.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {manifestDigestOf} from '../../../source/engine/docker/registry.ts';
import {resolveImage} from '../../../source/engine/docker/runtime.ts';
import {dockerShell, expectLine, imageId, kubiaFiles, layerShortIds, legacyWarning, run} from './helpers.ts';

test('docker build: first build pulls node:7, the second uses the cache', () => {
	const shell = dockerShell({'kubia/Dockerfile': kubiaFiles['kubia/Dockerfile'], 'kubia/app.js': kubiaFiles['kubia/app.js']});
	const first = run(shell, 'docker build -t kubia kubia');
	const node = layerShortIds(shell, 'node:7');
	const nodeDigest = manifestDigestOf(resolveImage(shell.state.world.dockers.get('host-1')!, 'node:7')!);
	const kubia = resolveImage(shell.state.world.dockers.get('host-1')!, 'kubia')!;
	const addStep = kubia.stepIds!.at(-2)!.slice(7, 19);
	const runIn = first.stdout.match(/Running in ([0-9a-f]{12})/)![1]!;
	assert.equal(first.stdout, `Sending build context to Docker daemon  3.072kB
Step 1/3 : FROM node:7
7: Pulling from library/node
${node.map(l => `${l}: Pull complete`).join('\n')}
Digest: ${nodeDigest}
Status: Downloaded newer image for node:7
 ---> ${imageId(shell, 'node:7')}
Step 2/3 : ADD app.js /app.js
 ---> ${addStep}
Step 3/3 : ENTRYPOINT ["node", "app.js"]
 ---> Running in ${runIn}
 ---> Removed intermediate container ${runIn}
 ---> ${imageId(shell, 'kubia')}
Successfully built ${imageId(shell, 'kubia')}
Successfully tagged kubia:latest
`);
	assert.equal(first.stderr, legacyWarning);
	expectLine(shell, 'docker build -t kubia kubia', `Sending build context to Docker daemon  3.072kB
Step 1/3 : FROM node:7
 ---> ${imageId(shell, 'node:7')}
Step 2/3 : ADD app.js /app.js
 ---> Using cache
 ---> ${addStep}
Step 3/3 : ENTRYPOINT ["node", "app.js"]
 ---> Using cache
 ---> ${imageId(shell, 'kubia')}
Successfully built ${imageId(shell, 'kubia')}
Successfully tagged kubia:latest
`, legacyWarning);
});

test('docker build errors: parse error, missing file, missing directory, missing Dockerfile', () => {
	const shell = dockerShell({'bad/Dockerfile': 'FROM node:7\nADDD app.js /app.js\n', 'nofile/Dockerfile': 'FROM busybox\nADD app.js /app.js\n', 'empty/README': 'x'});
	expectLine(shell, 'docker build -t bad bad', 'Sending build context to Docker daemon  2.048kB\n', legacyWarning + 'Error response from daemon: dockerfile parse error line 2: unknown instruction: ADDD\n', 1);
	const missing = run(shell, 'docker build -t nofile nofile');
	assert.match(missing.stdout, /Step 2\/2 : ADD app.js \/app.js\n$/);
	assert.equal(missing.stderr, legacyWarning + 'ADD failed: file not found in build context or excluded by .dockerignore: stat app.js: file does not exist\n');
	assert.equal(missing.exitCode, 1);
	expectLine(shell, 'docker build -t x nosuchdir', '', 'unable to prepare context: path "nosuchdir" not found\n', 1);
	expectLine(shell, 'docker build -t x empty', '', 'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /root/empty/Dockerfile: no such file or directory\n', 1);
	expectLine(shell, 'docker build', '', "docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n", 1);
});

test('docker build reads a Dockerfile written inside the simulated host', () => {
	const shell = dockerShell({});
	run(shell, 'mkdir /root/app');
	run(shell, 'echo "FROM busybox" > /root/app/Dockerfile');
	run(shell, 'echo "CMD [\\"echo\\", \\"hello from my image\\"]" >> /root/app/Dockerfile');
	const built = run(shell, 'docker build -t hello /root/app');
	assert.equal(built.exitCode, 0, built.stderr);
	assert.match(built.stdout, /Step 2\/2 : CMD \["echo", "hello from my image"\]/);
	expectLine(shell, 'docker run --rm hello', 'hello from my image\n');
});

test('docker images and history', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'sleep 120');
	expectLine(shell, 'docker images', `REPOSITORY   TAG       IMAGE ID       CREATED         SIZE
kubia        latest    ${imageId(shell, 'kubia')}   2 minutes ago   664MB
node         7         ${imageId(shell, 'node:7')}   8 years ago     664MB
`);
	expectLine(shell, 'docker images -q', `${imageId(shell, 'kubia')}\n${imageId(shell, 'node:7')}\n`);
	expectLine(shell, 'docker image ls node', `REPOSITORY   TAG       IMAGE ID       CREATED       SIZE
node         7         ${imageId(shell, 'node:7')}   8 years ago   664MB
`);
	const history = run(shell, 'docker history kubia').stdout.split('\n');
	assert.equal(history[0], 'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT');
	assert.equal(history[1], `${imageId(shell, 'kubia')}   2 minutes ago   /bin/sh -c #(nop)  ENTRYPOINT ["node" "app.j…   0B`);
	assert.match(history[2]!, /^[0-9a-f]{12} {3}2 minutes ago {3}\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{17}… {3}360B$/);
	assert.equal(history[3], `${imageId(shell, 'node:7')}   8 years ago     /bin/sh -c #(nop)  CMD ["node"]                 0B`);
	assert.equal(history[4], '<missing>      8 years ago     /bin/sh -c set -ex   && for key in     6A010…   4.9MB');
	assert.equal(history.at(-2), '<missing>      8 years ago     /bin/sh -c #(nop) ADD file:a023a99f7d01868b1…   123MB');
	expectLine(shell, 'docker history nosuch', '', 'Error response from daemon: No such image: nosuch:latest\n', 1);
});

test('docker tag and push: denied without a user namespace, then Pushed / Layer already exists', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	const layers = layerShortIds(shell, 'kubia').reverse();
	expectLine(shell, 'docker push kubia', `Using default tag: latest
The push refers to repository [docker.io/library/kubia]
${layers.map(l => `${l}: Preparing`).join('\n')}
`, 'denied: requested access to the resource is denied\n', 1);
	expectLine(shell, 'docker tag kubia learner/kubia', '');
	expectLine(shell, 'docker push learner/kubia', `Using default tag: latest
The push refers to repository [docker.io/learner/kubia]
${layers.map(l => `${l}: Preparing`).join('\n')}
`, 'denied: requested access to the resource is denied\n', 1);
	run(shell, 'docker login -u learner');
	const digest = manifestDigestOf(resolveImage(shell.state.world.dockers.get('host-1')!, 'kubia')!);
	expectLine(shell, 'docker push learner/kubia', `Using default tag: latest
The push refers to repository [docker.io/learner/kubia]
${layers.map((l, i) => `${l}: ${i === 0 ? 'Pushed' : 'Layer already exists'}`).join('\n')}
latest: digest: ${digest} size: 2337
`);
	expectLine(shell, 'docker push learner/kubia:latest', `The push refers to repository [docker.io/learner/kubia]
${layers.map(l => `${l}: Layer already exists`).join('\n')}
latest: digest: ${digest} size: 2337
`);
	expectLine(shell, 'docker push learner/nothing', 'Using default tag: latest\nThe push refers to repository [docker.io/learner/nothing]\n', 'An image does not exist locally with the tag: learner/nothing\n', 1);
	expectLine(shell, 'docker tag nosuch learner/x', '', 'Error response from daemon: No such image: nosuch:latest\n', 1);
	expectLine(shell, 'docker tag kubia Bad/Name', '', 'Error parsing reference: "Bad/Name" is not a valid repository/tag: invalid reference format: repository name (Bad/Name) must be lowercase\n', 1);
	expectLine(shell, 'docker push luksa/kubia', 'Using default tag: latest\nThe push refers to repository [docker.io/luksa/kubia]\n', 'An image does not exist locally with the tag: luksa/kubia\n', 1);
});

test('docker pull: Pull complete, then Already exists for a shared base, then up to date; errors', () => {
	const shell = dockerShell();
	const hub = shell.state.world.registry;
	const node7 = hub.images.get(hub.repositories.get('library/node')!.tags['7']!)!;
	const kubia = hub.images.get(hub.repositories.get('luksa/kubia')!.tags['latest']!)!;
	const short = (id: string) => id.slice(7, 19);
	expectLine(shell, 'docker pull node:7', `7: Pulling from library/node
${node7.layers.map(l => `${short(l)}: Pull complete`).join('\n')}
Digest: ${manifestDigestOf(node7)}
Status: Downloaded newer image for node:7
docker.io/library/node:7
`);
	expectLine(shell, 'docker pull luksa/kubia', `Using default tag: latest
latest: Pulling from luksa/kubia
${kubia.layers.map((l, i) => `${short(l)}: ${i < node7.layers.length ? 'Already exists' : 'Pull complete'}`).join('\n')}
Digest: ${manifestDigestOf(kubia)}
Status: Downloaded newer image for luksa/kubia:latest
docker.io/luksa/kubia:latest
`);
	expectLine(shell, 'docker pull luksa/kubia', `Using default tag: latest
latest: Pulling from luksa/kubia
Digest: ${manifestDigestOf(kubia)}
Status: Image is up to date for luksa/kubia:latest
docker.io/luksa/kubia:latest
`);
	expectLine(shell, 'docker pull nosuch', 'Using default tag: latest\n', "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n[simulator] nosuch is not in k8s-tutor's offline copy of Docker Hub; the real Docker Hub may have it\n", 1);
	expectLine(shell, 'docker pull nginx:9.9', '', "Error response from daemon: manifest for nginx:9.9 not found: manifest unknown: manifest unknown\n[simulator] k8s-tutor's offline copy of Docker Hub holds nginx only as 1.26, 1.26.2, 1.27, 1.27.3, latest, mainline, stable, stable-bookworm; the real Docker Hub may have nginx:9.9\n", 1);
	expectLine(shell, 'docker pull', '', `docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information\n`, 1);
});

test('docker rmi: untag, conflict with a container, delete image and unshared layers', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	run(shell, 'docker tag kubia kubia:v1');
	const kubia = resolveImage(shell.state.world.dockers.get('host-1')!, 'kubia')!;
	expectLine(shell, 'docker rmi kubia:v1', 'Untagged: kubia:v1\n');
	run(shell, 'docker create --name c1 kubia');
	expectLine(shell, 'docker rmi kubia', '', `Error response from daemon: conflict: unable to remove repository reference "kubia" (must force) - container ${shell.state.world.dockers.get('host-1')!.containers.values().next().value!.id.slice(0, 12)} is using its referenced image ${kubia.id.slice(7, 19)}\n`, 1);
	run(shell, 'docker rm c1');
	expectLine(shell, 'docker rmi kubia', `Untagged: kubia:latest
Deleted: ${kubia.id}
Deleted: ${kubia.stepIds!.at(-2)}
Deleted: ${kubia.layers.at(-1)}
`);
	expectLine(shell, 'docker rmi kubia', '', 'Error response from daemon: No such image: kubia:latest\n', 1);
	assert.equal(shell.state.world.dockers.get('host-1')!.layers.size, resolveImage(shell.state.world.dockers.get('host-1')!, 'node:7')!.layers.length, 'the base layers stay for node:7');
});

test('images learners write themselves behave: an express app, nginx installed with apt on ubuntu', () => {
	const shell = dockerShell({
		'web/Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx\nCOPY site/ /var/www/html/\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
		'web/site/index.html': '<h1>hello</h1>\n',
		'node/Dockerfile': 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
		'node/package.json': '{"name":"x","dependencies":{"express":"^4.19.2"}}\n',
		'node/server.js': 'const express = require("express");\nconst app = express();\napp.get("/", (req, res) => res.send("Hello from " + require("os").hostname() + "\\n"));\napp.listen(3000);\n',
	});
	const web = run(shell, 'docker build -t web web');
	assert.equal(web.exitCode, 0, web.stderr);
	assert.match(web.stdout, /Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu noble InRelease/);
	run(shell, 'docker run -d -p 8080:80 --name w1 web');
	expectLine(shell, 'curl localhost:8080', '<h1>hello</h1>\n');
	const node = run(shell, 'docker build -t napp node');
	assert.match(node.stdout, /Step 4\/7 : RUN npm install\n ---> Running in [0-9a-f]{12}\n\nadded 7 packages, and audited 8 packages in 3s\n/);
	run(shell, 'docker run -d -p 3000:3000 --name n1 napp');
	expectLine(shell, 'curl localhost:3000', `Hello from ${run(shell, 'docker inspect -f "{{.Config.Hostname}}" n1').stdout}`);
	expectLine(shell, 'docker exec n1 ls /app', 'Dockerfile  node_modules  package.json  server.js\n');
});

test('docker rmi of a base image others are built on only untags it; removing the last child prunes it', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	const node = resolveImage(shell.state.world.dockers.get('host-1')!, 'node:7')!;
	expectLine(shell, `docker rmi ${node.id.slice(7, 19)}`, '', `Error response from daemon: conflict: unable to delete ${node.id.slice(7, 19)} (cannot be forced) - image has dependent child images\n`, 1);
	expectLine(shell, 'docker rmi node:7', `Untagged: node:7\nUntagged: node@${manifestDigestOf(node)}\n`);
	assert.doesNotMatch(run(shell, 'docker images').stdout, /<none>/, 'a parent is not dangling');
	assert.match(run(shell, 'docker images -a').stdout, new RegExp(`<none> +<none> +${node.id.slice(7, 19)}`));
	const removed = run(shell, 'docker rmi kubia').stdout;
	assert.match(removed, new RegExp(`Deleted: ${node.id}\\n`));
	assert.equal((removed.match(/^Deleted: /gm) ?? []).length, 3 + node.layers.length + 1, 'kubia, its ADD step, node:7, their layers and the app.js layer');
	expectLine(shell, 'docker images -a', 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
});

test('docker images --filter dangling and reference', () => {
	const shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	const old = imageId(shell, 'kubia');
	run(shell, 'docker build -t kubia -f kubia/Dockerfile.v2 kubia');
	expectLine(shell, 'docker images -q -f dangling=true', `${old}\n`);
	expectLine(shell, "docker images --filter 'reference=ku*' --format '{{.Repository}}:{{.Tag}}'", 'kubia:latest\n');
	expectLine(shell, 'docker images -f bogus=1', '', "Error response from daemon: invalid filter 'bogus'\n", 1);
});
