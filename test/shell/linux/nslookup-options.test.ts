// nslookup's options are its own words: bind 9's setoption() (first N characters decide, an unknown
// one is "*** Invalid option: X" on stdout and the lookup goes on) on an Ubuntu host; busybox 1.36's
// seven exact names, only before the HOST, anything else its usage (exit 1), in a container.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {complete} from '../../../source/shell/completion.ts';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

function withBusybox() {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	runAll(shell, ['docker run -d --name bb busybox sleep 999']);
	return shell;
}

test('bind nslookup on the host: an unknown option or query type is said on stdout and the lookup goes on', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'nslookup -foo localhost').stdout, /^\*\*\* Invalid option: foo\nServer:\t\t/);
	assert.match(run(shell, 'nslookup -type=BOGUS localhost').stdout, /^unknown query type: BOGUS\nServer:\t\t/);
	const abbreviated = run(shell, 'nslookup -ty=A -q=a -searchXYZ localhost');
	assert.match(abbreviated.stdout, /^Server:\t\t/, 'ty=, q= and sea... are type, querytype and search');
	assert.equal(abbreviated.stderr, '[simulator] nslookup -searchXYZ: accepted, not simulated here\n');
	assert.equal(run(shell, 'nslookup -debug localhost').stderr, '[simulator] nslookup -debug: accepted, not simulated here\n');
});

test('busybox nslookup in a container: exact option names before the HOST, else its usage; a bad type in its words', () => {
	const shell = withBusybox();
	const answer = (line: string) => {
		const r = run(shell, line);
		return [r.exitCode, r.stdout, r.stderr];
	};
	assert.deepEqual(answer('docker exec bb nslookup -foo web'), [1, '', usage]);
	assert.deepEqual(answer('docker exec bb nslookup -ty=a web'), [1, '', usage], 'busybox takes no abbreviations');
	assert.deepEqual(answer('docker exec bb nslookup web -type=a'), [1, '', usage], 'options only before the HOST');
	assert.deepEqual(answer('docker exec bb nslookup -type=bogus web'), [1, '', 'nslookup: invalid query type "bogus"\n']);
	const onlyA = run(shell, 'docker exec bb nslookup -type=a web').stdout;
	assert.equal(onlyA.split("** server can't find web").length - 1, 1, 'only the A query');
	assert.equal(run(shell, 'docker exec bb nslookup web').stdout.split("** server can't find web").length - 1, 2, 'A and AAAA');
});

test('Tab offers the nslookup options of where the shell runs', () => {
	const host = sandboxShell();
	assert.ok(complete('nslookup -nos', 13, {commands: host.runtime.commands, state: host.state}).value.startsWith('nslookup -nosearch'));
	const shell = withBusybox();
	run(shell, 'docker exec -it bb sh');
	assert.deepEqual(complete('nslookup -', 10, {commands: shell.runtime.commands, state: shell.state}).candidates, ['-debug', '-port=', '-querytype=', '-retry=', '-t=', '-timeout=', '-type=']);
});
