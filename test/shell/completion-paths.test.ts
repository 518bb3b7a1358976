// Tab on a path glued to a redirection, an assignment or an opening quote completes the path, as
// bash does (chapter 3's cgroup paths: echo 50000 >/sys/fs/cgroup/system.slice/docker-<Tab>).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {complete} from '../../source/shell/completion.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('a cgroup path completes after >, <, 2>>, X= and an opening quote, and after a lone > for any command', () => {
	const shell = sandboxShell();
	const id = run(shell, 'docker run -d --name web nginx').stdout.trim();
	const scope = `/sys/fs/cgroup/system.slice/docker-${id}.scope/`;
	const ctx = () => ({commands: shell.runtime.commands, state: shell.state});
	const tab = (line: string) => complete(line, line.length, ctx()).value;
	assert.equal(tab('cat /sys/fs/cgroup/system.slice/docker-'), `cat ${scope}`);
	assert.equal(tab('echo 50000 >/sys/fs/cgroup/system.slice/docker-'), `echo 50000 >${scope}`);
	assert.equal(tab('echo 1 2>>/sys/fs/cgroup/system.slice/docker-'), `echo 1 2>>${scope}`);
	assert.equal(tab('cat </sys/fs/cgroup/system.slice/docker-'), `cat <${scope}`);
	assert.equal(tab('D=/sys/fs/cgroup/system.slice/docker-'), `D=${scope}`);
	assert.equal(tab('cat "/sys/fs/cgroup/system.slice/docker-'), `cat "${scope}`);
	assert.equal(tab(`cat "${scope}memory.ma`), `cat "${scope}memory.max" `, 'a file closes the quote');
	assert.equal(tab('kubectl get pods > /sys/fs/cgroup/system.slice/docker-'), `kubectl get pods > ${scope}`);
	run(shell, 'cd /sys/fs/cgroup');
	assert.equal(tab('echo 1 >system.slice/docker-'), `echo 1 >system.slice/docker-${id}.scope/`);
});
