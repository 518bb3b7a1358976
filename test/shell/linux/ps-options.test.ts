// ps reads one option spec per program: procps-ng ps on an Ubuntu host (UNIX, BSD and GNU
// syntaxes, its own words for what must follow an option), busybox's ps in a busybox or alpine
// container (-o, -T and the ignored -aAdefl; glibc or musl getopt words, then its usage block).
// Compared with procps-ng 4.0.2 and busybox 1.35 on a real machine.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {procpsPsUsage} from '../../../source/shell/commands/linux/help-texts-net.ts';
import {procpsPsHelpAll} from '../../../source/shell/commands/linux/ps-help-texts.ts';
import {busyboxPsUsage} from '../../../source/shell/commands/linux/option-specs-busybox.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

test('procps ps: real options the hand-read loop refused (-a, -Z, -V, ps PID) and what must follow a list option', () => {
	const shell = sandboxShell();
	const one = run(shell, 'ps 1');
	assert.equal(one.exitCode, 0, one.text);
	assert.match(one.stdout, /^ {4}PID TTY {6}STAT {3}TIME COMMAND\n {6}1 \? +\S+ +\d+:\d\d \S/, 'a bare number is a pid list, shown in BSD columns');
	assert.equal(run(shell, 'ps -a').exitCode, 0);
	assert.deepEqual([run(shell, 'ps -V').stdout, run(shell, 'ps --version').stdout], ['ps from procps-ng 4.0.4\n', 'ps from procps-ng 4.0.4\n']);
	const label = run(shell, 'ps -Z');
	assert.deepEqual([label.exitCode, label.stderr], [0, '[simulator] ps -Z: accepted, not simulated here\n']);
	assert.equal(run(shell, 'ps -l').stderr, '[simulator] ps -l: accepted, not simulated here\n');
	assert.deepEqual([run(shell, 'ps -o').stderr], [`error: format specification must follow -o\n${procpsPsUsage}`]);
	assert.deepEqual([run(shell, 'ps o').stderr], [`error: format specification must follow o\n${procpsPsUsage}`]);
	assert.deepEqual([run(shell, 'ps --user').stderr], [`error: list of effective users must follow --user\n${procpsPsUsage}`]);
	assert.deepEqual([run(shell, 'ps k').stderr], [`error: long sort specification must follow 'k'\n${procpsPsUsage}`]);
	assert.deepEqual([run(shell, 'ps -p x').stderr], [`error: process ID list syntax error\n${procpsPsUsage}`]);
	assert.deepEqual([run(shell, 'ps --help').stdout], [procpsPsUsage]);
});

test('procps ps: -C and --ppid select, a list that matches nothing exits 1 in every format, -aux is aux', () => {
	const shell = sandboxShell();
	const me = run(shell, 'echo $$').stdout.trim();
	assert.equal(run(shell, 'ps -C bash -o pid=').stdout.split('\n').map(l => l.trim()).includes(me), true);
	assert.match(run(shell, `ps --ppid ${me} -o comm=`).stdout, /^ps\n$/);
	assert.equal(run(shell, 'ps -p 99999').exitCode, 1);
	assert.equal(run(shell, 'ps u -p 99999').exitCode, 1);
	assert.match(run(shell, 'ps -aux').stdout, /^USER +PID %CPU %MEM/);
	assert.match(run(shell, 'ps axo pid,comm').stdout, /^ {4}PID COMMAND\n/);
});

test('busybox ps: each -o adds columns, BSD words and -ef are ignored, a bad option in glibc (busybox) or musl (alpine) words', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	runAll(shell, ['docker run -d --name bb busybox sleep 999', 'docker run -d --name al alpine sleep 999']);
	assert.match(run(shell, 'docker exec bb ps -o pid -o comm').stdout, /^PID {3}COMMAND\n {4}1 sleep/);
	assert.match(run(shell, 'docker exec bb ps aux').stdout, /^PID {3}USER {5}TIME {2}COMMAND\n/);
	assert.match(run(shell, 'docker exec bb ps -ef').stdout, /^PID {3}USER {5}TIME {2}COMMAND\n/);
	assert.deepEqual([run(shell, 'docker exec bb ps -z').stderr], [`ps: invalid option -- 'z'\n${busyboxPsUsage}`]);
	assert.deepEqual([run(shell, 'docker exec bb ps -o').stderr], [`ps: option requires an argument -- 'o'\n${busyboxPsUsage}`]);
	assert.deepEqual([run(shell, 'docker exec al ps -z').stderr], [`ps: unrecognized option: z\n${busyboxPsUsage}`]);
	assert.deepEqual([run(shell, 'docker exec bb ps --help').stderr, run(shell, 'docker exec bb ps --help').exitCode], [busyboxPsUsage, 0]);
});

test('ps --help SECTION prints that section of procps\'s help (by word or letter), anything else the short usage', () => {
	const shell = sandboxShell();
	const simple = '\nUsage:\n ps [options]\n\nBasic options:\n -A, -e               all processes\n -a                   all with tty, except session leaders\n  a                   all with tty, including other users\n -d                   all except session leaders\n -N, --deselect       negate selection\n  r                   only running processes\n  T                   all processes on this terminal\n  x                   processes without controlling ttys\n\nFor more details see ps(1).\n';
	assert.equal(run(shell, 'ps --help s').stdout, simple);
	assert.equal(run(shell, 'ps --help simple').stdout, simple);
	assert.equal(run(shell, 'ps --help all').stdout, procpsPsHelpAll);
	assert.match(run(shell, 'ps --help=o').stdout, /^\nUsage:\n ps \[options\]\n\nOutput formats:\n -F {19}extra full\n/);
	assert.equal(run(shell, 'ps --help bogus').stdout, procpsPsUsage);
});
