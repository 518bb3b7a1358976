// A pull the offline copy of Docker Hub cannot answer keeps the daemon's real error (moby:
// "manifest for %s not found: manifest unknown: manifest unknown"; "pull access denied for %s,
// repository does not exist or may require 'docker login'") and adds a marked line: the real hub may
// have the image (nginx:1.14.2, the kubernetes.io example, and httpd do exist there).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {simulatorLineInChinese} from '../../../source/i18n/simulator-lines.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('docker pull and run of an image the offline hub lacks: the real error, then a [simulator] line', () => {
	const shell = sandboxShell();
	const tag = run(shell, 'docker pull nginx:1.14.2');
	assert.equal(tag.exitCode, 1);
	assert.match(tag.stderr, /^Error response from daemon: manifest for nginx:1\.14\.2 not found: manifest unknown: manifest unknown\n\[simulator\] k8s-tutor's offline copy of Docker Hub holds nginx only as [^;]*\blatest\b[^;]*; the real Docker Hub may have nginx:1\.14\.2\n$/);
	const repo = run(shell, 'docker run --rm httpd');
	assert.equal(repo.exitCode, 125);
	assert.match(repo.stderr, /pull access denied for httpd, repository does not exist.*\n\nRun 'docker run --help' for more information\n\[simulator\] httpd is not in k8s-tutor's offline copy of Docker Hub; the real Docker Hub may have it\n$/s);
	for (const line of [tag.stderr, repo.stderr].flatMap(t => t.split('\n')).filter(l => l.startsWith('[simulator]'))) assert.ok(simulatorLineInChinese(line), line);
	assert.doesNotMatch(run(shell, 'docker pull localhost:5000/nope').stderr, /\[simulator\]/, 'a local registry is the learner\'s own: its answer is the whole truth');
});

test('kubectl describe of a pod whose image the offline hub lacks says so after the real events', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run old --image=nginx:1.14.2');
	run(shell, 'sleep 30');
	const described = run(shell, 'kubectl describe pod old');
	assert.match(described.stdout, /Failed to pull image "nginx:1\.14\.2"/);
	assert.match(described.stderr, /^\[simulator\] k8s-tutor's offline copy of Docker Hub holds nginx only as .*; the real Docker Hub may have nginx:1\.14\.2\n$/);
	run(shell, 'kubectl run fine --image=nginx');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl describe pod fine').stderr, '');
});
