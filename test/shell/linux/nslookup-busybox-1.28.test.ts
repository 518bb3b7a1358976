// busybox:1.28, the image of the Kubernetes docs' "Debugging DNS Resolution": its nslookup is the
// old applet, which resolves through the C library (search list, ndots) and names each address by
// a reverse lookup. The docs' transcript, kept as it is printed (issue 15):
//   Server:    10.0.0.10
//   Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local
//
//   Name:      kubernetes.default
//   Address 1: 10.0.0.1 kubernetes.default.svc.cluster.local
// and for a name it cannot find: "nslookup: can't resolve 'NAME'" on stderr, exit status 1.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('busybox:1.28 nslookup prints as busybox 1.28 does; today\'s busybox keeps its own format', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run bb --image=busybox:1.28 -- sleep 3600');
	run(shell, 'kubectl run today --image=busybox -- sleep 3600');
	run(shell, 'sleep 20');
	const found = run(shell, 'kubectl exec bb -- nslookup kubernetes.default');
	assert.equal(found.text, 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
	assert.equal(found.exitCode, 0);
	const missing = run(shell, 'kubectl exec bb -- nslookup nope');
	assert.equal(missing.stdout, 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
	assert.equal(missing.stderr, "nslookup: can't resolve 'nope'\ncommand terminated with exit code 1\n");
	assert.equal(missing.exitCode, 1);
	// busybox 1.37 applies no search list to a name with a dot: kubernetes.default is not found.
	assert.match(run(shell, 'kubectl exec today -- nslookup kubernetes.default').stdout, /^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\n\*\* server can't find kubernetes\.default: NXDOMAIN\n/);
	assert.match(run(shell, 'docker pull busybox:1.28').stdout, /^1\.28: Pulling from library\/busybox\n/);
});
