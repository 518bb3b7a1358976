import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseImageRef, tagKey} from '../../../source/engine/docker/image-ref.ts';
import {humanDuration, humanSize, parseMemoryBytes} from '../../../source/engine/docker/units.ts';

test('humanDuration reads like go-units', () => {
	assert.equal(humanDuration(500), 'Less than a second');
	assert.equal(humanDuration(1000), '1 second');
	assert.equal(humanDuration(45_000), '45 seconds');
	assert.equal(humanDuration(90_000), 'About a minute');
	assert.equal(humanDuration(59 * 60_000), '59 minutes');
	assert.equal(humanDuration(3_600_000), 'About an hour');
	assert.equal(humanDuration(5 * 3_600_000), '5 hours');
	assert.equal(humanDuration(3 * 86_400_000), '3 days');
	assert.equal(humanDuration(20 * 86_400_000), '2 weeks');
	assert.equal(humanDuration(400 * 86_400_000), '13 months');
	assert.equal(humanDuration(8.5 * 365 * 86_400_000), '8 years');
});

test('humanSize uses decimal units and 3 significant digits', () => {
	assert.equal(humanSize(0), '0B');
	assert.equal(humanSize(367), '367B');
	assert.equal(humanSize(4_270_000), '4.27MB');
	assert.equal(humanSize(663_700_000), '664MB');
	assert.equal(humanSize(1_120_000_000), '1.12GB');
	assert.equal(humanSize(3072, 4), '3.072kB');
	assert.equal(humanSize(7_800_000), '7.8MB');
});

test('memory sizes parse as docker does', () => {
	assert.equal(parseMemoryBytes('64m'), 64 * 1024 * 1024);
	assert.equal(parseMemoryBytes('1g'), 1024 ** 3);
	assert.equal(parseMemoryBytes('100M'), 100 * 1024 * 1024);
	assert.equal(parseMemoryBytes('512000'), 512000);
	assert.equal(parseMemoryBytes('lots'), undefined);
});

test('image references normalise to docker.io/library and a latest tag', () => {
	const nginx = parseImageRef('nginx');
	assert.ok(!('error' in nginx));
	assert.deepEqual([nginx.registry, nginx.path, nginx.familiar, nginx.tag, nginx.tagGiven], ['docker.io', 'library/nginx', 'nginx', 'latest', false]);
	const node = parseImageRef('docker.io/library/node:7');
	assert.ok(!('error' in node));
	assert.equal(tagKey(node), 'node:7');
	const kubia = parseImageRef('luksa/kubia:v1');
	assert.ok(!('error' in kubia));
	assert.equal(kubia.path, 'luksa/kubia');
	const local = parseImageRef('localhost:5000/app');
	assert.ok(!('error' in local));
	assert.equal(local.registry, 'localhost:5000');
	assert.equal(tagKey(local), 'localhost:5000/app:latest');
	assert.deepEqual(parseImageRef('Kubia'), {error: 'invalid reference format: repository name (library/Kubia) must be lowercase'});
	assert.deepEqual(parseImageRef('kubia:'), {error: 'invalid reference format'});
	assert.deepEqual(parseImageRef('a b'), {error: 'invalid reference format'});
});
