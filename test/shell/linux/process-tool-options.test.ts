// ps and pkill answer a bad option as procps does: ps names the syntax it was reading (SysV for a
// dashed word, BSD for a bare one); pkill takes -SIGNAL out first, then reads its options.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

test('ps -Q is an unsupported SysV option, ps Q an unsupported BSD one, ps --bogus an unknown gnu long option', () => {
	assert.match(run(sandboxShell(), 'ps -Q').stderr, /^error: unsupported SysV option\n\nUsage:\n ps \[options\]/);
	assert.match(run(sandboxShell(), 'ps -ez').stderr, /^error: unsupported SysV option\n/);
	assert.match(run(sandboxShell(), 'ps Q').stderr, /^error: unsupported option \(BSD syntax\)\n/);
	assert.match(run(sandboxShell(), 'ps --bogus').stderr, /^error: unknown gnu long option\n/);
});

test('pkill: -9 before the pattern, a bad option in procps words (exit 2), a killed group is no error', () => {
	const shell = sandboxShell();
	runAll(shell, ['stress --cpu 1 &']);
	const killed = run(shell, 'pkill -9 stress');
	assert.deepEqual([killed.exitCode, killed.stderr], [0, '']);
	assert.doesNotMatch(run(shell, 'ps').stdout, /stress/);
	const bogus = run(sandboxShell(), 'pkill --bogus');
	assert.equal(bogus.exitCode, 2);
	assert.match(bogus.stderr, /^pkill: unrecognized option '--bogus'\n\nUsage:\n pkill \[options\] <pattern>\n\nOptions:\n/);
	assert.match(run(sandboxShell(), 'pkill -Q x').stderr, /^pkill: invalid option -- 'Q'\n/);
	assert.deepEqual([run(sandboxShell(), 'pkill -f nothing-matches').exitCode], [1]);
});

test('ps --sort orders by a field, descending with -, in procps words when the key is wrong', () => {
	const shell = sandboxShell();
	const pids = run(shell, 'ps -eo pid --no-headers --sort=-pid').stdout.trim().split('\n').map(Number);
	assert.ok(pids.length > 2);
	assert.deepEqual(pids, [...pids].sort((a, b) => b - a));
	assert.match(run(shell, 'ps aux --sort=-%mem').stdout, /^USER +PID %CPU %MEM/);
	assert.match(run(shell, 'ps --sort=bogus').stderr, /^error: unknown sort specifier\n/);
	assert.match(run(shell, 'ps -e --sort').stderr, /^error: long sort specification must follow --sort\n/);
});

test('killall (psmisc): a bad option prints its usage alone, exit 1; -l lists the signals; -9 NAME kills', () => {
	const bogus = run(sandboxShell(), 'killall --bogus');
	assert.equal(bogus.exitCode, 1);
	assert.match(bogus.stderr, /^Usage: killall \[OPTION\]\.\.\. \[--\] NAME\.\.\.\n {7}killall -l, --list\n/);
	assert.equal(run(sandboxShell(), 'killall -l').stdout, 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n');
	const shell = sandboxShell();
	runAll(shell, ['stress --cpu 1 &']);
	assert.equal(run(shell, 'killall -9 stress').exitCode, 0);
	assert.doesNotMatch(run(shell, 'ps').stdout, /stress/);
});

test('clear (ncurses) reads short options only: clear --bogus is the option "-"', () => {
	const r = run(sandboxShell(), 'clear --bogus');
	assert.deepEqual([r.exitCode, r.stderr.split('\n')[0]], [1, "clear: invalid option -- '-'"]);
	assert.equal(run(sandboxShell(), 'clear -x').exitCode, 0);
});

test('ps -o: "=" names a column (empty: no header line), each -o adds columns, a numeric last column is right-aligned', () => {
	const shell = sandboxShell();
	const me = run(shell, 'echo $$').stdout.trim();
	const parent = run(shell, 'ps -o ppid= -p $$').stdout;
	assert.match(parent, /^ +\d+\n$/, 'no PPID header');
	assert.equal(run(shell, 'ps -o pid,ppid -p $$').stdout, `    PID    PPID\n${me.padStart(7)} ${parent.trim().padStart(7)}\n`);
	assert.equal(run(shell, 'ps -o pid= -o comm= -p $$').stdout, `${me.padStart(7)} bash\n`);
	assert.match(run(shell, 'ps -o pid,ppid=PARENT -p $$').stdout, /^ {4}PID {2}PARENT\n/);
});
