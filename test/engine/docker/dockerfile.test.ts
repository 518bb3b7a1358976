import assert from 'node:assert/strict';
import {test} from 'node:test';
import {execForm, keyValues, parseDockerfile, substitute} from '../../../source/engine/docker/dockerfile.ts';

test('the book Dockerfile parses into three instructions', () => {
	const parsed = parseDockerfile('FROM node:7\nADD app.js /app.js\nENTRYPOINT ["node", "app.js"]\n');
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.instructions.map(i => i.original), ['FROM node:7', 'ADD app.js /app.js', 'ENTRYPOINT ["node", "app.js"]']);
});

test('comments, blank lines, lower-case keywords and continuations', () => {
	const parsed = parseDockerfile('# syntax=docker/dockerfile:1\n# a comment\n\nfrom alpine\nrun apk add \\\n    # inside\n    curl \\\n    git\n');
	assert.ok(parsed.ok);
	assert.deepEqual(parsed.instructions.map(i => [i.line, i.keyword, i.args]), [[4, 'FROM', 'alpine'], [5, 'RUN', 'apk add  curl  git']]);
});

test('parse errors use docker wording and line numbers', () => {
	assert.deepEqual(parseDockerfile('FROM node:7\nADDD app.js /app.js\n'), {ok: false, error: 'dockerfile parse error line 2: unknown instruction: ADDD'});
	assert.deepEqual(parseDockerfile('ADD app.js /app.js\n'), {ok: false, error: 'no build stage in current context'});
	assert.deepEqual(parseDockerfile('\n# nothing\n'), {ok: false, error: 'the Dockerfile (Dockerfile) cannot be empty'});
	assert.deepEqual(parseDockerfile('FROM\n'), {ok: false, error: 'dockerfile parse error line 1: FROM requires at least one argument'});
});

test('exec form, key=value pairs and variable substitution', () => {
	assert.deepEqual(execForm('["node", "app.js"]'), ['node', 'app.js']);
	assert.equal(execForm('node app.js'), undefined);
	assert.equal(execForm('[not json'), undefined);
	assert.deepEqual(keyValues('PORT=8080 NAME="my app"'), [['PORT', '8080'], ['NAME', 'my app']]);
	assert.deepEqual(keyValues('NODE_ENV production'), [['NODE_ENV', 'production']]);
	assert.equal(substitute('/srv/$APP/${VERSION:-1.0}', {APP: 'kubia'}), '/srv/kubia/1.0');
});
