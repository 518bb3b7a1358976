// curl reads its options from its spec: prefixes as curl 8 takes them, its own words for an
// unknown, ambiguous or valueless option (exit 2), and real options the simulation does not act on accepted.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const tail = "curl: try 'curl --help' or 'curl --manual' for more information\n";

test('curl: unknown, ambiguous and valueless options in curl words', () => {
	const answer = (line: string) => {
		const r = run(sandboxShell(), line);
		return [r.exitCode, r.stderr];
	};
	assert.deepEqual(answer('curl --bogus'), [2, `curl: option --bogus: is unknown\n${tail}`]);
	assert.deepEqual(answer('curl -8'), [2, `curl: option -8: is unknown\n${tail}`]);
	assert.deepEqual(answer('curl -o'), [2, `curl: option -o: requires parameter\n${tail}`]);
	assert.deepEqual(answer('curl --out x'), [2, `curl: option --out: is ambiguous\n${tail}`]);
	assert.deepEqual(answer('curl --ver'), [2, `curl: option --ver: is ambiguous\n${tail}`]);
});

test('curl: the options learners type work, and real ones the simulation ignores are accepted', () => {
	const shell = sandboxShell();
	runAll(shell, ['docker run -d -p 8080:80 nginx']);
	assert.match(run(shell, 'curl -sSL --retry 3 --connect-timeout 5 --compressed localhost:8080').stdout, /^<!DOCTYPE html>/);
	assert.match(run(shell, 'curl -sI localhost:8080').stdout, /^HTTP\/1\.1 200 OK/);
	assert.match(run(shell, 'curl --verb localhost:8080').stderr, /^\*/, 'an unambiguous prefix of --verbose');
	assert.equal(run(shell, 'curl -s -o /tmp/page --url localhost:8080').exitCode, 0);
	assert.match(run(shell, 'cat /tmp/page').stdout, /^<!DOCTYPE html>/);
});

test('curl -m / --connect-timeout: a connect that would fail later ends at the limit with exit 28', () => {
	const shell = sandboxShell();
	// From host-1 a ClusterIP has no route: the connect fails after ARP's 3 s (cluster-dns.test.ts); -m 2 ends it first.
	// curl's lib/multi.c, while connecting: "Connection timed out after %" FMT_TIMEDIFF_T " milliseconds" (exit 28).
	const limited = run(shell, 'curl -m 2 10.96.0.2');
	assert.equal(limited.exitCode, 28);
	assert.equal(limited.stderr, 'curl: (28) Connection timed out after 2001 milliseconds\n');
	assert.equal(run(shell, 'curl --connect-timeout 1.5 10.96.0.2').stderr, 'curl: (28) Connection timed out after 1501 milliseconds\n');
	assert.equal(run(shell, 'curl -s --max-time 2 10.96.0.2').stderr, '', '-s keeps it quiet');
	// A limit longer than the failure changes nothing; -m 0 is no limit.
	assert.equal(run(shell, 'curl -m 5 10.96.0.2').stderr, "curl: (7) Failed to connect to 10.96.0.2 port 80 after 3068 ms: Couldn't connect to server\n");
	assert.equal(run(shell, 'curl -m 0 10.96.0.2').exitCode, 7);
});
