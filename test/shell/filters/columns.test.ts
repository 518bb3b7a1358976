// uniq, cut and tr, and the GNU options of grep, head, tail, wc and sort, as learners use them in
// pipelines; errors in coreutils' words (compared with coreutils 9.4 and grep 3.11).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const out = (line: string) => {
	const r = run(sandboxShell(), line);
	return [r.exitCode, r.stdout, r.stderr];
};

test('uniq: -c, -d, -u, -i, -f, and its messages', () => {
	assert.deepEqual(out("printf 'b\\na\\nb\\nb\\nc\\n' | sort | uniq -c"), [0, '      1 a\n      3 b\n      1 c\n', '']);
	assert.deepEqual(out("printf 'a\\na\\nb\\n' | uniq -d"), [0, 'a\n', '']);
	assert.deepEqual(out("printf 'a\\na\\nb\\n' | uniq -u"), [0, 'b\n', '']);
	assert.deepEqual(out("printf 'a\\nA\\n' | uniq -i"), [0, 'a\n', '']);
	assert.deepEqual(out("printf '1 x\\n2 x\\n' | uniq -f 1"), [0, '1 x\n', '']);
	assert.deepEqual(out('uniq -f x'), [1, '', 'uniq: x: invalid number of fields to skip\n']);
	assert.deepEqual(out('uniq a b c'), [1, '', "uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n"]);
	assert.deepEqual(out('uniq --bogus'), [1, '', "uniq: unrecognized option '--bogus'\nTry 'uniq --help' for more information.\n"]);
	assert.deepEqual(out('uniq -f'), [1, '', "uniq: option requires an argument -- 'f'\nTry 'uniq --help' for more information.\n"]);
});

test('cut: fields, characters, ranges, and its messages', () => {
	assert.deepEqual(out("printf 'root:x:0\\nbin:x:1\\n' | cut -d: -f1,3"), [0, 'root:0\nbin:1\n', '']);
	assert.deepEqual(out("echo 'a b c d' | cut -d' ' -f2-"), [0, 'b c d\n', '']);
	assert.deepEqual(out('echo abcdef | cut -c2-4'), [0, 'bcd\n', '']);
	assert.deepEqual(out("printf 'a\\tb\\n' | cut -f2"), [0, 'b\n', '']);
	assert.deepEqual(out("echo nodelim | cut -d, -f2 -s"), [0, '', '']);
	assert.deepEqual(out("echo 'a,b,c' | cut -d, -f 1-1000000000 --output-delimiter=' '"), [0, 'a b c\n', '']);
	assert.deepEqual(out('cut'), [1, '', "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -f1 -c1'), [1, '', "cut: only one list may be specified\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -d, -c1'), [1, '', "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -d ab -f1'), [1, '', "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -f0'), [1, '', "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -f 3-1'), [1, '', "cut: invalid decreasing range\nTry 'cut --help' for more information.\n"]);
	assert.deepEqual(out('cut -c1 nosuch'), [1, '', 'cut: nosuch: No such file or directory\n']);
});

test('tr: translate, delete, squeeze, classes, and its messages', () => {
	assert.deepEqual(out('echo Hello | tr a-z A-Z'), [0, 'HELLO\n', '']);
	assert.deepEqual(out("echo Hello | tr '[:lower:]' '[:upper:]'"), [0, 'HELLO\n', '']);
	assert.deepEqual(out('echo hello | tr -d l'), [0, 'heo\n', '']);
	assert.deepEqual(out("echo 'a  b   c' | tr -s ' '"), [0, 'a b c\n', '']);
	assert.deepEqual(out("echo 'a:b:c' | tr : '\\n'"), [0, 'a\nb\nc\n', '']);
	assert.deepEqual(out("echo 'ab12' | tr -cd '0-9'"), [0, '12', '']);
	assert.deepEqual(out('tr'), [1, '', "tr: missing operand\nTry 'tr --help' for more information.\n"]);
	assert.deepEqual(out('tr a'), [1, '', "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n"]);
	assert.deepEqual(out('tr a b c'), [1, '', "tr: extra operand 'c'\nTry 'tr --help' for more information.\n"]);
	assert.deepEqual(out('tr -d a b'), [1, '', "tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n"]);
	assert.deepEqual(out("tr 'z-a' x"), [1, '', "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n"]);
});

test('sort -u, -k, -t, -h, -r and wc, head, tail, grep options as GNU has them', () => {
	assert.deepEqual(out("printf 'b\\na\\nb\\n' | sort -u"), [0, 'a\nb\n', '']);
	assert.deepEqual(out("printf 'a 3\\nb 1\\nc 2\\n' | sort -k2 -n"), [0, 'b 1\nc 2\na 3\n', '']);
	assert.deepEqual(out("printf 'a,3\\nb,1\\n' | sort -t, -k2 -r"), [0, 'a,3\nb,1\n', '']);
	assert.deepEqual(out("printf '1G\\n10K\\n2M\\n' | sort -h"), [0, '10K\n2M\n1G\n', '']);
	assert.deepEqual(out('sort -k 0'), [2, '', "sort: field number is zero: invalid field specification '0'\n"]);
	assert.deepEqual(out('sort -t ab'), [2, '', "sort: multi-character tab 'ab'\n"]);
	assert.deepEqual(out('sort nosuch'), [2, '', 'sort: cannot read: nosuch: No such file or directory\n']);
	assert.deepEqual(out('sort --bogus'), [2, '', "sort: unrecognized option '--bogus'\nTry 'sort --help' for more information.\n"]);
	assert.deepEqual(out('echo hi | wc'), [0, '      1       1       3\n', '']);
	assert.deepEqual(out('echo hi | wc -l'), [0, '1\n', '']);
	assert.deepEqual(out("printf 'a b\\n' > f; wc f"), [0, '1 2 4 f\n', '']);
	assert.deepEqual(out("printf '1\\n2\\n3\\n' | head -n -1"), [0, '1\n2\n', '']);
	assert.deepEqual(out("printf '1\\n2\\n3\\n' | head -2"), [0, '1\n2\n', '']);
	assert.deepEqual(out("printf '1\\n2\\n3\\n' | tail -n +2"), [0, '2\n3\n', '']);
	assert.deepEqual(out('head -n x'), [1, '', "head: invalid number of lines: 'x'\n"]);
	assert.deepEqual(out('head --bogus'), [1, '', "head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n"]);
	assert.deepEqual(out("printf 'a\\nb\\nc\\n' | grep -A1 a"), [0, 'a\nb\n', '']);
	assert.deepEqual(out("printf 'a\\nb\\n' | grep -x -e a -e b"), [0, 'a\nb\n', '']);
	assert.deepEqual(out("printf 'ab\\n' | grep -E 'a|z'"), [0, 'ab\n', '']);
	assert.deepEqual(out("printf 'a1\\n' | grep '[[:digit:]]'"), [0, 'a1\n', '']);
	assert.deepEqual(out('echo a | grep -A x a'), [2, '', 'grep: x: invalid context length argument\n']);
	assert.deepEqual(out('grep -m x a'), [2, '', 'grep: invalid max count\n']);
	assert.deepEqual(out('grep --bogus'), [2, '', "grep: unrecognized option '--bogus'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"]);
	for (const tool of ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'sed']) assert.equal(run(sandboxShell(), `${tool} --help`).exitCode, 0, tool);
});
