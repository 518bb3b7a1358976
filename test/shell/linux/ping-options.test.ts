// ping reads its options from one spec per program: iputils ping on an Ubuntu host (short options
// only, its usage after a bad one, exit 2), busybox's applet in a busybox container (glibc getopt's
// words, then the BusyBox usage block, exit 1). Compared with iputils 20221126 and busybox 1.35.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {iputilsPingUsage} from '../../../source/shell/commands/linux/help-texts-net.ts';
import {busyboxPingUsage} from '../../../source/shell/commands/linux/option-specs-busybox.ts';
import {complete} from '../../../source/shell/completion.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const answer = (shell: ReturnType<typeof sandboxShell>, line: string) => {
	const r = run(shell, line);
	return [r.exitCode, r.stdout, r.stderr];
};

function busyboxShell() {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker run -d --name bb busybox sleep 999');
	run(shell, 'docker exec -it bb sh');
	return shell;
}

test('iputils ping on the host: a bad option prints the whole usage on stderr, exit 2; -c takes a number of 1 and up', () => {
	const shell = sandboxShell();
	assert.deepEqual(answer(shell, 'ping -z localhost'), [2, '', `ping: invalid option -- 'z'\n${iputilsPingUsage}`]);
	assert.deepEqual(answer(shell, 'ping --help'), [2, '', `ping: invalid option -- '-'\n${iputilsPingUsage}`], 'iputils has no long options');
	assert.deepEqual(answer(shell, 'ping -h'), [2, '', iputilsPingUsage]);
	assert.deepEqual(answer(shell, 'ping -?'), [2, '', iputilsPingUsage]);
	assert.equal(answer(shell, 'ping -r -c 1 localhost')[0], 0, '-r is taken though its usage does not list it');
	assert.deepEqual(answer(shell, 'ping -c'), [2, '', `ping: option requires an argument -- 'c'\n${iputilsPingUsage}`]);
	assert.deepEqual(answer(shell, 'ping -c x localhost'), [1, '', "ping: invalid argument: 'x'\n"]);
	assert.deepEqual(answer(shell, 'ping -c 0 localhost'), [1, '', "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n"]);
	assert.deepEqual(answer(shell, 'ping'), [1, '', 'ping: usage error: Destination address required\n']);
});

test('iputils ping: -c2 and -qc 1 read as getopt does, -n prints addresses only, a real option not simulated says so', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'ping -c2 localhost').stdout, /^2 packets transmitted/m);
	assert.doesNotMatch(run(shell, 'ping -qc 1 localhost').stdout, /64 bytes/);
	assert.match(run(shell, 'ping -c 1 localhost').stdout, /64 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1/);
	assert.match(run(shell, 'ping -n -c 1 localhost').stdout, /64 bytes from 127\.0\.0\.1: icmp_seq=1/);
	const flood = run(shell, 'ping -f -c 1 localhost');
	assert.equal(flood.exitCode, 0);
	assert.equal(flood.stderr, '[simulator] ping -f: accepted, not simulated here\n');
});

test('busybox ping in a container: glibc getopt words and the BusyBox usage block, exit 1; one HOST only; -c 0 is until interrupted', () => {
	const shell = busyboxShell();
	assert.deepEqual(answer(shell, 'ping -z localhost'), [1, '', `ping: invalid option -- 'z'\n${busyboxPingUsage}`]);
	assert.deepEqual(answer(shell, 'ping --bogus localhost'), [1, '', `ping: unrecognized option '--bogus'\n${busyboxPingUsage}`]);
	assert.deepEqual(answer(shell, 'ping --help'), [0, '', busyboxPingUsage]);
	assert.deepEqual(answer(shell, 'ping -c 1 localhost extra'), [1, '', busyboxPingUsage]);
	assert.deepEqual(answer(shell, 'ping -c x localhost'), [1, '', "ping: invalid number 'x'\n"]);
	assert.match(run(shell, 'ping -c 0 localhost').stdout, /^4 packets transmitted/m);
	assert.match(run(shell, 'ping -c 1 localhost').stdout, /^64 bytes from 127\.0\.0\.1: seq=0/m);
});

test('alpine ping: musl getopt words before the same usage block', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker run -d --name al alpine sleep 999');
	assert.deepEqual(answer(shell, 'docker exec al ping -z localhost'), [1, '', `ping: unrecognized option: z\n${busyboxPingUsage}`]);
});

test('Tab offers the ping of where the shell runs: iputils on the host, busybox in the container', () => {
	const host = sandboxShell();
	const onHost = complete('ping -', 6, {commands: host.runtime.commands, state: host.state}).candidates;
	assert.ok(onHost.includes('-a') && onHost.includes('-O'), onHost.join(' '));
	const shell = busyboxShell();
	const inBox = complete('ping -', 6, {commands: shell.runtime.commands, state: shell.state}).candidates;
	assert.deepEqual(inBox, ['-4', '-6', '-A', '-I', '-W', '-c', '-i', '-n', '-p', '-q', '-s', '-t', '-v', '-w'].sort());
});

test('ping -s, -w, -i, -W and -t: the size in the header and replies, a deadline without -c, the interval in the summary', () => {
	const shell = sandboxShell();
	const sized = run(shell, 'ping -c 1 -s 100 localhost');
	assert.match(sized.stdout, /^PING localhost \(127\.0\.0\.1\) 100\(128\) bytes of data\.\n108 bytes from localhost/);
	assert.equal(sized.stderr, '');
	const deadline = run(shell, 'ping -w 2 localhost');
	assert.match(deadline.stdout, /^2 packets transmitted, 2 received, 0% packet loss, time 1002ms$/m);
	assert.equal(deadline.stderr, '', 'no "until Ctrl-C" note: -w ends it');
	assert.match(run(shell, 'ping -c 3 -i 0.2 -W 1 -t 5 localhost').stdout, /^3 packets transmitted, 3 received, 0% packet loss, time 402ms$/m);
	assert.deepEqual([run(shell, 'ping -c 1 -s x localhost').stderr], ["ping: invalid argument: 'x'\n"]);
	const box = busyboxShell();
	assert.match(run(box, 'ping -c 1 -s 100 localhost').stdout, /^PING localhost \(127\.0\.0\.1\): 100 data bytes\n108 bytes from 127\.0\.0\.1: seq=0/);
});
