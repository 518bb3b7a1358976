import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextRandom} from '../../source/engine/rng.ts';
import type {List, SimpleCommand} from '../../source/shell/syntax/ast.ts';
import {expandWords, type ExpandEnv} from '../../source/shell/syntax/expand.ts';
import {parse} from '../../source/shell/syntax/parse.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

const env = (vars: Record<string, string>): ExpandEnv => ({
	variable: name => vars[name],
	assign: () => {},
	positional: () => [],
	home: () => '/root',
	substitute: () => '',
	listDirectory: () => undefined,
});

const listOf = (line: string): List => {
	const parsed = parse(line);
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.list;
};

const words = (line: string, vars: Record<string, string> = {X: 'ex'}) =>
	listOf(line).items.map(p => p.pipeline.commands.map(c => expandWords((c as SimpleCommand).words, env(vars))));

test('quotes, escapes, --flag=value and -- are kept as words', () => {
	assert.deepEqual(words(`kubectl exec -it pod -- sh -c 'echo "$X"'`), [[['kubectl', 'exec', '-it', 'pod', '--', 'sh', '-c', 'echo "$X"']]]);
	assert.deepEqual(words('docker run --name=web -e A="b c" nginx'), [[['docker', 'run', '--name=web', '-e', 'A=b c', 'nginx']]]);
	assert.deepEqual(words('echo a\\ b "c\\"d" $X${X}'), [[['echo', 'a b', 'c"d', 'exex']]]);
	assert.deepEqual(words("echo '' \"\""), [[['echo', '', '']]]);
});

test('pipes, lists, background and redirections', () => {
	const list = listOf('stress --vm 1 & echo $$ > /sys/fs/cgroup/demo/cgroup.procs; kubectl get pods | grep web 2>&1');
	const [first, second, third] = list.items;
	assert.equal(first!.pipeline.background, true);
	const echo = second!.pipeline.commands[0] as SimpleCommand;
	assert.deepEqual(
		echo.redirects.map(r => ({fd: r.fd, op: r.op, target: 'target' in r ? r.target.raw : ''})),
		[{fd: 1, op: '>', target: '/sys/fs/cgroup/demo/cgroup.procs'}],
	);
	assert.deepEqual(third!.pipeline.commands.map(c => (c as SimpleCommand).words[0]!.raw), ['kubectl', 'grep']);
	const grep = third!.pipeline.commands[1] as SimpleCommand;
	assert.deepEqual(grep.redirects.map(r => ({fd: r.fd, op: r.op, target: 'target' in r ? r.target.raw : ''})), [{fd: 2, op: '>&', target: '1'}]);
});

test('a comment ends the line; a fork bomb parses without throwing', () => {
	assert.deepEqual(words('echo hi # not this'), [[['echo', 'hi']]]);
	assert.doesNotThrow(() => parse(':(){ :|:& };:'));
	const bomb = listOf(':(){ :|:& };:');
	assert.equal(bomb.items[0]!.pipeline.commands[0]!.kind, 'function');
});

test('thousands of random lines never throw and always give an exit code', () => {
	const alphabet = ['a', ' ', '"', "'", '\\', '|', '&', ';', '>', '<', '$', '(', ')', '{', '}', '#', '\n', '-', '=', '2', '*', 'é', '中', '\t', 'EOF', '<<'];
	const shell = sandboxShell();
	let seed = 42;
	for (let i = 0; i < 3000; i++) {
		let line = '';
		let r: number;
		[r, seed] = nextRandom(seed);
		const length = Math.floor(r * 30);
		for (let j = 0; j < length; j++) {
			[r, seed] = nextRandom(seed);
			line += alphabet[Math.floor(r * alphabet.length)];
		}
		const prefix = ['echo ', 'grep ', 'head ', 'wc ', 'sleep ', 'cd ', 'export ', 'history ', ''][i % 9];
		const result = run(shell, prefix + line);
		assert.equal(typeof result.exitCode, 'number', JSON.stringify(prefix + line));
	}
});
