// kill is bash's builtin, which reads its words in its own order (builtins/kill.def): --help first,
// -l/-L [SIGSPEC...], -s SIG or -sSIG, -n NUM or -nNUM, one -SIGSPEC, `--`. Wording from bash 5.2's
// `help kill` and kill.def (sh_needarg, sh_invalidsig).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {complete} from '../../../source/shell/completion.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const answer = (line: string) => {
	const r = run(sandboxShell(), line);
	return [r.exitCode, r.stdout, r.stderr];
};

test('kill -l with arguments names each signal number (an exit status above 128 too) and numbers each name', () => {
	assert.deepEqual(answer('kill -l 9'), [0, 'KILL\n', '']);
	assert.deepEqual(answer('kill -l 137 KILL SIGTERM'), [0, 'KILL\n9\n15\n', '']);
	assert.deepEqual(answer('kill -l 99'), [1, '', 'bash: kill: 99: invalid signal specification\n']);
	assert.match(answer('kill -L')[1] as string, /^ 1\) SIGHUP\t 2\) SIGINT/);
});

test('kill -s with no signal needs an argument; -sKILL and -n9 attach the signal; --help is bash\'s help, exit 2', () => {
	assert.deepEqual(answer('kill -s'), [1, '', 'bash: kill: -s: option requires an argument\n']);
	assert.deepEqual(answer('kill -Z 1'), [1, '', 'bash: kill: Z: invalid signal specification\n']);
	assert.deepEqual(answer('kill'), [2, '', 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n']);
	const help = answer('kill --help');
	assert.equal(help[0], 2);
	assert.match(help[1] as string, /^kill: kill \[-s sigspec \| -n signum \| -sigspec\] pid \| jobspec \.\.\. or kill -l \[sigspec\]\n {4}Send a signal to a job\./);
	for (const form of ['-sKILL', '-n9', '-s KILL', '-9']) {
		const shell = sandboxShell();
		const pid = runAll(shell, ['stress --cpu 1 &']).results[0]!.stdout.match(/\[(\d+)\] dispatching/)?.[1];
		assert.ok(pid);
		const killed = run(shell, `kill ${form} ${pid}`);
		assert.deepEqual([killed.exitCode, killed.stderr], [0, ''], form);
	}
});

test('Tab offers kill\'s options', () => {
	const shell = sandboxShell();
	assert.deepEqual(complete('kill -', 6, {commands: shell.runtime.commands, state: shell.state}).candidates, ['-L', '-l', '-n', '-s']);
});
