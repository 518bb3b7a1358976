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
	// untarAll writes the stream at the destination itself: an existing local directory cannot take a file.
	assert.equal(run(shell, 'kubectl cp web:/etc/hostname /tmp').text, "tar: Removing leading `/' from member names\nerror: open /tmp: is a directory\n");
	assert.equal(run(shell, 'kubectl cp web:/etc/nginx /etc/hostname').text, "tar: Removing leading `/' from member names\nerror: mkdir /etc/hostname: not a directory\n");
	assert.equal(run(shell, 'mkdir site && kubectl cp site web:/nope/x').text, 'tar: /nope: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n');
});

// kubectl's copyFromPod untars into the destination (a directory's contents land in it, merged
// into one that exists); copyToPod puts the source under its own name into a directory that
// exists in the pod (test -d), else at the path given.
test('cp a directory out of a pod: its contents land in the destination, merged into one that exists', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	const out = run(shell, 'kubectl cp web:/etc/nginx nginx-conf');
	assert.equal(out.text, "tar: Removing leading `/' from member names\n");
	assert.equal(out.exitCode, 0);
	assert.equal(run(shell, 'ls nginx-conf').stdout, run(shell, 'kubectl exec web -- ls /etc/nginx').stdout);
	assert.equal(run(shell, 'cat nginx-conf/conf.d/default.conf').stdout, run(shell, 'kubectl exec web -- cat /etc/nginx/conf.d/default.conf').stdout);
	run(shell, 'mkdir keep && echo mine > keep/own.txt');
	assert.equal(run(shell, 'kubectl cp web:/etc/nginx/conf.d keep').exitCode, 0);
	assert.equal(run(shell, 'ls keep').stdout.split(/\s+/).filter(Boolean).sort().join(' '), 'default.conf own.txt', 'merged, not nested as keep/conf.d');
});

test('cp a directory into a pod: under its own name in a directory that exists, else at the path given', () => {
	const shell = sandboxShell({files: {'site/index.html': '<h1>hi</h1>\n', 'site/css/a.css': 'body{}\n'}});
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl cp site web:/usr/share/nginx/html').text, '');
	assert.equal(run(shell, 'kubectl exec web -- cat /usr/share/nginx/html/site/index.html').stdout, '<h1>hi</h1>\n');
	assert.equal(run(shell, 'kubectl exec web -- cat /usr/share/nginx/html/site/css/a.css').stdout, 'body{}\n');
	assert.equal(run(shell, 'kubectl cp site web:/tmp/new').exitCode, 0);
	assert.equal(run(shell, 'kubectl exec web -- ls /tmp/new').stdout.split(/\s+/).filter(Boolean).sort().join(' '), 'css index.html');
	// A directory made in the learner's shell goes the same way.
	run(shell, 'mkdir -p d/e && echo x > d/e/f');
	assert.equal(run(shell, 'kubectl cp d web:/tmp').exitCode, 0);
	assert.equal(run(shell, 'kubectl exec web -- cat /tmp/d/e/f').stdout, 'x\n');
});
