import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runClassroomHost} from '../../source/app/classroom-commands.ts';
import {parseDuration} from '../../source/classroom/duration.ts';
import {fakeIO, options} from './fake-io.ts';
import {tempDir} from './helpers.ts';

test('durations as an instructor types them', () => {
	assert.equal(parseDuration('5m'), 300_000);
	assert.equal(parseDuration('90s'), 90_000);
	assert.equal(parseDuration('2m30s'), 150_000);
	assert.equal(parseDuration('1h'), 3_600_000);
	assert.equal(parseDuration('7'), 420_000, 'a bare number is minutes');
	for (const bad of ['', 'five', '5x', '-5m', 'm']) assert.equal(parseDuration(bad), undefined, bad);
});

test('--stuck-after that is not a duration is refused before the host starts', async t => {
	const {io, err} = fakeIO('');
	const code = await runClassroomHost(options(tempDir(t)), io, {port: '0', bind: '127.0.0.1', session: tempDir(t), stuckAfter: 'soon'});
	assert.equal(code, 1);
	assert.match(err(), /--stuck-after: "soon" is not a duration of at least 10s, e\.g\. 5m, 90s or 2m30s/);
});
