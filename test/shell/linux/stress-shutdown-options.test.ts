// stress reads its spec as stress 1.0.7's own loop does (whole words, a value the next word) and
// words its errors with its pid and the line of stress.c; systemd's shutdown reads its getopt spec
// (a bad option is one line). Compared with stress 1.0.7 and systemd 252 on a real machine.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {stressHelp} from '../../../source/shell/commands/linux/option-specs-procs.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const answer = (line: string) => {
	const r = run(sandboxShell(), line);
	return [r.exitCode, r.stdout, r.stderr.replace(/^stress: FAIL: \[\d+\]/, 'stress: FAIL: [PID]')];
};

test('stress: its own words for a bad option, a missing value, a bad suffix and a count of 0', () => {
	assert.deepEqual(answer('stress --foo'), [1, '', 'stress: FAIL: [PID] (251) unrecognized option: --foo\n']);
	assert.deepEqual(answer('stress --cpu=2'), [1, '', 'stress: FAIL: [PID] (251) unrecognized option: --cpu=2\n'], 'no --long=VALUE');
	assert.deepEqual(answer('stress -c'), [1, '', "stress: FAIL: [PID] (167) missing argument to option '--cpu'\n"]);
	assert.deepEqual(answer('stress --vm 1 --vm-bytes'), [1, '', "stress: FAIL: [PID] (197) missing argument to option '--vm-bytes'\n"]);
	assert.deepEqual(answer('stress --cpu 2x'), [1, '', 'stress: FAIL: [PID] (665) unrecognized suffix: x\n']);
	assert.deepEqual(answer('stress --cpu 0'), [1, '', 'stress: FAIL: [PID] (171) invalid number of cpu hogs: 0\n']);
	assert.deepEqual(answer('stress --cpu 1 --timeout 0'), [1, '', 'stress: FAIL: [PID] (161) invalid timeout value: 0s\n']);
	assert.deepEqual(answer('stress --help'), [0, stressHelp, '']);
	assert.match(stressHelp, /--vm-stride B {2}touch a byte every B bytes/);
	assert.deepEqual(answer('stress --version'), [0, 'stress 1.0.7\n', '']);
});

test('stress: -c N, --vm-bytes 64M and -t 2s work; a real option not simulated says so', () => {
	const shell = sandboxShell();
	const r = run(shell, 'stress -c 1 --vm 1 --vm-bytes 64M -t 2s');
	assert.equal(r.exitCode, 0, r.text);
	assert.match(r.stdout, /dispatching hogs: 1 cpu, 0 io, 1 vm, 0 hdd\n.*successful run completed in 2s\n$/s);
	const hang = run(shell, 'stress --vm 1 --vm-hang 1 -t 1');
	assert.match(hang.stderr, /^\[simulator\] stress --vm-hang: accepted, not simulated here\n/);
});

test('shutdown (systemd): a bad option is one line, exit 1; --help prints its help; -k only warns; a bad TIME in its words', () => {
	assert.deepEqual(answer('shutdown --foo'), [1, '', "shutdown: unrecognized option '--foo'\n"]);
	assert.deepEqual(answer('shutdown -Z'), [1, '', "shutdown: invalid option -- 'Z'\n"]);
	assert.match(answer('shutdown --help')[1] as string, /^shutdown \[OPTIONS\.\.\.\] \[TIME\] \[WALL\.\.\.\]\n\nShut down the system\.\n/);
	assert.deepEqual(answer('shutdown -k now'), [0, '', '[simulator] shutdown -k: the wall message to logged-in users is not simulated; nothing shuts down\n']);
	assert.deepEqual(answer('shutdown soon'), [1, '', 'Failed to parse time specification: soon\n']);
	assert.equal(answer('shutdown +5')[2], '[simulator] only an immediate shutdown is simulated: shutdown -h now\n');
	assert.equal(answer('shutdown -c')[0], 0);
	// systemd's help lists them as "-r --reboot" (no comma): each is read from that line.
	assert.deepEqual(answer('shutdown -r now'), [1, '', '[simulator] reboot is not simulated; use poweroff here and `power on HOST` from another host\n']);
	assert.deepEqual(answer('shutdown --reboot now'), answer('shutdown -r now'));
	for (const form of ['-P now', '-H now', '--poweroff now', '-h now']) assert.match(answer(`shutdown ${form}`)[2] as string, /^\[simulator\] host-1 is the machine your session runs on/, form);
});

test('poweroff (systemd): --help prints its help instead of powering off; --reboot is not simulated; -w only writes wtmp', () => {
	const shell = sandboxShell();
	runAll(shell, ['multipass launch --name vm-a --memory 1G', 'multipass shell vm-a', 'sudo su']);
	const help = run(shell, 'poweroff --help');
	assert.match(help.stdout, /^poweroff \[OPTIONS\.\.\.\]\n\nPower off the system\.\n\nOptions:\n {5}--help {6}Show this help\n/);
	assert.equal(run(shell, 'poweroff --foo').stderr, "poweroff: unrecognized option '--foo'\n");
	assert.equal(run(shell, 'poweroff --reboot').exitCode, 1);
	assert.deepEqual([run(shell, 'poweroff -w').exitCode, run(shell, 'hostname').stdout], [0, 'vm-a\n'], 'still on the VM');
});

test('stress names its own pid in an error: the one its fork gets, after the shell\'s', () => {
	const shell = sandboxShell();
	const me = Number(run(shell, 'echo $$').stdout);
	const failed = run(shell, 'stress --foo');
	const pid = Number(/\[(\d+)\]/.exec(failed.stderr)?.[1]);
	assert.ok(pid > me, `${pid} > ${me}`);
	const started = run(shell, 'stress --cpu 1 &');
	assert.equal(Number(/\[(\d+)\] dispatching/.exec(started.stdout)?.[1]), pid, 'the next stress gets that pid');
});
