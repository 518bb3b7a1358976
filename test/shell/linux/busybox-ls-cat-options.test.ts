// ls and cat in a busybox (or alpine) container are busybox's applets: their options, their usage
// block for --help (stderr, exit 0) and after a bad option (exit 1), GNU's long names refused.
// It printed GNU coreutils' --help there, and took --almost-all. Compared with busybox 1.35.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {busyboxCatUsage, busyboxLsUsage} from '../../../source/shell/commands/linux/option-specs-busybox.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

test('busybox ls and cat: their usage for --help and a bad option; the letters they share with GNU still work', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	runAll(shell, ['docker run -d --name bb busybox sleep 999', 'docker run -d --name al alpine sleep 999']);
	const answer = (line: string) => {
		const r = run(shell, line);
		return [r.exitCode, r.stdout, r.stderr];
	};
	assert.deepEqual(answer('docker exec bb ls --help'), [0, '', busyboxLsUsage]);
	assert.deepEqual(answer('docker exec bb ls --almost-all /'), [1, '', `ls: unrecognized option '--almost-all'\n${busyboxLsUsage}`]);
	assert.deepEqual(answer('docker exec bb ls -Z /'), [1, '', `ls: invalid option -- 'Z'\n${busyboxLsUsage}`]);
	assert.deepEqual(answer('docker exec al ls -Z /'), [1, '', `ls: unrecognized option: Z\n${busyboxLsUsage}`]);
	assert.deepEqual(answer('docker exec bb cat --help'), [0, '', busyboxCatUsage]);
	assert.match(run(shell, 'docker exec bb ls -A /etc').stdout, /passwd/);
	assert.match(run(shell, 'docker exec bb ls -la /etc').stdout, /^total \d+\n/);
	assert.match(run(shell, 'docker exec bb cat -n /etc/hostname').stdout, /^ {5}1\t/);
	assert.match(run(shell, 'ls --help').stdout, /^\nUsage:\n ls \[OPTION\]\.\.\. \[FILE\]\.\.\./, 'GNU ls on the host');
});
