// The namespace, identity and network tools read their options from one spec each (options.ts):
// an unknown option answers in the real tool's words (compared with util-linux 2.38, coreutils,
// net-tools hostname, iproute2 6.1 and OpenSSH on a real machine), and what the spec accepts works.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ipUsage, sshUsage} from '../../../source/shell/commands/linux/option-specs-tools.ts';
import {linuxOptions} from '../../../source/shell/commands/linux/option-specs.ts';
import {optionNames} from '../../../source/shell/options.ts';
import {complete} from '../../../source/shell/completion.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const answer = (line: string) => {
	const r = run(sandboxShell(), line);
	return [r.exitCode, r.stdout, r.stderr];
};

test('GNU and util-linux tools: unrecognized and invalid options in getopt_long words', () => {
	for (const tool of ['uname', 'unshare', 'nsenter', 'su']) {
		assert.deepEqual(answer(`${tool} --bogus`), [1, '', `${tool}: unrecognized option '--bogus'\nTry '${tool} --help' for more information.\n`], tool);
		assert.deepEqual(answer(`${tool} -Q`), [1, '', `${tool}: invalid option -- 'Q'\nTry '${tool} --help' for more information.\n`], tool);
	}
	assert.deepEqual(answer('uname --all=3'), [1, '', "uname: option '--all' doesn't allow an argument\nTry 'uname --help' for more information.\n"]);
	assert.deepEqual(answer('uname x'), [1, '', "uname: extra operand 'x'\nTry 'uname --help' for more information.\n"]);
	assert.match(answer('uname --help')[1] as string, /^Usage: uname \[OPTION\]\.\.\.\nPrint certain system information\./);
	assert.match(answer('unshare --help')[1] as string, /^\nUsage:\n unshare \[options\] \[<program> \[<argument>\.\.\.\]\]\n\nRun a program with some namespaces unshared from the parent\.\n\nOptions:\n -m, --mount\[=<file>\]/);
});

test('hostname (net-tools): the message on stderr, its usage on stdout, exit 255', () => {
	const [code, stdout, stderr] = answer('hostname --bogus');
	assert.equal(code, 255);
	assert.equal(stderr, "hostname: unrecognized option '--bogus'\n");
	assert.match(stdout as string, /^Usage: hostname \[-b\] \{hostname\|-F file\} {9}set host name \(from file\)\n/);
	assert.equal(answer('hostname -x')[2], "hostname: invalid option -- 'x'\n");
	assert.deepEqual(answer('hostname --fqd'), [0, 'host-1\n', ''], 'an unambiguous prefix of --fqdn');
	assert.equal(answer('hostname -I')[0], 0);
});

test('ip (iproute2): single-dash options by prefix in ip\'s order, unknown ones in its words', () => {
	assert.deepEqual(answer('ip --bogus'), [255, '', 'Option "-bogus" is unknown, try "ip -help".\n']);
	assert.deepEqual(answer('ip -x link'), [255, '', 'Option "-x" is unknown, try "ip -help".\n']);
	assert.deepEqual(answer('ip -help'), [255, '', ipUsage]);
	assert.deepEqual(answer('ip help'), [255, '', ipUsage]);
	assert.equal(answer('ip -h link')[0], 0, '-h is -human, not help');
	assert.match(answer('ip --br link')[1] as string, /^lo {15}UNKNOWN/);
	assert.deepEqual(answer('ip -n'), [255, '', 'Cannot open network namespace "(null)": No such file or directory\n']);
});

test('ip -n NAME and -netns NAME run the object in a named network namespace (root only, as setns wants)', () => {
	const shell = sandboxShell();
	runAll(shell, ['ip netns add blue', 'ip link add veth-host type veth peer name veth-blue', 'ip link set veth-blue netns blue']);
	for (const line of ['ip -n blue link', 'ip -netns blue link', 'ip -n blue -br link', 'ip -br -n blue link', 'ip --netns blue link', 'ip -n blue a']) {
		const r = run(shell, line);
		assert.equal(r.exitCode, 0, `${line}\n${r.text}`);
		assert.match(r.stdout, /veth-blue/, line);
	}
	assert.equal(run(shell, 'ip -n nope link').stderr, 'Cannot open network namespace "nope": No such file or directory\n');
	runAll(shell, ['su - learner']);
	assert.deepEqual([run(shell, 'ip -n blue link').stderr], ['setting the network namespace "blue" failed: Operation not permitted\n']);
});

