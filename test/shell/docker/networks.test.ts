// Docker's user-defined networks: containers on one find each other by name through the embedded
// DNS server at 127.0.0.11; on the default bridge they do not (only by address); bridges are
// isolated from each other. Daemon wordings (moby 28): "network with name %s already exists",
// "network %s not found", "%s is a pre-defined network and cannot be removed",
// "container %s is not connected to network %s".
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function dockerHost() {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'docker pull nginx');
	run(shell, 'docker pull busybox');
	return shell;
}

test('docker network create | ls | inspect | rm', () => {
	const shell = dockerHost();
	const before = run(shell, 'docker network ls').stdout;
	assert.match(before, /^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}bridge {4}bridge {4}local\n[0-9a-f]{12} {3}host {6}host {6}local\n[0-9a-f]{12} {3}none {6}null {6}local\n$/);
	const id = run(shell, 'docker network create mynet').stdout.trim();
	assert.match(id, /^[0-9a-f]{64}$/);
	assert.match(run(shell, 'docker network ls').stdout, new RegExp(`\\n${id.slice(0, 12)} {3}mynet {5}bridge {4}local\\n`));
	assert.equal(run(shell, 'docker network create mynet').stderr, 'Error response from daemon: network with name mynet already exists\n');
	const inspected = JSON.parse(run(shell, 'docker network inspect mynet').stdout) as {Name: string; Id: string; Driver: string; IPAM: {Config: {Subnet: string; Gateway: string}[]}; Containers: object}[];
	assert.equal(inspected[0]!.Id, id);
	assert.deepEqual(inspected[0]!.IPAM.Config, [{Subnet: '172.18.0.0/16', Gateway: '172.18.0.1'}]);
	assert.equal(run(shell, 'docker network inspect -f {{.Driver}} mynet').stdout, 'bridge\n');
	assert.equal(run(shell, 'docker network rm bridge').stderr, 'Error response from daemon: bridge is a pre-defined network and cannot be removed\n');
	assert.equal(run(shell, 'docker network rm nosuch').stderr, 'Error response from daemon: network nosuch not found\n');
	assert.equal(run(shell, 'docker network rm mynet').stdout, 'mynet\n');
	assert.equal(run(shell, 'docker network ls').stdout, before);
	assert.equal(run(shell, 'docker run --network nosuch busybox').stderr, "docker: Error response from daemon: network nosuch not found\n\nRun 'docker run --help' for more information\n");
});

