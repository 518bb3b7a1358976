import assert from 'node:assert/strict';
import {test} from 'node:test';
import {evaluateExpression, nodeServerProfile, renderParts} from '../../../source/engine/docker/apps.ts';
import {kubiaAppJs} from '../../../source/engine/docker/hub-catalog.ts';

const ctx = {hostname: 'abc123def456', remoteAddress: '::ffff:172.17.0.1', time: Date.UTC(2026, 0, 5, 9, 0, 0)};

test("the book's app.js is a kubia server on 8080 with its two console lines", () => {
	const profile = nodeServerProfile(kubiaAppJs)!;
	assert.equal(profile.name, 'kubia');
	assert.equal(profile.port, 8080);
	assert.equal(renderParts(profile.body, ctx), "You've hit abc123def456\n");
	assert.deepEqual(profile.startupLog.map(l => renderParts(l, ctx)), ['Kubia server starting...']);
	assert.deepEqual(profile.requestLog.map(l => renderParts(l, ctx)), ['Received request from ::ffff:172.17.0.1']);
	assert.equal(profile.handlesSigterm, false);
});

test('an edited or express app answers with its own text; a script without a server is not an app', () => {
	const express = nodeServerProfile('const express = require("express");\nconst app = express();\napp.get("/", (req, res) => res.send(`Hi from ${require("os").hostname()}!`));\napp.listen(process.env.PORT || 3000);\nprocess.on("SIGTERM", () => process.exit(0));\n')!;
	assert.equal(express.name, 'node-http');
	assert.equal(express.port, 3000);
	assert.equal(renderParts(express.body, ctx), 'Hi from abc123def456!');
	assert.equal(express.handlesSigterm, true);
	assert.equal(nodeServerProfile('console.log("hello");\n'), undefined);
	assert.deepEqual(evaluateExpression('"a" + unknownThing() + \'b\\n\''), [{text: 'a'}, {text: 'b\n'}]);
});
