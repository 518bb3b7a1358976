import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextRandom} from '../../source/engine/rng.ts';
import {parseCommandLine} from '../../source/shell/tokenizer.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

const words = (line: string) => {
	const parsed = parseCommandLine(line, name => (name === 'X' ? 'ex' : ''));
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.list.pipelines.map(p => p.pipeline.commands.map(c => c.words));
};

test('quotes, escapes, --flag=value and -- are kept as words', () => {
	assert.deepEqual(words(`kubectl exec -it pod -- sh -c 'echo "$X"'`), [[['kubectl', 'exec', '-it', 'pod', '--', 'sh', '-c', 'echo "$X"']]]);
	assert.deepEqual(words('docker run --name=web -e A="b c" nginx'), [[['docker', 'run', '--name=web', '-e', 'A=b c', 'nginx']]]);
	assert.deepEqual(words('echo a\\ b "c\\"d" $X${X}'), [[['echo', 'a b', 'c"d', 'exex']]]);
	assert.deepEqual(words("echo '' \"\""), [[['echo', '', '']]]);
});

test('pipes, lists, background and redirections', () => {
	const parsed = parseCommandLine('stress --vm 1 & echo $$ > /sys/fs/cgroup/demo/cgroup.procs; kubectl get pods | grep web 2>&1', () => '7');
	assert.ok('list' in parsed);
	const [first, second, third] = parsed.list.pipelines;
	assert.equal(first!.pipeline.background, true);
	assert.deepEqual(second!.pipeline.commands[0]!.redirects, [{fd: 1, op: '>', target: '/sys/fs/cgroup/demo/cgroup.procs'}]);
	assert.deepEqual(third!.pipeline.commands.map(c => c.words[0]), ['kubectl', 'grep']);
	assert.deepEqual(third!.pipeline.commands[1]!.redirects, [{fd: 2, op: '>&1'}]);
});

test('a comment ends the line; a fork bomb parses without throwing', () => {
	assert.deepEqual(words('echo hi # not this'), [[['echo', 'hi']]]);
	assert.doesNotThrow(() => parseCommandLine(':(){ :|:& };:'));
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
