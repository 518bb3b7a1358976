// kubectl port-forward: a local port on the machine kubectl runs on that reaches a pod (of a
// Service, a Deployment...). It keeps running as a process until it is killed; while it runs,
// `curl localhost:PORT` in the same shell reaches the pod (a NAT rule the process holds).
import {produce} from 'immer';
import {listeningServer} from '../../../engine/network/connect.ts';
import {spawnProcess} from '../../../engine/host/processes.ts';
import {digestHex} from '../../../engine/hash.ts';
import type {CommandOutcome} from '../../types.ts';
import {isBackgrounded} from '../linux/context.ts';
import {fail, type Kctx} from './context.ts';
import {podsFor} from './logs-exec.ts';

type Mapping = {local: number; remote: number; remoteText: string};

function parsePorts(specs: string[], seed: string): Mapping[] | {error: string} {
	const out: Mapping[] = [];
	for (const spec of specs) {
		const [localText, remoteText] = spec.includes(':') ? spec.split(':', 2) as [string, string] : [spec, spec];
		if (!/^\d*$/.test(localText) || !/^[\w-]+$/.test(remoteText)) return {error: `error: Error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`};
		// An empty local port: the system picks a free one.
		const local = localText === '' ? 30000 + (parseInt(digestHex(`${seed}:${spec}`, 4), 16) % 30000) : Number(localText);
		out.push({local, remote: Number(remoteText), remoteText});
	}
	return out;
}

export function kubectlPortForward(k: Kctx): CommandOutcome {
	const [ref, ...specs] = k.args.positional;
	if (!ref || specs.length === 0) return fail("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
	const found = podsFor(k, ref);
	if ('error' in found) return fail(found.error);
	const pod = found.pods[0];
	const ports = parsePorts(specs, `${k.ctx.commandLine}:${k.ctx.world.time}`);
	if ('error' in ports) return fail(ports.error);
	const c = k.ctx.world.cluster!;
	// A Service's port stands for its targetPort; a named port is looked up in the pod's containers.
	const svc = ref.startsWith('svc/') || ref.startsWith('service/') || ref.startsWith('services/') ? c.store.services.get(`${pod.metadata.namespace}/${ref.split('/')[1]}`) : undefined;
	for (const p of ports) {
		let target: number | string = Number.isNaN(p.remote) ? p.remoteText : p.remote;
		if (svc) {
			const port = (svc.spec.ports ?? []).find(x => x.port === target || x.name === target);
			if (!port) return fail(`error: Service ${svc.metadata.name} does not have a service port ${target}`);
			target = port.targetPort ?? port.port;
		}
		if (typeof target === 'string') {
			const named = pod.spec.containers.flatMap(x => x.ports ?? []).find(x => x.name === target);
			if (!named) return fail(`error: Pod '${pod.metadata.name}' does not have a named port '${target}'`);
			target = named.containerPort;
		}
		p.remote = Number(target);
	}
	if (pod.status?.phase !== 'Running') return fail(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
	const hostName = k.ctx.frame.host;
	const host = k.ctx.world.hosts.get(hostName)!;
	const shell = host.processes.get(k.ctx.frame.pid);
	for (const p of ports) {
		const taken = (shell && listeningServer(host, shell.namespaces.net, p.local)) || host.natRules.some(r => r.destination === 'local' && r.port === p.local);
		if (taken) return fail(`Unable to listen on port ${p.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${p.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${p.local}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${p.local} ${p.remote}}]`);
	}
	let pid = 0;
	const world = produce(k.ctx.world, w => {
		const h = w.hosts.get(hostName)!;
		pid = spawnProcess(w, h, {parentPid: k.ctx.frame.pid, command: `kubectl port-forward ${k.args.positional.join(' ')}`, memoryBytes: 30 * 1024 * 1024}).pid;
		// The stream goes through the API server to the kubelet, which dials the pod from its node.
		const nodeIp = w.hosts.get(pod.spec.nodeName!)?.ip;
		for (const p of ports) h.natRules.push({destination: 'local', port: p.local, targets: [{ip: pod.status!.podIP!, port: p.remote}], owner: 'kubectl', comment: `port-forward ${pod.metadata.namespace}/${pod.metadata.name}`, pid, ...(nodeIp ? {sourceRewrite: nodeIp} : {})});
	});
	const stdout = ports.map(p => `Forwarding from 127.0.0.1:${p.local} -> ${p.remote}\nForwarding from [::1]:${p.local} -> ${p.remote}\n`).join('');
	const note = isBackgrounded(k.ctx, 'kubectl') ? '' : `[simulator] kubectl port-forward keeps running in the background as pid ${pid} (this shell never blocks); stop it with: kill ${pid}\n`;
	return {stdout, stderr: note, exitCode: 0, world, spawnedPid: pid};
}