test('ssh (OpenSSH getopt): unknown option and missing argument, then its usage, exit 255', () => {
	assert.deepEqual(answer('ssh --bogus'), [255, '', `unknown option -- -\n${sshUsage}`]);
	assert.deepEqual(answer('ssh -Z host-2'), [255, '', `unknown option -- Z\n${sshUsage}`]);
	assert.deepEqual(answer('ssh -p'), [255, '', `option requires an argument -- p\n${sshUsage}`]);
	assert.deepEqual(answer('ssh'), [255, '', sshUsage]);
	const shell = sandboxShell();
	const r = run(shell, 'ssh -p 22 -o StrictHostKeyChecking=no host-2 hostname');
	assert.deepEqual([r.exitCode, r.stdout], [0, 'host-2\n'], r.text);
	assert.equal(run(shell, 'ssh host-2 ls -la /').exitCode, 0, "the remote command's options are its own");
});

test('nsenter -mu is -m with the file "u" (getopt "m::"), as util-linux reads it; unshare -mu is two namespaces', () => {
	assert.deepEqual(answer('nsenter -t 1 -mu true'), [1, '', 'nsenter: cannot open u: No such file or directory\n']);
	const shell = sandboxShell();
	const r = run(shell, 'unshare -mu bash');
	assert.equal(r.exitCode, 0, r.text);
	assert.equal(run(shell, 'hostname inner').exitCode, 0);
	runAll(shell, ['exit']);
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n');
	assert.equal(run(sandboxShell(), 'nsenter -t 1 --uts=/proc/1/ns/uts hostname').stdout, 'host-1\n');
});

test('sudo unshare --uts bash: the learner types in the new shell, so hostname changes only its namespace', () => {
	const shell = sandboxShell();
	runAll(shell, ['sudo unshare --uts bash', 'hostname inner']);
	assert.equal(run(shell, 'hostname').stdout, 'inner\n');
	runAll(shell, ['exit']);
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n', 'the host keeps its name');
});

test('Tab offers the options of the same spec', () => {
	const shell = sandboxShell();
	const ctx = {commands: shell.runtime.commands, state: shell.state};
	assert.equal(complete('unshare --mount-p', 17, ctx).value, 'unshare --mount-proc ');
	assert.equal(complete('ip -net', 7, ctx).value, 'ip -netns ');
	for (const name of ['hostname', 'uname', 'unshare', 'nsenter', 'ip', 'ssh', 'su', 'curl', 'pkill', 'ls', 'lsns', 'id', 'free']) assert.deepEqual(shell.runtime.commands.get(name)!.flags, optionNames(linuxOptions[name]!), name);
});

test('ip -json, -stats, -details: not modelled, said on stderr, the usual output follows', () => {
	const r = run(sandboxShell(), 'ip -j link');
	assert.equal(r.exitCode, 0);
	assert.match(r.stdout, /^1: lo: /);
	assert.equal(r.stderr, '[simulator] ip -json: not modelled; the usual output follows\n');
	assert.equal(run(sandboxShell(), 'ip -br link').stderr, '');
});

test('sudo: options end at the command, -u runs as that user, a bad option or an unknown user in sudo words', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'sudo -u learner whoami').stdout, 'learner\n');
	assert.equal(run(shell, 'sudo ls -la /').exitCode, 0, "the command's own options are not sudo's");
	assert.match(run(shell, 'sudo --bogus').stderr, /^sudo: unrecognized option '--bogus'\nusage: sudo -h \| -K \| -k \| -V\n/);
	assert.equal(run(shell, 'sudo -u nobody2 id').stderr, 'sudo: unknown user nobody2\nsudo: error initializing audit plugin sudoers_audit\n');
	runAll(shell, ['sudo -u learner -i']);
	assert.deepEqual([run(shell, 'whoami').stdout, run(shell, 'pwd').stdout], ['learner\n', '/home/learner\n']);
});

