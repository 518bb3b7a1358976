// kubectl events (kubectl's events printer: LAST SEEN with "(xN over D)" for repeats, OBJECT as
// Kind/name, oldest first; --for, --types, -A; "No events found in <ns> namespace.").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('events oldest first, Kind/name objects, repeats folded; --for and --types filter', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'kubectl run bad --image=nginx:9.9.9');
	run(shell, 'sleep 60');
	const all = run(shell, 'kubectl events').stdout.split('\n');
	assert.match(all[0]!, /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
	assert.match(all[1]!, /^\d+s +Normal +Scheduled +Pod\/(web|bad) +Successfully assigned default\/(web|bad) to worker-\d$/);
	assert.ok(all.some(line => /^\d+s \(x\d over \d+s\) +Warning +Failed +Pod\/bad +Error: ErrImagePull$/.test(line)), all.join('\n'));
	const warnings = run(shell, 'kubectl events --for pod/bad --types=Warning').stdout.trim().split('\n').slice(1);
	assert.ok(warnings.length >= 2);
	for (const line of warnings) assert.match(line, / Warning +Failed +Pod\/bad /);
	assert.match(run(shell, 'kubectl events -A').stdout, /^NAMESPACE +LAST SEEN/);
	assert.equal(run(shell, 'kubectl events -n kube-public').stderr, 'No events found in kube-public namespace.\n');
	assert.equal(run(shell, 'kubectl events --types=Bad').stderr, 'error: valid --types are Normal or Warning\n');
});
