// sed as GNU sed 4.9 runs it: the commands learners reach for in pipelines, the script errors in
// GNU's words and character positions (compared with the real sed), and scripts that would run
// for ever stopped with a [simulator] line instead of freezing the tutor.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const sed = (script: string, input: string) => run(sandboxShell(), `printf '${input}' | sed ${script}`);

test('sed: substitutions, addresses, ranges, hold space and branches', () => {
	const cases: [string, string, string][] = [
		["'s/a/X/g'", 'banana\\n', 'bXnXnX\n'],
		["-n '2,3p'", '1\\n2\\n3\\n4\\n', '2\n3\n'],
		["'/^#/d'", '#x\\ny\\n', 'y\n'],
		["-n '$='", '1\\n2\\n3\\n', '3\n'],
		["'s/\\(b\\)\\(a\\)/\\2\\1/2'", 'bababa\\n', 'baabba\n'],
		["-E 's/(b)(a)/\\2\\1/g'", 'bababa', 'ababab'],
		["':a;N;$!ba;s/\\n/,/g'", '1\\n2\\n3\\n', '1,2,3\n'],
		["'1!G;h;$!d'", '1\\n2\\n3\\n', '3\n2\n1\n'],
		["'0,/2/d'", '1\\n2\\n3\\n2\\n', '3\n2\n'],
		["'2,+1d'", '1\\n2\\n3\\n4\\n', '1\n4\n'],
		["'/2/,/3/{s/^/>/}'", '1\\n2\\n3\\n4\\n', '1\n>2\n>3\n4\n'],
		["'s/.*/\\U&/'", 'abc\\n', 'ABC\n'],
		["'s/[[:digit:]]\\+/N/g'", 'a1b22\\n', 'aNbN\n'],
		["'y/abc/xyz/'", 'aabbcc\\n', 'xxyyzz\n'],
		["'$a end'", 'x\\ny\\n', 'x\ny\nend\n'],
		["'2c\\changed'", '1\\n2\\n3\\n', '1\nchanged\n3\n'],
		["-n '/b/{p;q}'", 'a\\nb\\nc\\n', 'b\n'],
		["'s|/|:|g'", '/a/b\\n', ':a:b\n'],
		["'s/x*/-/g'", 'abc\\n', '-a-b-c-\n'],
		["=", 'a\\nb\\n', '1\na\n2\nb\n'],
	];
	for (const [script, input, expected] of cases) {
		const r = sed(script, input);
		assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, expected, ''], script);
	}
});

test("sed: a script's mistakes in GNU sed's words, with its character positions", () => {
	const cases: [string, number, string][] = [
		["k", 1, "sed: -e expression #1, char 1: unknown command: `k'\n"],
		["s/a/b", 1, "sed: -e expression #1, char 5: unterminated `s' command\n"],
		["s/a/b/q", 1, "sed: -e expression #1, char 7: unknown option to `s'\n"],
		["'{p'", 1, "sed: -e expression #1, char 0: unmatched `{'\n"],
		["'}'", 1, "sed: -e expression #1, char 1: unexpected `}'\n"],
		["1", 1, 'sed: -e expression #1, char 1: missing command\n'],
		["1,2", 1, 'sed: -e expression #1, char 3: missing command\n'],
		["pq", 1, 'sed: -e expression #1, char 2: extra characters after command\n'],
		["'s/a/\\1/'", 1, "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n"],
		["/abc", 1, 'sed: -e expression #1, char 4: unterminated address regex\n'],
		["bfoo", 4, "sed: can't find label for jump to `foo'\n"],
		["y/ab/c/", 1, "sed: -e expression #1, char 7: strings for `y' command are different lengths\n"],
		["-E 's/(a/x/'", 1, 'sed: -e expression #1, char 7: Unmatched ( or \\(\n'],
		["'s/\\(a/x/'", 1, 'sed: -e expression #1, char 8: Unmatched ( or \\(\n'],
		["0p", 1, 'sed: -e expression #1, char 2: invalid usage of line address 0\n'],
		["-e p -e k", 1, "sed: -e expression #2, char 1: unknown command: `k'\n"],
		["a", 1, "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n"],
		["-i s/a/b/", 1, 'sed: no input files\n'],
		["--bogus", 1, "sed: unrecognized option '--bogus'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n"],
	];
	for (const [script, code, message] of cases) {
		const r = sed(script, 'a\\n');
		assert.equal(r.exitCode, code, script);
		assert.ok(r.stderr.startsWith(message), `${script}: ${r.stderr}`);
	}
	const noScript = run(sandboxShell(), 'sed -n');
	assert.equal(noScript.exitCode, 1);
	assert.match(noScript.stderr, /^Usage: sed \[OPTION\]\.\.\./);
	const missing = run(sandboxShell(), "echo x > a.txt; sed p nosuch a.txt");
	assert.deepEqual([missing.exitCode, missing.stdout, missing.stderr], [2, 'x\nx\n', "sed: can't read nosuch: No such file or directory\n"]);
});

test('sed -i edits a file of the simulated host in place (with a backup suffix)', () => {
	const shell = sandboxShell();
	runAll(shell, ["printf 'port: 80\\nname: web\\n' > app.conf", "sed -i.bak 's/80/8080/' app.conf"]);
	assert.equal(run(shell, 'cat app.conf').stdout, 'port: 8080\nname: web\n');
	assert.equal(run(shell, 'cat app.conf.bak').stdout, 'port: 80\nname: web\n');
	assert.equal(run(shell, "sed -n '/name/p' app.conf").stdout, 'name: web\n');
});

test('sed scripts that would run for ever are stopped, so the tutor never hangs', () => {
	for (const script of [':a;ba', ':a;G;H;ba', ':a;s/^/x/;ba']) {
		const started = performance.now();
		const r = sed(`'${script}'`, 'x\\n');
		assert.equal(r.exitCode, 1, script);
		assert.match(r.stderr, /^\[simulator\] sed stopped/, script);
		assert.ok(performance.now() - started < 20_000, script);
	}
});

test('random sed scripts and cut/tr arguments never throw, and each line ends in bounded time', () => {
	let state = 7;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const alphabet = ['s', 'p', 'd', 'n', 'N', 'g', 'G', 'h', 'H', 'x', 'q', 'b', 't', 'a', ':', '{', '}', '!', '/', ',', '$', '0', '1', '2', '~', '+', ';', '=', '\\', 'y', 'D', 'P', '(', ')', '*', '.', '^', '[', ']', '&', 'l', ' ', 'w', 'r', 'e', 'i', 'c', 'z', 'Q', 'T', 'E'];
	const shell = sandboxShell();
	for (let i = 0; i < 400; i++) {
		const script = Array.from({length: 1 + Math.floor(random() * 16)}, () => alphabet[Math.floor(random() * alphabet.length)]).join('').replace(/'/g, '');
		const tool = ['sed', 'sed -n', 'sed -E', 'cut -f', 'cut -c', 'tr', 'tr -d', 'tr -s'][i % 8];
		const started = performance.now();
		const r = run(shell, `printf 'a b\\nc:d\\n\\nxx\\n' | ${tool} '${script}'`);
		assert.equal(typeof r.exitCode, 'number');
		assert.doesNotMatch(r.text, /internal error/, `${tool} '${script}'`);
		assert.ok(performance.now() - started < 10_000, `${tool} '${script}'`);
	}
});
