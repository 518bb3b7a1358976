// multipass reads each verb's options from the list its help prints (multipass-help.ts), as Qt's
// QCommandLineParser does: an unknown option or a missing value is Qt's errorText(), exit 1
// (multipass ReturnCode::CommandLineError); exec adds its hint about `--`.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {complete} from '../../../source/shell/completion.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

test('multipass: Qt\'s words for an unknown option or a missing value, exit 1; exec\'s hint about --', () => {
	const shell = sandboxShell();
	const answer = (line: string) => {
		const r = run(shell, line);
		return [r.exitCode, r.stdout, r.stderr];
	};
	assert.deepEqual(answer('multipass launch --foo'), [1, '', "Unknown option 'foo'.\n"]);
	assert.deepEqual(answer('multipass list -z'), [1, '', "Unknown option 'z'.\n"]);
	assert.deepEqual(answer('multipass launch --name'), [1, '', "Missing value after '--name'.\n"]);
	assert.deepEqual(answer('multipass delete --all=yes'), [1, '', "Unexpected value after '--all'.\n"]);
	assert.deepEqual(answer('multipass exec vm-a uname -r'), [1, '', 'Unknown option \'r\'.\n\nOptions to the inner command should come after "--", like this:\nmultipass exec <instance> -- <command> <arguments>\n']);
});

test('multipass: -t takes its value (stop -t 5 NAME is not two names); a real option not simulated says so', () => {
	const shell = sandboxShell();
	runAll(shell, ['multipass launch --name vm-a --memory 1G']);
	const stop = run(shell, 'multipass stop -t 5 vm-a');
	assert.deepEqual([stop.exitCode, stop.stderr], [0, '[simulator] multipass -t: accepted, not simulated here\n']);
	assert.match(run(shell, 'multipass list').stdout, /vm-a +Stopped/);
	const launched = run(shell, 'multipass launch -n vm-b -m 1G --cloud-init cloud.yaml');
	assert.equal(launched.exitCode, 0, launched.text);
	assert.equal(launched.stderr, '[simulator] multipass --cloud-init: accepted, not simulated here\n');
	assert.match(run(shell, 'multipass exec vm-b -- uname -r').stdout, /^\d/);
	assert.equal(run(shell, 'multipass exec -d /tmp vm-b -- pwd').stdout, '/tmp\n', 'the instance is the first operand, after the options; -d is the working directory');
});

test('Tab offers the options of the verb typed', () => {
	const shell = sandboxShell();
	assert.ok(complete('multipass launch --me', 21, {commands: shell.runtime.commands, state: shell.state}).candidates.includes('--memory'));
});
