// Every Linux command with an option spec rejects an option the real tool rejects, in its words,
// and answers --help; multipass answers --help on every subcommand.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {linuxOptions} from '../../../source/shell/commands/linux/option-specs.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('free --bogus and systemctl --bogus fail as procps and systemd do', () => {
	const free = run(sandboxShell(), 'free --bogus');
	assert.equal(free.exitCode, 1);
	assert.match(free.stderr, /^free: unrecognized option '--bogus'\n\nUsage:\n free \[options\]\n\nOptions:\n -b, --bytes/);
	assert.equal(run(sandboxShell(), 'free -z').stderr.split('\n')[0], "free: invalid option -- 'z'");
	const systemctl = run(sandboxShell(), 'systemctl --bogus');
	assert.deepEqual([systemctl.exitCode, systemctl.stderr, systemctl.stdout], [1, "systemctl: unrecognized option '--bogus'\n", '']);
	assert.equal(run(sandboxShell(), 'free -h').exitCode, 0);
	assert.equal(run(sandboxShell(), 'free --hum').exitCode, 0, 'an unambiguous prefix of a long option, as getopt_long takes it');
});

test('every command with an option spec: an unknown option fails in GNU words, --help prints usage', () => {
	for (const [name, spec] of Object.entries(linuxOptions)) {
		// The tools with their own words and help (ip, ssh, hostname...) are in tool-options.test.ts.
		if (!['gnu', 'procps', 'systemd'].includes(spec.style) || spec.help) continue;
		const bogus = run(sandboxShell(), `${name} --bogus`);
		assert.equal(bogus.exitCode, spec.badOptionExit ?? 1, name);
		assert.match(bogus.stderr, new RegExp(`^${name}: unrecognized option '--bogus'\\n`), name);
		if (spec.style === 'gnu') assert.match(bogus.stderr, new RegExp(`Try '${name} --help' for more information\\.\\n$`), name);
		const help = run(sandboxShell(), `${name} --help`);
		assert.equal(help.exitCode, 0, name);
		assert.match(help.stdout, new RegExp(`Usage:\\n ${name} `), name);
	}
	assert.equal(run(sandboxShell(), 'mkdir -m').stderr, "mkdir: option requires an argument -- 'm'\nTry 'mkdir --help' for more information.\n");
	assert.equal(run(sandboxShell(), 'ls -la /').exitCode, 0);
});

test('multipass launch --help and multipass help launch print the subcommand help, not an error', () => {
	for (const line of ['multipass launch --help', 'multipass help launch', 'multipass launch -h']) {
		const result = run(sandboxShell(), line);
		assert.equal(result.exitCode, 0, line);
		assert.match(result.stdout, /^Usage: multipass launch \[options\] \[\[<remote:>\]<image> \| <url>\]\nCreate and start a new instance\.\n\nOptions:\n {2}-h, --help/, line);
		assert.match(result.stdout, /-m, --memory <memory>/);
	}
	for (const verb of ['list', 'info', 'exec', 'shell', 'start', 'stop', 'delete', 'purge', 'recover', 'find', 'version']) {
		assert.match(run(sandboxShell(), `multipass ${verb} --help`).stdout, new RegExp(`^Usage: multipass ${verb} `), verb);
	}
	assert.equal(run(sandboxShell(), 'multipass help nope').stderr, "Error: Unknown command: 'nope'\n");
});

test('kubectl VERB --help, kubectl help VERB and etcdctl --help print help, not an error', () => {
	for (const line of ['kubectl get --help', 'kubectl help get', 'kubectl get pods -h']) {
		const result = run(sandboxShell(), line);
		assert.equal(result.exitCode, 0, line);
		assert.match(result.stdout, /^Display one or many resources\.\n[\s\S]*\nUsage:\n {2}kubectl get \[\(-o\|--output=\)/, line);
	}
	assert.match(run(sandboxShell(), 'kubectl apply --help').stdout, /^Apply a configuration to a resource by file name or stdin/);
	assert.equal(run(sandboxShell(), 'kubectl exec web -- ls -h').stdout.includes('Execute a command in a container'), false, 'after -- the flags are the command\'s');
	const etcd = run(sandboxShell(), 'etcdctl --help');
	assert.equal(etcd.exitCode, 0);
	assert.match(etcd.stdout, /^NAME:\n\tetcdctl - A simple command line client for etcd3\./);
});
