// `docker run` pulls before it starts the container, so the terminal shows "Unable to find image",
// the pull lines and "Status: Downloaded newer image" (docker's stderr) before the container's own
// output (stdout). The shell keeps the two streams apart (a redirect or a pipe takes only stdout)
// and the line result says which came first.
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('docker run prints the pull messages before the container output', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const first = run(shell, 'docker run busybox echo hi');
	assert.equal(first.stdout, 'hi\n');
	assert.equal(first.stderrFirst, true);
	assert.match(first.text, /^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for busybox:latest\nhi\n$/);
	// Pulled already: only the container's output.
	const again = run(shell, 'docker run busybox echo hi');
	assert.equal(again.text, 'hi\n');
	// Piped, stdout goes through the pipe; docker's stderr still reaches the terminal.
	run(shell, 'docker rmi -f busybox');
	const piped = run(shell, 'docker run busybox echo hi | grep -c hi');
	assert.equal(piped.stdout, '1\n');
	assert.match(piped.stderr, /Status: Downloaded newer image for busybox:latest\n$/);
});

test("the legacy builder's deprecation notice comes before the build's output", () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false}), files: {'b/Dockerfile': 'FROM alpine\n'}});
	const built = run(shell, 'docker build -t onlyfrom b');
	assert.equal(built.exitCode, 0, built.text);
	assert.match(built.text, /^DEPRECATED: The legacy builder is deprecated[^]*\nSending build context to Docker daemon {2}\S+\nStep 1\/1 : FROM alpine\n[^]*Successfully tagged onlyfrom:latest\n$/);
});
