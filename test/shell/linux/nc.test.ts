// nc -zv HOST PORT through the simulated network (there was no nc). The words are the real tools':
// OpenBSD netcat on the hosts (measured with netcat-openbsd 1.219 against an open and a closed
// port): "Connection to %s (%s) %s port [tcp/%s] succeeded!", "nc: connect to %s port %s (tcp)
// failed: Connection refused" (only with -v); busybox nc in a container (networking/nc_bloaty.c):
// "%s (%s) open", a refusal said only from -vv ("nc: %s (%s): Connection refused", "sent 0, rcvd 0"),
// "nc: bad address '%s'".
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('on a host: OpenBSD netcat\'s words; the cluster\'s ports answer where kubeadm binds them', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	assert.deepEqual([run(shell, 'nc -zv 192.168.56.20 2379').stderr, run(shell, 'nc -zv 192.168.56.20 2379').exitCode], ['Connection to 192.168.56.20 2379 port [tcp/*] succeeded!\n', 0]);
	assert.deepEqual([run(shell, 'nc -zv 192.168.56.20 10259').stderr, run(shell, 'nc -zv 192.168.56.20 10259').exitCode], ['nc: connect to 192.168.56.20 port 10259 (tcp) failed: Connection refused\n', 1]);
	assert.deepEqual([run(shell, 'nc -z 192.168.56.20 10259').stderr, run(shell, 'nc -z 192.168.56.20 10259').exitCode], ['', 1], 'without -v it only sets the status');
	assert.equal(run(shell, 'nc -zv nosuch 80').stderr, 'nc: getaddrinfo for host "nosuch" port 80: Name or service not known\n');
	assert.match(run(shell, 'nc 192.168.56.21 10250').stderr, /^\[simulator\] nc connected to 192\.168\.56\.21 port 10250; sending and receiving/);
	run(shell, 'ssh control-plane');
	assert.equal(run(shell, 'nc -zv localhost 10259').stderr, 'Connection to localhost (127.0.0.1) 10259 port [tcp/*] succeeded!\n');
	assert.equal(run(shell, 'nc -zv 127.0.0.1 6443').stderr, 'Connection to 127.0.0.1 6443 port [tcp/*] succeeded!\n');
});

test('in a busybox pod: busybox nc\'s words, the Service\'s address as resolved', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl run bb --image=busybox -- sleep 9999');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl exec bb -- nc -zv kubernetes 443').stderr, 'kubernetes (10.96.0.1:443) open\n');
	assert.equal(run(shell, 'kubectl exec bb -- nc -zv 192.168.56.21 10250').stderr, '192.168.56.21 (192.168.56.21:10250) open\n');
	assert.equal(run(shell, 'kubectl exec bb -- nc -zv 192.168.56.20 10259').stderr, 'command terminated with exit code 1\n', 'one -v does not report a refusal');
	assert.equal(run(shell, 'kubectl exec bb -- nc -zvv 192.168.56.20 10259').stderr, 'nc: 192.168.56.20 (192.168.56.20:10259): Connection refused\nsent 0, rcvd 0\ncommand terminated with exit code 1\n');
	assert.equal(run(shell, 'kubectl exec bb -- nc -zv nosuch 1').stderr, "nc: bad address 'nosuch'\ncommand terminated with exit code 1\n");
});

test('nc reads its options as getopt does: clustered letters, a value in the word or the next, options end at the first operand', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	const refused = 'nc: connect to 192.168.56.20 port 10259 (tcp) failed: Connection refused\n';
	for (const line of ['nc -zvw3 192.168.56.20 10259', 'nc -zv -w 3 192.168.56.20 10259', 'nc -n -p 5 -zv 192.168.56.20 10259', 'nc -zv -- 192.168.56.20 10259']) assert.equal(run(shell, line).stderr, refused, line);
	const only = '[simulator] only nc [-z] [-v] HOST PORT (one port) is simulated here\n';
	for (const line of ['nc', 'nc -w', 'nc 192.168.56.20 -z 10259', 'nc -zv 192.168.56.20 10259 7']) assert.deepEqual([run(shell, line).stderr, run(shell, line).exitCode], [only, 1], line);
	// An option the simulation does not read, even a long one (both ncs read short options only), is said to be not simulated.
	assert.equal(run(shell, 'nc -x 192.168.56.20 10259').stderr, '[simulator] nc -x is not simulated here; nc -zv HOST PORT checks whether a TCP port answers\n');
	assert.equal(run(shell, 'nc --help').stderr, '[simulator] nc -- is not simulated here; nc -zv HOST PORT checks whether a TCP port answers\n');
});
