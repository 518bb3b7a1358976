// test/scripts/chapters-4-5.txt walks chapters 4-5's tasks in the sandbox, one command per line,
// with the tutor started in test/scripts (so `kubia/` holds the Dockerfiles and app.js files).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {realDisk} from '../../../source/node/real-disk.ts';
import {replayScript, run, sandboxShell} from '../../helpers/shell.ts';

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

test('chapters-4-5.txt runs through: every line succeeds', () => {
	const {at} = replayScript('chapters-4-5.txt');
	assert.match(at('curl localhost:8081'), /^This is v2 running in pod [0-9a-f]{12}\n$/);
	assert.match(at('docker exec c2 cat /app.js'), /You've hit/);
	assert.equal(at('docker exec c1 cat /app.js'), 'changed\n');
	assert.equal(at('docker diff c1'), 'C /app.js\n');
	assert.match(at('docker pull luksa/kubia'), /Already exists/);
});

test('docker build reads an absolute directory on the real disk', () => {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk('/')};
	const built = run(shell, `docker build -t abs ${scripts}kubia`);
	assert.equal(built.exitCode, 0, built.stderr);
	assert.match(built.stdout, /Successfully tagged abs:latest\n$/);
});