test('lsns reads what its spec parsed: getopt order for bad values, and every option the spec accepts (util-linux 2.38)', () => {
	// getopt reads the options first, then the namespace operand: the type error wins over 'abc'.
	assert.deepEqual(answer('lsns abc -t foo'), [1, '', 'lsns: unknown namespace type: foo\n']);
	assert.deepEqual(answer('lsns -p x'), [1, '', "lsns: invalid PID argument: 'x'\n"]);
	assert.deepEqual(answer('lsns abc'), [1, '', "lsns: invalid namespace argument: 'abc'\n"]);
	// -J is lsns's (JSON, not simulated): accepted, as the spec says, not "invalid option".
	const [code, stdout] = answer('lsns -J --noheadings --type=uts');
	assert.equal(code, 0);
	assert.match(stdout as string, /^ *\d+ uts +\d+ +1 root /);
});

test('ls, mkdir, rm, rmdir, touch and readlink read their spec: what it accepts works, `--` ends the options', () => {
	assert.deepEqual(answer('ls -- -l'), [2, '', "ls: cannot access '-l': No such file or directory\n"]);
	assert.deepEqual(answer('ls --almost-all'), [0, '.bashrc  .kube\n', '']);
	assert.deepEqual(answer('ls --directory --numeric-uid-gid /etc').slice(0, 1), [0]);
	assert.match(answer('ls --directory -n /etc')[1] as string, /^drwxr-xr-x .* \/etc\n$/);
	assert.deepEqual(answer('ls -R /etc'), [0, '/etc:\nhostname  os-release\n', '']);
	const shell = sandboxShell();
	runAll(shell, ['mkdir --parents -m 700 a/b', 'touch -r /etc/hostname a/b/new', 'rm --recursive --force a/b/new']);
	assert.deepEqual(run(shell, 'ls a/b').stdout, '');
	assert.deepEqual(run(shell, 'ls -A a').stdout, 'b\n');
});

test('free, dmesg, systemctl, top, cp and mv read their spec: grouped short options, option values and -t DIR', () => {
	assert.match(answer('free -ht')[1] as string, /^ +total .*\nMem: +\d+\.\dGi /, 'free -ht is -h -t');
	assert.match(answer('systemctl -n 5 status ssh')[1] as string, /^● ssh\.service - OpenBSD Secure Shell server\n/, '-n takes 5: it is not the verb');
	assert.doesNotMatch(answer('top -bn1')[1] as string, /interactive top is not simulated/, '-bn1 is batch mode');
	const shell = sandboxShell();
	runAll(shell, ['touch a', 'mkdir d']);
	assert.deepEqual([run(shell, 'cp -t d a').exitCode, run(shell, 'ls d').stdout], [0, 'a\n']);
	assert.deepEqual(run(shell, 'mv -t nope a').stderr, "mv: target directory 'nope': No such file or directory\n");
	assert.deepEqual(run(shell, 'cp -t a d/a').stderr, "cp: target directory 'a': Not a directory\n");
});

test('cat numbers, squeezes and marks lines as GNU cat does (compared byte for byte with coreutils 9.1)', () => {
	const shell = sandboxShell();
	run(shell, "printf 'a\\n\\n\\n\\tb\\nc' > f.txt");
	assert.equal(run(shell, 'cat -n f.txt').stdout, '     1\ta\n     2\t\n     3\t\n     4\t\tb\n     5\tc');
	assert.equal(run(shell, 'cat -bE f.txt').stdout, '     1\ta$\n$\n$\n     2\t\tb$\n     3\tc');
	assert.equal(run(shell, 'cat -sA f.txt').stdout, 'a$\n$\n^Ib$\nc');
	assert.equal(run(shell, 'cat --number-nonblank f.txt').exitCode, 0, 'a long option is an option, not a file name');
});
