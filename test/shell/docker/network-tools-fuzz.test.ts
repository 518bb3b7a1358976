// Random argument lists for the network tools never crash them: every run is an exit code and
// text in the tool's words, never "internal error in the simulator".
import assert from 'node:assert/strict';
import test from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const words = ['', '-', '--', '-q', '-O', '-O-', '-qO-', '-T', '1', '--bogus', 'web', 'web.default', 'web.default.svc.cluster.local', '10.96.0.2', '10.96.0.10', 'http://web:80/', 'https://x/', 'http://', 'nosuch', 'mynet', 'bridge', 'host', 'none', 'create', 'ls', 'inspect', 'connect', 'disconnect', 'rm', 'c1', '-f', '{{.Name}}', '--alias', 'a', '--subnet', '10.1.0.0/16', 'x/y', "'", '..', 'localhost:5000/x'];

function pick(seed: number, n: number): string[] {
	let s = seed;
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		s = (s * 1103515245 + 12345) % 2147483648;
		out.push(words[s % words.length]!);
	}
	return out;
}

test('nslookup, wget and docker network take any arguments without crashing, on a host and in a pod', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx');
	run(shell, 'kubectl expose deployment web --port=80');
	run(shell, 'kubectl run busy --image=busybox -- sleep 3600');
	run(shell, 'docker run -d --name c1 busybox sleep 3600');
	run(shell, 'sleep 20');
	for (let seed = 1; seed <= 120; seed++) {
		const args = pick(seed, 1 + (seed % 4)).map(a => (a === '' ? "''" : a.includes("'") ? `"${a}"` : a)).join(' ');
		for (const line of [`nslookup ${args}`, `wget ${args}`, `docker network ${args}`, `kubectl exec busy -- nslookup ${args}`, `kubectl exec busy -- wget ${args}`]) {
			const r = run(shell, line);
			assert.ok(!r.text.includes('internal error'), `${line}\n${r.text}`);
			assert.equal(typeof r.exitCode, 'number');
		}
	}
});
