// Where connections go: loopback, addresses in any namespace on any host, NAT rules (published
// ports, ClusterIPs), added nameservers and resolvers, and the errors in between.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createHost, gib} from '../../../source/engine/host/create-host.ts';
import {spawnProcess} from '../../../source/engine/host/processes.ts';
import {powerOffHost} from '../../../source/engine/host/power.ts';
import {createNamespace} from '../../../source/engine/host/namespaces.ts';
import {connect} from '../../../source/engine/network/connect.ts';
import {httpRequest} from '../../../source/engine/network/http.ts';
import {createWorldBehaviour} from '../../../source/engine/world-behaviour.ts';
import {emptyWorld, type World} from '../../../source/engine/world.ts';

type Setup = {world: World; shell1: number; shell2: number; podPid: number};

/** Two hosts; on host b a "pod" net namespace 10.244.1.5 with a kubia server on 8080 and its own hostname. */
function setup(): Setup {
	let shell1 = 0;
	let shell2 = 0;
	let podPid = 0;
	const world = produce(emptyWorld(9), w => {
		const a = createHost(w, {name: 'a', ip: '192.168.1.10', memoryBytes: 2 * gib});
		const b = createHost(w, {name: 'b', ip: '192.168.1.11', memoryBytes: 2 * gib});
		shell1 = spawnProcess(w, a, {parentPid: 1, command: '-bash'}).pid;
		shell2 = spawnProcess(w, b, {parentPid: 1, command: '-bash'}).pid;
		const net = createNamespace(b, 'net', 1);
		net.interfaces = [{name: 'lo', kind: 'loopback', state: 'UP', mac: '00:00:00:00:00:00', mtu: 65536, addresses: ['127.0.0.1/8'], index: 1}, {name: 'eth0', kind: 'ethernet', state: 'UP', mac: '0a:58:0a:f4:01:05', mtu: 1450, addresses: ['10.244.1.5/24'], index: 3}];
		const uts = createNamespace(b, 'uts', 1, {hostname: 'kubia-7x2kq'});
		podPid = spawnProcess(w, b, {parentPid: 1, command: 'node app.js', namespaces: {net: net.id, uts: uts.id}, workload: {kind: 'server', port: 8080, protocol: 'http', app: 'kubia'}}).pid;
		spawnProcess(w, a, {parentPid: 1, command: 'nginx', workload: {kind: 'server', port: 80, protocol: 'http', app: 'nginx'}});
	});
	return {world, shell1, shell2, podPid};
}

test('a pod IP on another host is reachable, the app answers with its hostname, and sees the caller unNATed', () => {
	const s = setup();
	produce(s.world, w => {
		const r = httpRequest(w, {host: 'a', pid: s.shell1}, '10.244.1.5', 8080, '/');
		assert.ok(r.ok);
		assert.equal(r.response.body, "You've hit kubia-7x2kq\n");
		assert.equal(r.request.sourceIp, '192.168.1.10');
	});
});

test('localhost is the caller namespace; a host name resolves to its IP', () => {
	const s = setup();
	produce(s.world, w => {
		const local = httpRequest(w, {host: 'a', pid: s.shell1}, 'localhost', 80, '/');
		assert.ok(local.ok && local.response.body.includes('Welcome to nginx!'));
		const byName = connect(w, {host: 'b', pid: s.shell2}, 'a', 80);
		assert.ok(byName.ok && byName.ip === '192.168.1.10');
		const none = connect(w, {host: 'b', pid: s.shell2}, 'localhost', 80);
		assert.deepEqual(none.ok ? 'ok' : none.error, 'refused');
	});
});

test('errors: unknown name, closed port, powered-off host, nowhere', () => {
	const s = setup();
	produce(s.world, w => {
		const result = (target: string, port: number) => {
			const r = connect(w, {host: 'a', pid: s.shell1}, target, port);
			return r.ok ? 'ok' : r.error;
		};
		assert.equal(result('nosuch', 80), 'resolve');
		assert.equal(result('10.244.1.5', 9999), 'refused');
		assert.equal(result('172.31.0.9', 80), 'timeout');
		assert.equal(result('192.168.1.77', 80), 'unreachable', 'nobody on the attached subnet answers ARP');
		powerOffHost(w, 'b');
		assert.equal(result('192.168.1.11', 22), 'unreachable');
	});
});

