// Issue 15, finding 10 (docker part):
// - docker system df -v lists images with their CREATED age (cli formatter/disk_usage.go verbose
//   header "REPOSITORY TAG IMAGE ID CREATED SIZE SHARED SIZE UNIQUE SIZE CONTAINERS") and volumes
//   with their LINKS and SIZE.
// - net.ipv4.ip_forward: root on the host may write it; a container's /proc/sys is read-only.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dockerShell, expectLine, run} from './helpers.ts';

test('docker system df -v shows each image\'s age and the local volumes', () => {
	const shell = dockerShell();
	run(shell, 'docker pull nginx');
	run(shell, 'docker volume create site');
	run(shell, "docker run -d --name web -v site:/data busybox sh -c 'echo hello > /data/index.html; sleep 600'");
	const out = run(shell, 'docker system df -v').stdout;
	const imagesTable = out.split('\n\n')[1]!.split('\n');
	assert.match(imagesTable[0]!, /^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE +SHARED SIZE +UNIQUE SIZE +CONTAINERS$/);
	const nginxRow = imagesTable.find(line => line.startsWith('nginx '))!;
	assert.match(nginxRow, /^nginx +latest +[0-9a-f]{12} +(\d+|an?) (days?|weeks?|months?|years?) ago +\d/);
	assert.match(out, /Local Volumes space usage:\n\nVOLUME NAME +LINKS +SIZE\nsite +1 +6B\n/);
	assert.match(run(shell, 'docker system df').stdout, /Local Volumes +1 +1 +6B +0B \(0%\)/);
});

test('echo 1 > /proc/sys/net/ipv4/ip_forward works as root on the host, not inside a container', () => {
	const shell = dockerShell();
	expectLine(shell, 'cat /proc/sys/net/ipv4/ip_forward', '1\n');
	expectLine(shell, 'echo 0 > /proc/sys/net/ipv4/ip_forward', '');
	expectLine(shell, 'cat /proc/sys/net/ipv4/ip_forward', '0\n');
	expectLine(shell, 'echo 1 > /proc/sys/net/ipv4/ip_forward', '');
	expectLine(shell, 'cat /proc/sys/net/ipv4/ip_forward', '1\n');
	run(shell, 'docker pull busybox');
	const inside = run(shell, "docker run --rm busybox sh -c 'echo 0 > /proc/sys/net/ipv4/ip_forward'");
	assert.equal(inside.exitCode, 1);
	assert.match(inside.stderr, /\/proc\/sys\/net\/ipv4\/ip_forward: Read-only file system\n$/);
});
