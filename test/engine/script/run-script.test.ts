// The container script interpreter on its own: control flow, expansion, and sleep as a wake-up
// time of the process (never a change of anyone else's clock).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runScript, startScript, type ScriptState} from '../../../source/engine/script/run-script.ts';
import type {ScriptIo} from '../../../source/engine/script/script-io.ts';

function fakeIo(files: Record<string, string> = {}, programs = ['sleep', 'date', 'cat', 'hostname', 'env', 'ls']): ScriptIo & {files: Record<string, string>} {
	return {
		files,
		epochMs: Date.UTC(2026, 0, 5, 9, 0, 0),
		hostname: 'box',
		pid: 1,
		read: path => (path in files ? {content: files[path]!} : {error: 'No such file or directory'}),
		kind: path => (path in files ? 'file' : path === '/' || path === '/data' ? 'dir' : undefined),
		write(path, content, append) {
			files[path] = (append ? (files[path] ?? '') : '') + content;
			return undefined;
		},
		mkdir: () => undefined,
		remove(path) {
			delete files[path];
			return undefined;
		},
		list: () => [],
		hasProgram: program => programs.includes(program.split('/').pop()!),
		external: argv => ({stdout: `<${argv.join(' ')}>\n`, stderr: '', status: 0}),
	};
}

function start(script: string, dialect: 'ash' | 'dash' = 'ash'): ScriptState {
	const started = startScript(script, {env: {PATH: '/bin', HOME: '/root'}, clock: 0, dialect, name: 'sh', cwd: '/'});
	assert.ok(started.ok, JSON.stringify(started));
	return started.state;
}

test('a while-true loop prints, then sleeps only itself: each tick up to time T runs what is due by T', () => {
	const io = fakeIo();
	const state = start('while true; do date; sleep 5; done');
	const first = runScript(state, io, 0);
	assert.equal(first.output, 'Mon Jan  5 09:00:00 UTC 2026\n');
	assert.equal(first.exited, undefined);
	assert.equal(state.sleepUntil, 5000);
	assert.equal(runScript(state, io, 4000).output, '');
	assert.equal(runScript(state, io, 12_000).output, 'Mon Jan  5 09:00:05 UTC 2026\nMon Jan  5 09:00:10 UTC 2026\n');
});

test('echo; sleep 3600 prints at once and then waits an hour of its own time', () => {
	const state = start('echo hi; sleep 3600');
	const io = fakeIo();
	assert.deepEqual(runScript(state, io, 0), {output: 'hi\n'});
	assert.deepEqual(runScript(state, io, 3_599_000), {output: ''});
	assert.deepEqual(runScript(state, io, 3_600_000), {output: '', exited: 0});
});

test('&& and || follow exit statuses; ! negates; $? reads the last one', () => {
	const io = fakeIo();
	const run = (script: string) => runScript(start(script), io, 0);
	assert.deepEqual(run('false && echo no || echo yes'), {output: 'yes\n', exited: 0});
	assert.deepEqual(run('true && echo a && echo b'), {output: 'a\nb\n', exited: 0});
	assert.deepEqual(run('false || false || echo c'), {output: 'c\n', exited: 0});
	assert.deepEqual(run('! false && echo negated'), {output: 'negated\n', exited: 0});
	assert.deepEqual(run('false; echo $?'), {output: '1\n', exited: 0});
	assert.deepEqual(run('echo x; exit 3; echo never'), {output: 'x\n', exited: 3});
	assert.deepEqual(run('false'), {output: '', exited: 1});
});

test('for loops, arithmetic, if/elif/else, break and variables', () => {
	const io = fakeIo();
	const run = (script: string) => runScript(start(script), io, 0);
	assert.equal(run('for i in 1 2 3; do echo n=$i; done').output, 'n=1\nn=2\nn=3\n');
	assert.equal(run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done').output, '1\n2\n3\n');
	assert.equal(run('i=0; while true; do i=$((i+1)); if [ $i -eq 2 ]; then break; fi; done; echo stopped at $i').output, 'stopped at 2\n');
	assert.equal(run('x=b; if [ "$x" = a ]; then echo A; elif [ "$x" = b ]; then echo B; else echo C; fi').output, 'B\n');
	assert.equal(run('name="two words"; echo "[$name]" [$name]').output, '[two words] [two words]\n');
	assert.equal(run("echo 'single $HOME' \"double $HOME\"").output, 'single $HOME double /root\n');
	assert.equal(run('echo "host: $(hostname)"').output, 'host: box\n');
});

test('redirections write files in the process filesystem; commands the image lacks are "not found" (127)', () => {
	const io = fakeIo();
	const out = runScript(start('echo one > /data/log; echo two >> /data/log; cat /data/log'), io, 0);
	assert.equal(out.output, 'one\ntwo\n');
	assert.equal(io.files['/data/log'], 'one\ntwo\n');
	// busybox ash: "sh: curl: not found"; Debian's dash: "sh: 1: curl: not found"
	assert.deepEqual(runScript(start('curl http://x'), io, 0), {output: 'sh: curl: not found\n', exited: 127});
	assert.deepEqual(runScript(start('curl http://x', 'dash'), io, 0), {output: 'sh: 1: curl: not found\n', exited: 127});
	assert.equal(runScript(start('ls /; echo done'), io, 0).output, '<ls />\ndone\n');
});

test('a loop without a sleep yields after its budget instead of hanging, and continues next time', () => {
	const io = fakeIo();
	const state = start('while true; do echo y; done');
	const first = runScript(state, io, 0);
	assert.equal(first.exited, undefined);
	assert.ok(first.output.length > 0 && first.output.split('\n').length < 1000);
	assert.ok(runScript(state, io, 1000).output.startsWith('y\n'));
});

test('syntax errors use the shell\'s words; unsupported constructs say they are not simulated', () => {
	const bad = startScript('while true; do echo x', {env: {}, clock: 0, dialect: 'ash', name: 'sh', cwd: '/'});
	assert.deepEqual(bad, {ok: false, error: 'sh: syntax error: unexpected end of file (expecting "done")', exitCode: 2});
	const kase = startScript('case x in x) echo;; esac', {env: {}, clock: 0, dialect: 'ash', name: 'sh', cwd: '/'});
	assert.ok(!kase.ok && kase.error.startsWith('[simulator]'));
});
