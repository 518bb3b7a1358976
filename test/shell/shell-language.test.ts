// The shell language of issue 13 §4 and issue 12 §3: words expanded when their command runs,
// word splitting, globs, printf, functions, loops, redirection order, here-documents.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {needsMoreInput} from '../../source/shell/syntax/parse.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('unquoted variables are split into words; quoted ones are not', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'X="a  b"; echo $X').stdout, 'a b\n');
	assert.equal(run(shell, 'echo "$X"').stdout, 'a  b\n');
	assert.equal(run(shell, 'E=; printf "[%s]" $E x "$E"; echo').stdout, '[x][]\n', 'an empty unquoted variable is no word at all');
	assert.equal(run(shell, 'echo $(echo "a   b")').stdout, 'a b\n');
});

test('wildcards match files in the simulated filesystem; no match keeps the word, as bash does', () => {
	const shell = sandboxShell();
	run(shell, 'echo one > a.txt; echo two > b.txt; echo x > c.log');
	assert.equal(run(shell, 'cat *.txt').stdout, 'one\ntwo\n');
	assert.equal(run(shell, 'echo ?.txt [bc].*').stdout, 'a.txt b.txt b.txt c.log\n');
	assert.equal(run(shell, 'echo *.nope').stdout, '*.nope\n');
	assert.equal(run(shell, "echo '*.txt' \\*.txt \"*\".txt").stdout, '*.txt *.txt *.txt\n', 'quoted stars are text');
	assert.match(run(shell, 'echo /etc/host*').stdout, /\/etc\/hostname/);
	assert.doesNotMatch(run(shell, 'echo *').stdout, /\.bashrc/, 'a star skips dotfiles');
});

test('printf: formats, widths, %q and escapes, the format reused for extra arguments', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'printf "%s is %d\\n" age 42').stdout, 'age is 42\n');
	assert.equal(run(shell, 'printf "%-5s|%5s|%03d\\n" ab cd 7').stdout, 'ab   |   cd|007\n');
	assert.equal(run(shell, 'printf "%s\\n" a b c').stdout, 'a\nb\nc\n');
	assert.equal(run(shell, "printf '%q\\n' 'a b'").stdout, 'a\\ b\n');
	assert.equal(run(shell, "printf '%s\\n' 'a\\nb'").stdout, 'a\\nb\n', 'arguments of %s keep their backslashes');
	assert.equal(run(shell, 'printf "%x %o %%\\n" 255 8').stdout, 'ff 10 %\n');
	const bad = run(shell, 'printf "%d\\n" abc');
	assert.equal(bad.stdout, '0\n');
	assert.equal(bad.stderr, 'bash: printf: abc: invalid number\n');
	assert.equal(bad.exitCode, 1);
});

test('functions of any name, with arguments, return and local', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'greet() { echo "hello $1 ($# args)"; }; greet world x').stdout, 'hello world (2 args)\n');
	assert.equal(run(shell, 'function k { kubectl "$@"; }; k version --client | head -n 1').stdout.startsWith('Client Version'), true);
	assert.equal(run(shell, 'f() { return 3; }; f; echo $?').stdout, '3\n');
	assert.equal(run(shell, 'greet again').stdout, 'hello again (1 args)\n', 'a function lasts for the session');
	const deep = run(shell, 'r() { r; }; r');
	assert.match(deep.stderr, /r: maximum function nesting level exceeded \(100\)/);
});

test('the classic fork bomb is a function that forks itself, and still starts the bomb', () => {
	const shell = sandboxShell();
	const bomb = run(shell, ':(){ :|:& };:');
	assert.match(bomb.stderr, /\[simulator\] the fork bomb started as pid \d+/);
});