test('containers on a user network resolve each other by name; on the default bridge they do not', () => {
	const shell = dockerHost();
	run(shell, 'docker network create mynet');
	run(shell, 'docker run -d --name web --network mynet nginx');
	run(shell, 'docker run -d --name plain nginx');
	assert.match(run(shell, 'docker run --rm --network mynet busybox cat /etc/resolv.conf').stdout, /^nameserver 127\.0\.0\.11\noptions ndots:0\n/m);
	assert.match(run(shell, 'docker run --rm --network mynet busybox wget -qO- web').stdout, /Welcome to nginx!/);
	assert.equal(run(shell, "docker ps --format '{{.Names}} {{.Networks}}'").stdout, 'plain bridge\nweb mynet\n');
	assert.equal(run(shell, 'docker run --rm --network mynet busybox nslookup web').stdout, 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n\n');
	// The default bridge has no embedded DNS: names do not resolve there, addresses do.
	assert.equal(run(shell, 'docker run --rm busybox wget -qO- plain').stderr, "wget: bad address 'plain'\n");
	assert.match(run(shell, 'docker run --rm busybox wget -qO- 172.17.0.2').stdout, /Welcome to nginx!/);
	// A container not on mynet is not found by name from it, until it is connected.
	assert.equal(run(shell, 'docker run --rm --network mynet busybox wget -qO- plain').stderr, "wget: bad address 'plain'\n");
	assert.equal(run(shell, 'docker network connect mynet plain').exitCode, 0);
	assert.match(run(shell, 'docker run --rm --network mynet busybox wget -qO- plain').stdout, /Welcome to nginx!/);
	assert.equal(run(shell, 'docker network connect mynet plain').stderr, 'Error response from daemon: endpoint with name plain already exists in network mynet\n');
	assert.equal(run(shell, 'docker network rm mynet').exitCode, 1);
	assert.equal(run(shell, 'docker network disconnect mynet plain').exitCode, 0);
	assert.match(run(shell, 'docker network disconnect mynet plain').stderr, /^Error response from daemon: container [0-9a-f]{64} is not connected to network mynet\n$/);
	assert.equal(run(shell, 'docker run --rm --network mynet busybox wget -qO- plain').stderr, "wget: bad address 'plain'\n");
	// --network-alias adds a name on that network.
	run(shell, 'docker run -d --name api --network mynet --network-alias backend nginx');
	assert.match(run(shell, 'docker run --rm --network mynet busybox wget -qO- backend').stdout, /Welcome to nginx!/);
});

test('bridge networks are isolated from each other; the host reaches both', () => {
	const shell = dockerHost();
	run(shell, 'docker network create mynet');
	run(shell, 'docker run -d --name web --network mynet nginx');
	run(shell, 'docker run -d --name plain nginx');
	assert.equal(run(shell, 'docker run --rm busybox wget -qO- 172.18.0.2').stderr, 'wget: download timed out\n');
	assert.equal(run(shell, 'docker run --rm --network mynet busybox wget -qO- 172.17.0.2').stderr, 'wget: download timed out\n');
	assert.match(run(shell, 'curl -s 172.18.0.2').stdout, /Welcome to nginx!/);
	assert.match(run(shell, 'curl -s 172.17.0.2').stdout, /Welcome to nginx!/);
});

// docker inspect lists the container's networks with the daemon's EndpointSettings (issue 15:
// a container on a user network showed none): each network by name, keys sorted as Go writes a
// map; a user network's DNSNames are the name, the short id and the aliases; a stopped container
// keeps its networks with their addresses emptied.
test('docker inspect shows NetworkSettings.Networks for every network the container is on', () => {
	const shell = sandboxShell();
	run(shell, 'docker network create mynet');
	run(shell, 'docker run -d --name web --network mynet --network-alias www nginx');
	run(shell, 'docker run -d --name plain nginx');
	run(shell, 'docker network connect mynet plain');
	const netId = run(shell, 'docker network inspect mynet --format "{{.Id}}"').stdout.trim();
	const webId = run(shell, 'docker inspect web --format "{{.Id}}"').stdout.trim();
	const web = JSON.parse(run(shell, 'docker inspect web --format "{{json .NetworkSettings.Networks}}"').stdout);
	assert.deepEqual(Object.keys(web), ['mynet']);
	assert.deepEqual(Object.keys(web.mynet), ['IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames']);
	assert.equal(web.mynet.NetworkID, netId);
	assert.equal(web.mynet.Gateway, '172.18.0.1');
	assert.equal(web.mynet.IPAddress, '172.18.0.2');
	assert.equal(web.mynet.MacAddress, '02:42:ac:12:00:02');
	assert.deepEqual(web.mynet.Aliases, ['www']);
	assert.deepEqual(web.mynet.DNSNames, ['web', webId.slice(0, 12), 'www']);
	assert.match(web.mynet.EndpointID, /^[0-9a-f]{64}$/);
	assert.equal(run(shell, 'docker inspect web --format "{{.HostConfig.NetworkMode}}"').stdout, 'mynet\n');
	const plain = JSON.parse(run(shell, 'docker inspect plain --format "{{json .NetworkSettings.Networks}}"').stdout);
	assert.deepEqual(Object.keys(plain), ['bridge', 'mynet']);
	assert.equal(plain.bridge.IPAddress, '172.17.0.2');
	assert.equal(plain.bridge.DNSNames, null);
	assert.equal(plain.mynet.IPAddress, '172.18.0.3');
	run(shell, 'docker stop web');
	const stopped = JSON.parse(run(shell, 'docker inspect web --format "{{json .NetworkSettings.Networks}}"').stdout);
	assert.deepEqual([stopped.mynet.NetworkID, stopped.mynet.IPAddress, stopped.mynet.EndpointID, stopped.mynet.DNSNames], [netId, '', '', null]);
});
