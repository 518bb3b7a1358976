// A real flag that the simulator accepts but does not act on is said on a marked [simulator] line,
// in docker, kubectl and the Linux commands alike (docker and kubectl said it in unmarked parentheses),
// and a learner reading in Chinese gets it in Chinese too.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {simulatorLineInChinese} from '../../source/i18n/simulator-lines.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('accepted-but-not-simulated notes are marked [simulator] and have their Chinese', () => {
	const shell = sandboxShell();
	run(shell, 'docker pull busybox');
	const lines = ['docker run --rm --init busybox true', 'kubectl get pods --chunk-size 10', 'docker volume ls --cluster', 'ps -l'].map(line => run(shell, line).stderr);
	for (const stderr of lines) {
		assert.match(stderr, /^\[simulator\] .*accepted, not simulated here\n/);
		assert.ok(simulatorLineInChinese(stderr.split('\n')[0]!), stderr);
	}
});
