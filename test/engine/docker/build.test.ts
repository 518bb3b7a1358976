import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {buildImage, type BuildResult} from '../../../source/engine/docker/build.ts';
import {kubiaAppJs} from '../../../source/engine/docker/hub-catalog.ts';
import {appProfileOf, createContainer, resolveImage} from '../../../source/engine/docker/runtime.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import type {World} from '../../../source/engine/world.ts';
import {memoryDisk} from '../../../source/shell/memory-disk.ts';

const bookDockerfile = 'FROM node:7\nADD app.js /app.js\nENTRYPOINT ["node", "app.js"]\n';

function build(world: World, files: Record<string, string>, tags = ['kubia'], host = 'host-1', noCache = false): {world: World; result: BuildResult} {
	let result: BuildResult | undefined;
	const next = produce(world, w => {
		result = buildImage(w, host, {dockerfile: files['Dockerfile']!, context: memoryDisk(files), tags, noCache});
	});
	return {world: next, result: result!};
}

test('the book Dockerfile builds on node:7: classic output, one new layer, ENTRYPOINT without the inherited CMD', () => {
	const {world, result} = build(createSandboxWorld(), {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs});
	assert.ok(result.ok, result.error);
	assert.match(result.output, /^Step 1\/3 : FROM node:7\n7: Pulling from library\/node\n/);
	assert.match(result.output, /Step 2\/3 : ADD app.js \/app.js\n ---> [0-9a-f]{12}\nStep 3\/3 : ENTRYPOINT \["node", "app.js"\]\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged kubia:latest\n$/);
	const daemon = world.dockers.get('host-1')!;
	const kubia = resolveImage(daemon, 'kubia')!;
	const node = resolveImage(daemon, 'node:7')!;
	assert.deepEqual(kubia.layers.slice(0, -1), node.layers, 'built on the same base layers');
	assert.equal(kubia.layers.length, node.layers.length + 1);
	assert.deepEqual(kubia.config.entrypoint, ['node', 'app.js']);
	assert.equal(kubia.config.cmd, undefined);
	assert.equal(world.layers.get(kubia.layers.at(-1)!)!.sizeBytes, kubiaAppJs.length);
});

test('same inputs give the same digests and "Using cache"; a changed app.js gives a new layer', () => {
	const first = build(createSandboxWorld(), {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs});
	const again = build(first.world, {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs});
	assert.equal(again.result.imageId, first.result.imageId);
	assert.equal((again.result.output.match(/ ---> Using cache/g) ?? []).length, 2);
	const changed = build(again.world, {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs.replace("You've hit", 'Hello from')}, ['kubia:v2']);
	assert.notEqual(changed.result.imageId, first.result.imageId);
	assert.equal((changed.result.output.match(/ ---> Using cache/g) ?? []).length, 0);
	const daemon = changed.world.dockers.get('host-1')!;
	assert.notEqual(resolveImage(daemon, 'kubia:v2')!.layers.at(-1), resolveImage(daemon, 'kubia')!.layers.at(-1));
	const otherHost = build(first.world, {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs}, ['kubia'], 'host-2');
	assert.equal(otherHost.result.imageId, first.result.imageId, 'the same build on another host gives the same image id');
	const noCache = build(first.world, {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs}, ['kubia'], 'host-1', true);
	assert.doesNotMatch(noCache.result.output, /Using cache/);
});

test('the built app is inferred from app.js: kubia answers with its hostname on the listen port', () => {
	const {world} = build(createSandboxWorld(), {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs});
	let profileName = '';
	let port = 0;
	produce(world, w => {
		const created = createContainer(w, 'host-1', {image: 'kubia', name: 'kubia-container'});
		assert.ok(created.ok);
		const profile = appProfileOf(w, 'host-1', created.container)!;
		profileName = profile.name;
		port = profile.port;
	});
	assert.equal(profileName, 'kubia');
	assert.equal(port, 8080);
});

