// kubectl cp between the machine kubectl runs on and a pod's container, with tar's words.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('cp a file out of a pod and into it; tar strips the leading slash and says so', () => {
	const shell = sandboxShell({files: {'index.html': '<h1>hello</h1>\n'}});
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	const out = run(shell, 'kubectl cp web:/etc/hostname hostname.txt');
	assert.equal(out.stderr, "tar: Removing leading `/' from member names\n");
	assert.equal(out.exitCode, 0);
	assert.equal(run(shell, 'cat hostname.txt').stdout, 'web\n');
	assert.equal(run(shell, 'kubectl cp index.html default/web:/usr/share/nginx/html/index.html').exitCode, 0);
	assert.equal(run(shell, 'kubectl exec web -- cat /usr/share/nginx/html/index.html').stdout, '<h1>hello</h1>\n');
	assert.equal(run(shell, 'kubectl cp index.html web:/tmp').exitCode, 0, 'into a directory: the file keeps its name');
	assert.equal(run(shell, 'kubectl exec web -- cat /tmp/index.html').stdout, '<h1>hello</h1>\n');
});

test('cp errors are kubectl\'s and tar\'s', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl cp a b').stderr, 'error: one of src or dest must be a remote file specification\n');
	assert.equal(run(shell, 'kubectl cp web:/a web:/b').stderr, 'error: one of src or dest must be a local file specification\n');
	assert.equal(run(shell, 'kubectl cp nope.txt web:/tmp/x').stderr, "error: nope.txt doesn't exist in local filesystem\n");
	assert.equal(run(shell, 'kubectl cp nope:/etc/hostname x').stderr, 'Error from server (NotFound): pods "nope" not found\n');
	assert.match(run(shell, 'kubectl cp web:/no/such x').stderr, /tar: no\/such: Cannot stat: No such file or directory\n/);
	assert.match(run(shell, 'kubectl cp web:/etc x').stderr, /^\[simulator\] kubectl cp of a directory/);
});