test('a host NAT rule (a published port) forwards to its target, with the source rewritten', () => {
	const s = setup();
	const w1 = produce(s.world, w => {
		w.hosts.get('b')!.natRules.push({destination: 'local', port: 30080, targets: [{ip: '10.244.1.5', port: 8080}], owner: 'docker-proxy', sourceRewrite: '172.17.0.1'});
	});
	produce(w1, w => {
		const r = httpRequest(w, {host: 'a', pid: s.shell1}, '192.168.1.11', 30080, '/');
		assert.ok(r.ok);
		assert.equal(r.response.body, "You've hit kubia-7x2kq\n");
		assert.equal(r.request.sourceIp, '172.17.0.1');
		assert.deepEqual(r.connection.hops, ['docker-proxy: 192.168.1.11:30080 -> 10.244.1.5:8080']);
		const fromInside = connect(w, {host: 'b', pid: s.shell2}, 'localhost', 30080);
		assert.ok(fromInside.ok, 'the host itself reaches its published port on localhost');
	});
});

test('added nameservers and connect resolvers add virtual names and addresses (a Service ClusterIP and its DNS name)', () => {
	const s = setup();
	const behaviour = createWorldBehaviour({
		dnsServers: [(_w, _caller, _server, name) => (name === 'kubia.default.svc.cluster.local' ? {rcode: 'NOERROR', authoritative: true, records: [{type: 'A', name, ip: '10.96.0.20'}]} : undefined)],
		connectResolvers: [(_w, attempt) => (attempt.ip === '10.96.0.20' && attempt.port === 80 ? {kind: 'redirect', ip: '10.244.1.5', port: 8080, via: 'kube-proxy'} : undefined)],
	});
	produce(s.world, w => {
		const r = httpRequest(w, {host: 'a', pid: s.shell1}, 'kubia.default.svc.cluster.local', 80, '/', 'GET', behaviour);
		assert.ok(r.ok);
		assert.equal(r.response.body, "You've hit kubia-7x2kq\n");
		assert.equal(r.request.sourceIp, '192.168.1.10');
		// Without them, the same world has no such name: nothing was left registered behind.
		assert.equal(httpRequest(w, {host: 'a', pid: s.shell1}, 'kubia.default.svc.cluster.local', 80, '/').ok, false);
	});
});

test('a NAT rule with several targets spreads connections using the seeded RNG', () => {
	const s = setup();
	let seen = new Set<string>();
	const w1 = produce(s.world, w => {
		const b = w.hosts.get('b')!;
		const uts = createNamespace(b, 'uts', 1, {hostname: 'kubia-second'});
		const net = createNamespace(b, 'net', 1);
		net.interfaces = [{name: 'eth0', kind: 'ethernet', state: 'UP', mac: '0a:58:0a:f4:01:06', mtu: 1450, addresses: ['10.244.1.6/24'], index: 4}];
		spawnProcess(w, b, {parentPid: 1, command: 'node app.js', namespaces: {net: net.id, uts: uts.id}, workload: {kind: 'server', port: 8080, protocol: 'http', app: 'kubia'}});
		w.hosts.get('a')!.natRules.push({destination: '10.96.0.30', port: 80, targets: [{ip: '10.244.1.5', port: 8080}, {ip: '10.244.1.6', port: 8080}], owner: 'kube-proxy'});
	});
	produce(w1, w => {
		seen = new Set();
		for (let i = 0; i < 20; i++) {
			const r = httpRequest(w, {host: 'a', pid: s.shell1}, '10.96.0.30', 80, '/');
			if (r.ok) seen.add(r.response.body);
		}
	});
	assert.deepEqual([...seen].sort(), ["You've hit kubia-7x2kq\n", "You've hit kubia-second\n"]);
});
