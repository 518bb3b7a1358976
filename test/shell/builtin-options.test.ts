// The shell's builtins reject options as bash 5.2 does (no long options: `cd --bogus` is `--`),
// sleep and seq as coreutils does; cd - and export -p work as in bash; seq -s/-w/-f.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, runAll, sandboxShell} from '../helpers/shell.ts';

const answer = (line: string) => {
	const r = run(sandboxShell(), line);
	return [r.exitCode, r.stdout, r.stderr];
};

test('bash builtins: an unknown option in bash words and the usage line, exit 2', () => {
	assert.deepEqual(answer('cd --bogus'), [2, '', 'bash: cd: --: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n']);
	assert.deepEqual(answer('cd -Q'), [2, '', 'bash: cd: -Q: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n']);
	assert.deepEqual(answer('pwd --bogus'), [2, '', 'bash: pwd: --: invalid option\npwd: usage: pwd [-LP]\n']);
	assert.deepEqual(answer('history --bogus'), [2, '', 'bash: history: --: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n']);
	assert.deepEqual(answer('export --bogus'), [2, '', 'bash: export: --: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n']);
	assert.deepEqual(answer('printf --bogus'), [2, '', 'bash: printf: --: invalid option\nprintf: usage: printf [-v var] format [arguments]\n']);
	assert.deepEqual(answer('printf -v'), [2, '', 'bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n']);
	assert.deepEqual(answer('cd -P /tmp && pwd'), [0, '/tmp\n', '']);
});

test('sleep and seq: coreutils words; seq reads negative numbers as numbers, and -s, -w, -f', () => {
	assert.deepEqual(answer('sleep --bogus'), [1, '', "sleep: unrecognized option '--bogus'\nTry 'sleep --help' for more information.\n"]);
	assert.deepEqual(answer('seq --bogus'), [1, '', "seq: unrecognized option '--bogus'\nTry 'seq --help' for more information.\n"]);
	assert.deepEqual(answer('seq -1 1'), [0, '-1\n0\n1\n', '']);
	assert.deepEqual(answer('seq -w 8 10'), [0, '08\n09\n10\n', '']);
	assert.deepEqual(answer('seq -s, 3'), [0, '1,2,3\n', '']);
	assert.deepEqual(answer('seq -f %03g 2'), [0, '001\n002\n', '']);
});

test('cd - goes back to $OLDPWD and prints it; export -p lists the exported variables', () => {
	assert.deepEqual(answer('cd -'), [1, '', 'bash: cd: OLDPWD not set\n']);
	const shell = sandboxShell();
	runAll(shell, ['cd /tmp', 'cd /etc']);
	assert.deepEqual([run(shell, 'cd -').stdout, run(shell, 'pwd').stdout], ['/tmp\n', '/tmp\n']);
	assert.match(run(shell, 'export -p').stdout, /^declare -x OLDPWD="\/etc"$/m);
	runAll(shell, ['history -c']);
	assert.equal(run(shell, 'history').stdout, '    1  history\n');
});

test('exit as bash has it: a word is an error and status 2, two numbers do not exit, -1 is 255', () => {
	const shell = sandboxShell();
	runAll(shell, ['unshare --uts bash']);
	const two = run(shell, 'exit 1 2');
	assert.deepEqual([two.exitCode, two.stderr, shell.state.session.frames.length], [1, 'bash: exit: too many arguments\n', 2]);
	const word = run(shell, 'exit abc');
	assert.deepEqual([word.exitCode, word.stderr, shell.state.session.frames.length], [2, 'bash: exit: abc: numeric argument required\n', 1]);
	runAll(shell, ['unshare --uts bash', 'exit -1']);
	assert.equal(run(shell, 'echo $?').stdout, '255\n');
	// A bare exit keeps the last command's status.
	runAll(shell, ['unshare --uts bash', 'ls /nope', 'exit']);
	assert.equal(run(shell, 'echo $?').stdout, '2\n');
});
