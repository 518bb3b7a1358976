// The built program in a real terminal (tmux): start the sandbox at 80x24, see the four
// regions, run a command, paste a manifest into `kubectl apply -f -` and watch the pod go
// Running in the pane, quit, and find the shell as it was.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {builtCli, node22, projectRoot} from '../helpers/built-cli.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skip = hasTmux ? false : 'tmux is not installed: the end-to-end terminal tests need it (apt-get install tmux)';
const socket = `k8s-tutor-e2e-${process.pid}`;
const session = 'e2e';

const tmux = (...args: string[]) => {
	const result = spawnSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
};
const screen = () => tmux('capture-pane', '-p', '-t', session);

async function waitForScreen(predicate: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
	const start = Date.now();
	for (;;) {
		const text = screen();
		if (predicate(text)) return text;
		if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${text}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

before(async () => {
	if (!hasTmux) return;
	if (!existsSync(builtCli)) {
		const {bundle} = await import('../../scripts/build.mjs');
		await bundle({entry: join(projectRoot, 'source/bin.ts'), outfile: builtCli});
	}
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-e2e-'));
	tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', projectRoot, `env -i PATH=/usr/bin:/bin HOME=${home} K8S_TUTOR_HOME=${home} TERM=xterm-256color LANG=C.UTF-8 PS1='e2e$ ' bash --norc --noprofile`);
});

after(() => {
	if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

test('the built sandbox in a real 80x24 terminal: regions, a command, a manifest applied, quit', {skip, timeout: 90_000}, async () => {
	await waitForScreen(text => text.includes('e2e$'), 'the shell prompt');
	tmux('send-keys', '-t', session, 'echo before-the-tutor', 'Enter');
	await waitForScreen(text => text.includes('\nbefore-the-tutor'), 'the marker line');
	tmux('send-keys', '-t', session, `${node22} ${builtCli} sandbox; echo "tutor exited $?"`, 'Enter');

	const first = await waitForScreen(text => text.includes('root@host-1:~#') && text.includes('? keys'), 'the dashboard');
	const lines = first.split('\n');
	assert.match(lines[0]!, /─ cluster kubernetes · 4 nodes/, 'the cluster pane on top');
	assert.match(first, /─ events ─/, 'the event stream');
	assert.match(lines[22] ?? '', /root@host-1:~#/, 'the prompt above the status bar');
	assert.match(lines[23] ?? '', /Sandbox · ▶ 1x · \? keys +sim \d+:\d\d/, 'the status bar, its clock labelled');
	assert.ok(!first.includes('before-the-tutor'), 'on the alternate screen');

	tmux('send-keys', '-t', session, '-l', 'echo hello from e2e');
	tmux('send-keys', '-t', session, 'Enter');
	await waitForScreen(text => text.split('\n').some(l => l.trim() === 'hello from e2e'), 'the command output');

	// Speed the clock up to 20x, then paste a manifest (bracketed paste) after `kubectl apply -f -`.
	tmux('send-keys', '-t', session, 'M-f');
	await waitForScreen(text => text.includes('▶ 5x'), '5x');
	tmux('send-keys', '-t', session, 'M-f');
	await waitForScreen(text => text.includes('▶ 20x'), '20x');
	tmux('send-keys', '-t', session, '-l', 'kubectl apply -f -');
	tmux('set-buffer', '-b', 'manifest', '\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-e2e\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\n');
	tmux('paste-buffer', '-p', '-b', 'manifest', '-t', session);
	await waitForScreen(text => text.includes('> kind: Pod'), 'the pasted manifest under the prompt');
	tmux('send-keys', '-t', session, 'Enter');
	await waitForScreen(text => text.includes('pod/kubia-e2e created'), 'kubectl says created');
	const running = await waitForScreen(text => /kubia-e2e +Running +1\/1/.test(text), 'the pod Running in the pane', 30_000);
	assert.match(running, /worker-\d/);

	tmux('send-keys', '-t', session, 'q');
	const restored = await waitForScreen(text => text.includes('tutor exited 0'), 'the tutor gone');
	assert.match(restored, /before-the-tutor/, 'the screen from before the tutor is back');
	assert.ok(!restored.includes('root@host-1'), 'no dashboard left on the screen');
	assert.match(restored.trimEnd().split('\n').pop()!, /^e2e\$/, 'the shell prompt is back');
	tmux('send-keys', '-t', session, '-l', 'echo typed-after');
	tmux('send-keys', '-t', session, 'Enter');
	await waitForScreen(text => text.includes('\ntyped-after'), 'the terminal echoes normally again (raw mode off)');
});
