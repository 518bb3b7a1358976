// Thousands of random docker command lines (seeded): none may throw or reach the simulator's
// internal-error path, and every one returns an exit code.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextRandom} from '../../../source/engine/rng.ts';
import {dockerShell, run, type Shell} from './helpers.ts';

const subcommands = ['run', 'ps', 'images', 'build', 'pull', 'push', 'tag', 'rmi', 'exec', 'logs', 'stop', 'start', 'restart', 'kill', 'rm', 'diff', 'inspect', 'history', 'system', 'login', 'logout', 'version', 'info', 'create', 'image', 'container', 'network', 'bogus', 'stats', 'top', 'port', 'commit', 'cp', 'rename', 'pause', 'unpause', 'container prune', 'image prune', 'system prune', ''];
const words = ['-d', '-it', '-i', '-t', '-p', '8080:8080', '80', '127.0.0.1:81:80', '-P', '--name', 'web', 'kubia-container', '--rm', '-e', 'A=1', 'B', '-m', '64m', '1k', '--memory=128m', '--cpus', '0.5', '9', '-a', '-q', '-f', '--no-trunc', '-t', 'kubia', 'kubia:v1', 'learner/kubia', 'nginx', 'nginx:1.27', 'busybox', 'alpine', 'ubuntu', 'node:7', 'luksa/kubia', 'nosuch', 'Bad/Name', 'kubia/', '.', '-', 'ls', 'ps', 'aux', 'sh', '-c', 'echo hi > /tmp/x', 'bash', 'cat', '/etc/os-release', 'rm', '/app.js', 'df', '-v', 'ls', 'prune', '--format', '{{.State.Status}}', '{{json .Config}}', '--tail', '2', '--entrypoint', '', '--hostname', 'h1', '-u', 'node', '-w', '/tmp', '--restart', 'always', 'web:/etc/nginx', 'kubia-container:/app.js', '/tmp/', 'web2', '--no-stream', '--network', 'host', 'none', 'container:web', '--pid', '--uts', '--ipc', '--', '--bogus', '-Z', '=', '"', "'", 'sha256:', '0', 'latest'];

function generator(seed: number) {
	let state = seed >>> 0;
	const next = (n: number) => {
		const [value, s] = nextRandom(state);
		state = s;
		return Math.floor(value * n);
	};
	return () => {
		const sub = subcommands[next(subcommands.length)]!;
		const count = next(7);
		const parts = ['docker', sub];
		for (let i = 0; i < count; i++) {
			const word = words[next(words.length)]!;
			parts.push(/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
		}
		return parts.join(' ');
	};
}

test('random docker command lines never throw', () => {
	const line = generator(20260105);
	let shell: Shell = dockerShell();
	run(shell, 'docker build -t kubia kubia');
	let lines = 0;
	for (let i = 0; i < 2500; i++) {
		if (i % 250 === 0 && i > 0) {
			shell = dockerShell();
			run(shell, 'docker build -t kubia kubia');
		}
		const text = line();
		const result = run(shell, text);
		assert.ok(!result.text.includes('internal error in the simulator'), `${text}\n${result.text}`);
		assert.equal(typeof result.exitCode, 'number');
		// Leave any shell a random `-it` opened, so the next lines reach docker again.
		while (shell.state.session.frames.length > 1) run(shell, 'exit');
		lines++;
	}
	assert.equal(lines, 2500);
});
