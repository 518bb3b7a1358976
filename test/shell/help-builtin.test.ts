// `help jobs` is bash's help for jobs (it listed every simulated command instead). Real bash 5.2:
//   builtins/help.def: help_builtin matches each pattern against the start of the builtin names
//   (strncmp), -d "%s - %s" (name, short doc), -s the synopsis; no match:
//   "no help topics match `%s'.  Try `help help' or `man -k %s' or `info %s'."
import assert from 'node:assert/strict';
import test from 'node:test';
import {run, sandboxShell} from '../helpers/shell.ts';

test('help jobs prints bash\'s own help for jobs', () => {
	const shell = sandboxShell();
	const jobs = run(shell, 'help jobs');
	assert.equal(jobs.exitCode, 0);
	assert.match(jobs.stdout, /^jobs: jobs \[-lnprs\] \[jobspec \.\.\.\] or jobs -x command \[args\]\n {4}Display status of jobs\.\n/);
	assert.match(jobs.stdout, /\n {4}Exit Status:\n {4}Returns success unless an invalid option is given or an error occurs\.\n {4}If -x is used, returns the exit status of COMMAND\.\n$/);
	assert.doesNotMatch(jobs.stdout, /kubectl/);
	assert.equal(run(shell, 'help -d jobs').stdout, 'jobs - Display status of jobs.\n');
	assert.equal(run(shell, 'help -s fg bg').stdout, 'fg: fg [job_spec]\nbg: bg [job_spec ...]\n');
});

test('help matches the start of builtin names, in bash\'s table order; no match is bash\'s error', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'help -s ex').stdout, 'exit: exit [n]\nexport: export [-fn] [name[=value] ...] or export -p\n');
	assert.match(run(shell, 'help -s ex').stderr, /^\[simulator\] bash's help text for 'exec' is not included here/);
	const none = run(shell, 'help kubectl');
	assert.equal(none.exitCode, 1);
	assert.equal(none.stderr, "bash: help: no help topics match `kubectl'.  Try `help help' or `man -k kubectl' or `info kubectl'.\n");
	assert.equal(run(shell, 'help -x').stderr, 'bash: help: -x: invalid option\nhelp: usage: help [-dms] [pattern ...]\n');
	assert.match(run(shell, 'help').stdout, /^Commands in this simulated shell:\n/, 'help alone is still the tutor\'s list');
});

test("help reads -d, -s and -m as bash's internal_getopt does: the last of -d and -s decides, a bad letter anywhere is the usage error", () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'help -sd cd').stdout, 'cd - Change the shell working directory.\n');
	assert.equal(run(shell, 'help -ds cd').stdout, 'cd: cd [-L|[-P [-e]] [-@]] [dir]\n');
	assert.deepEqual([run(shell, 'help -mx cd').stderr, run(shell, 'help -mx cd').exitCode], ['bash: help: -x: invalid option\nhelp: usage: help [-dms] [pattern ...]\n', 2]);
	assert.equal(run(shell, 'help -m cd').stderr, '[simulator] help -m (the pseudo-manpage format) is not simulated here\n');
	assert.match(run(shell, 'help -- cd').stdout, /^cd: cd \[-L/);
});