test('metadata instructions make empty layers; RUN and COPY make layers with their files', () => {
	const dockerfile = 'FROM alpine:3.20\nARG VERSION=1\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\nCOPY app/ .\nRUN mkdir -p data && echo v$VERSION > data/version.txt\nEXPOSE 8080\nUSER nobody\nLABEL team=blue\nCMD ["sh"]\n';
	const {world, result} = build(createSandboxWorld(), {Dockerfile: dockerfile, 'app/index.html': '<h1>hi</h1>\n', 'app/css/site.css': 'body{}\n'});
	assert.ok(result.ok, result.error);
	const image = resolveImage(world.dockers.get('host-1')!, 'kubia')!;
	const alpine = resolveImage(world.dockers.get('host-1')!, 'alpine:3.20')!;
	assert.equal(image.layers.length, alpine.layers.length + 3, 'WORKDIR (new dir), COPY and RUN');
	const files = new Map(image.layers.flatMap(id => [...world.layers.get(id)!.files]));
	assert.deepEqual(files.get('/srv/app/index.html'), {type: 'file', content: '<h1>hi</h1>\n'});
	assert.deepEqual(files.get('/srv/app/css/site.css'), {type: 'file', content: 'body{}\n'});
	assert.deepEqual(files.get('/srv/app/data/version.txt'), {type: 'file', content: 'v1\n'});
	assert.equal(image.config.workdir, '/srv/app');
	assert.deepEqual(image.config.exposedPorts, ['8080/tcp']);
	assert.equal(image.config.user, 'nobody');
	assert.equal(image.config.labels['team'], 'blue');
	assert.equal(image.config.env['APP_HOME'], '/srv/app');
	assert.equal(image.history.at(-1)!.createdBy, '/bin/sh -c #(nop)  CMD ["sh"]');
	assert.equal(image.history.at(-1)!.layerId, undefined);
});

test('a missing context file and an unknown RUN program fail with docker wording', () => {
	const missing = build(createSandboxWorld(), {Dockerfile: bookDockerfile});
	assert.equal(missing.result.ok, false);
	assert.equal(missing.result.error, 'ADD failed: file not found in build context or excluded by .dockerignore: stat app.js: file does not exist');
	const ignored = build(createSandboxWorld(), {Dockerfile: bookDockerfile, 'app.js': kubiaAppJs, '.dockerignore': '*.js\n'});
	assert.match(ignored.result.error!, /^ADD failed: file not found in build context or excluded by .dockerignore/);
	const run = build(createSandboxWorld(), {Dockerfile: 'FROM busybox\nRUN frobnicate --now\n'});
	assert.equal(run.result.error, "The command '/bin/sh -c frobnicate --now' returned a non-zero code: 127");
	assert.match(run.result.output, /\/bin\/sh: 1: frobnicate: not found\n$/);
	const from = build(createSandboxWorld(), {Dockerfile: 'FROM nosuch\n'});
	assert.match(from.result.error!, /^pull access denied for nosuch, repository does not exist/);
	const parse = build(createSandboxWorld(), {Dockerfile: 'FROM node:7\nADDD app.js /app.js\n'});
	assert.equal(parse.result.error, 'Error response from daemon: dockerfile parse error line 2: unknown instruction: ADDD');
});

test('RUN false fails the build as /bin/sh does: after && or last it decides, after ; sh goes on, || rescues it', () => {
	const failing = build(createSandboxWorld(), {Dockerfile: 'FROM busybox\nRUN false\n'});
	assert.equal(failing.result.ok, false);
	assert.equal(failing.result.error, "The command '/bin/sh -c false' returned a non-zero code: 1");
	const chained = build(createSandboxWorld(), {Dockerfile: 'FROM busybox\nRUN false && echo never\n'});
	assert.equal(chained.result.error, "The command '/bin/sh -c false && echo never' returned a non-zero code: 1");
	assert.doesNotMatch(chained.result.output, /^never$/m);
	assert.equal(build(createSandboxWorld(), {Dockerfile: 'FROM busybox\nRUN false; echo goes on\n'}).result.ok, true);
	assert.equal(build(createSandboxWorld(), {Dockerfile: 'FROM busybox\nRUN false || true\n'}).result.ok, true);
});
