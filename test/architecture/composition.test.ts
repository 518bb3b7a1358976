// One composition root (engine/world-behaviour.ts): how the world answers does not depend on
// which modules a process imported, or in which order. Before, Docker's responders existed only
// once something had imported engine/docker/http.ts (the shell's docker commands did), so an
// engine-only process heard "OK from a" where the tutor heard "You've hit a".
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const fixture = fileURLToPath(new URL('fixtures/world-answers.ts', import.meta.url));
const answersAfter = (mode: 'engine' | 'shell-first') => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fixture, mode], {encoding: 'utf8'})) as Record<string, unknown>;

test('a fresh process that imports only the engine hears the same HTTP answers, CoreDNS and kube-proxy as the tutor', () => {
	const engineOnly = answersAfter('engine');
	const withShell = answersAfter('shell-first');
	assert.deepEqual(engineOnly, withShell);
	assert.deepEqual(engineOnly['http 8080'], [200, "You've hit a\n"]);
	assert.deepEqual(engineOnly['http 8081'], [200, "You've hit a\n"]);
	assert.deepEqual(engineOnly.connect, ['refused', ['kube-proxy']]);
	assert.equal(engineOnly.dns, 'NOERROR');
});
