// Thousands of random command lines built from the Linux family's commands, flags, paths and
// garbage: none may make a command throw (the runner would report "internal error in the
// simulator"), and every result carries an exit code.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextRandom} from '../../../source/engine/rng.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {labWorld} from './lab-world.ts';

const commands = ['ps', 'lsns', 'unshare', 'nsenter', 'hostname', 'uname', 'id', 'whoami', 'ip', 'kill', 'ls', 'cat', 'mkdir', 'rmdir', 'rm', 'touch', 'readlink', 'tee', 'curl', 'ssh', 'systemctl', 'free', 'dmesg', 'stress', 'multipass', 'power', 'python3', 'leaky-app', 'su', 'sudo', 'exit', 'echo', 'sleep'];
const words = [
	'aux', '-ef', '-e', '-o', 'pid,comm', '-p', '1', '-t', 'net', 'uts', '--uts', '--pid', '--fork', '--mount-proc', '--net', '-r', '-U', '-a', '-u', '-n', '-m', '-i',
	'link', 'addr', 'netns', 'add', 'del', 'delete', 'exec', 'list', 'set', 'up', 'down', 'type', 'veth', 'peer', 'name', 'dev', 'veth0', 'veth1', 'red', 'blue', '10.0.0.1/24', '10.0.0.2',
	'-9', '-KILL', '-s', 'TERM', '$$', '0', '2', '99999', '-1', '/', '/tmp', '/proc', '/proc/self/ns', '/proc/1/status', '/sys/fs/cgroup', '/sys/fs/cgroup/demo', '/sys/fs/cgroup/demo/memory.max',
	'/sys/fs/cgroup/demo/cgroup.procs', '/sys/fs/cgroup/demo/cpu.max', '/sys/fs/cgroup/demo/pids.max', '-p', '-r', '-f', '-l', 'localhost:8000', 'host-2', 'host-2:22', '10.0.0.2:8000', 'http://x', '-s', '-I', '-v',
	'status', 'stop', 'start', 'restart', 'kubelet', 'ssh', 'docker', 'nosuch', '--vm', '--vm-bytes', '100M', '--cpu', '--timeout', '3s', 'launch', '--name', 'vm1', '--memory', '1G', '512M', 'info',
	'--', 'on', 'off', '-m', 'http.server', '8000', '&&', '||', '|', ';', '>', '>>', '&', '"', "'", '\\', '$?', '~', '-', '--help', '--bogus', '💥', '', 'max', '50000 100000', '-h',
];

function generator(seed: number) {
	let state = seed;
	return (n: number) => {
		const [value, next] = nextRandom(state);
		state = next;
		return Math.floor(value * n);
	};
}

test('random Linux command lines never throw and always exit with a code', () => {
	const pick = generator(20260105);
	const lines = 5000;
	let shell = sandboxShell({world: labWorld()});
	for (let i = 0; i < lines; i++) {
		if (i % 50 === 0) shell = sandboxShell({world: labWorld(i)});
		const parts = [commands[pick(commands.length)]!];
		const count = pick(6);
		for (let j = 0; j < count; j++) parts.push(words[pick(words.length)]!);
		// Skip the few words that only change time a lot, to keep the test fast.
		const line = parts.join(' ').replace(/sleep \S+/, 'sleep 1');
		const result = run(shell, line);
		assert.equal(typeof result.exitCode, 'number', line);
		assert.ok(!result.stderr.includes('internal error in the simulator'), `${line}\n${result.stderr}`);
		assert.ok(shell.state.session.frames.length >= 1, line);
	}
});