test('a contained fork bomb is ended by its cgroup, never by killing one pid (a wrong fact the playtest found)', () => {
	const shell = sandboxShell();
	run(shell, 'mkdir /sys/fs/cgroup/jail; echo 20 > /sys/fs/cgroup/jail/pids.max; echo $$ > /sys/fs/cgroup/jail/cgroup.procs');
	const bomb = run(shell, ':(){ :|:& };:');
	assert.match(bomb.stderr, /killing one pid does not stop it/);
	assert.match(bomb.stderr, /echo 1 > \/sys\/fs\/cgroup\/jail\/cgroup\.kill/);
	assert.doesNotMatch(bomb.stderr, /kill -9/);
	// As the note says: kill -9 on the first pid leaves the copies forking; cgroup.kill ends them.
	const pid = bomb.stderr.match(/started as pid (\d+)/)![1];
	run(shell, `echo $$ > /sys/fs/cgroup/cgroup.procs; kill -9 ${pid}`);
	run(shell, 'sleep 2');
	assert.equal(run(shell, 'cat /sys/fs/cgroup/jail/pids.current').stdout, '20\n', 'the copies refill jail');
	run(shell, 'echo 1 > /sys/fs/cgroup/jail/cgroup.kill');
	run(shell, 'sleep 2');
	assert.equal(run(shell, 'cat /sys/fs/cgroup/jail/pids.current').stdout, '0\n');
});

test('$(...) runs when its command runs: a container started earlier on the line is there', () => {
	const shell = sandboxShell();
	run(shell, 'docker pull nginx');
	const line = run(shell, "docker run -d --name web nginx > /dev/null; echo pid=$(docker inspect -f '{{.State.Pid}}' web)");
	assert.match(line.stdout, /^pid=\d+\n$/);
	assert.equal(line.stderr, '');
});

test('for and while loops, bounded so a loop that never ends cannot freeze the tutor', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'for i in 1 2 3; do echo -n $i; done; echo').stdout, '123\n');
	assert.equal(run(shell, 'for f in $(seq 2 3); do echo n$f; done').stdout, 'n2\nn3\n');
	assert.equal(run(shell, 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done').stdout, '0\n1\n2\n');
	assert.equal(run(shell, 'for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done').stdout, '1\n2\n');
	const endless = run(shell, 'while true; do :; done; echo after');
	assert.match(endless.stderr, /\[simulator\] the loop stopped after 1000 rounds/);
	assert.equal(endless.stdout, '', 'the rest of the line does not run once the bound is hit');
});

test('redirections are read left to right, as bash reads them', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'ls /nope > /tmp/both 2>&1').stderr, '');
	assert.match(run(shell, 'cat /tmp/both').stdout, /No such file or directory/);
	assert.match(run(shell, 'ls /nope 2>&1 > /tmp/out').stdout, /No such file or directory/);
	assert.equal(run(shell, 'echo oops >&2').stderr, 'oops\n');
	assert.equal(run(shell, '{ echo a; echo b; } > /tmp/ab; cat /tmp/ab').stdout, 'a\nb\n');
});

test('here-documents expand variables unless the delimiter is quoted; <<- strips tabs', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'N=web\ncat <<EOF\nname: $N\nEOF').stdout, 'name: web\n');
	assert.equal(run(shell, "cat <<'EOF'\nname: $N\nEOF").stdout, 'name: $N\n');
	assert.equal(run(shell, 'cat <<-EOF\n\tindented\n\tEOF').stdout, 'indented\n');
	const unfinished = run(shell, 'cat <<EOF\nno end');
	assert.equal(unfinished.stdout, 'no end\n');
	assert.match(unfinished.stderr, /here-document delimited by end-of-file \(wanted `EOF'\)/);
});

test('a line that needs more input says why (the prompt keeps reading)', () => {
	assert.deepEqual(needsMoreInput('kubectl apply -f - <<EOF\napiVersion: v1'), {kind: 'heredoc', delimiter: 'EOF'});
	assert.equal(needsMoreInput('kubectl apply -f - <<EOF\napiVersion: v1\nEOF'), undefined);
	assert.deepEqual(needsMoreInput('echo "open'), {kind: 'quote', quote: '"'});
	assert.equal(needsMoreInput('echo a |')?.kind, 'more');
	assert.equal(needsMoreInput('for i in 1 2; do')?.kind, 'more');
	assert.equal(needsMoreInput('echo done'), undefined);
	assert.equal(needsMoreInput('echo a ;; b'), undefined, 'a syntax error is an error, not a wait for more');
});
