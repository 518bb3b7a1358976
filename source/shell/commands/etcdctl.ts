// etcdctl on the control-plane node: read the API server's objects straight from etcd's keys.
import {kubeEvents} from '../../engine/k8s/events.ts';
import {resourceInfos, etcdKey} from '../../engine/k8s/resources.ts';
import type {CommandSpec} from '../types.ts';

export const etcdctl: CommandSpec = {
	name: 'etcdctl',
	summary: "read the cluster's etcd keys (on the control-plane node)",
	run(args, ctx) {
		// Help needs no server, as with the real client.
		if (args.includes('--help') || args.includes('-h') || args[0] === 'help') return {stdout: help(args.find(a => !a.startsWith('-') && a !== 'help')), exitCode: 0};
		const c = ctx.world.cluster;
		if (!c || ctx.frame.host !== c.controlPlane) return {stdout: '', stderr: '{"level":"warn","msg":"retrying of unary invoker failed","error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"transport: Error while dialing: dial tcp 127.0.0.1:2379: connect: connection refused\\""}\nError: context deadline exceeded\n', exitCode: 1};
		if (!c.components.etcd) return {stdout: '', stderr: 'Error: context deadline exceeded\n', exitCode: 1};
		// Flags that take a value as the next word (--cacert FILE); `--flag=value` needs no skipping.
		const valued = new Set(['--endpoints', '--cacert', '--cert', '--key', '-w', '--write-out', '--user', '--password', '--dial-timeout', '--command-timeout', '--limit']);
		const positional: string[] = [];
		for (let i = 0; i < args.length; i++) {
			if (valued.has(args[i]!)) i++;
			else if (!args[i]!.startsWith('-')) positional.push(args[i]!);
		}
		const prefix = args.includes('--prefix');
		const keysOnly = args.includes('--keys-only');
		if (positional[0] === 'version' || args.includes('--version')) return {stdout: 'etcdctl version: 3.5.15\nAPI version: 3.5\n', exitCode: 0};
		if (positional[0] === 'member' || positional[0] === 'endpoint') return {stdout: '8e9e05c52164694d, started, control-plane, https://192.168.56.20:2380, https://192.168.56.20:2379, false\n', exitCode: 0};
		if (positional[0] !== 'get' || !positional[1]) return {stdout: '', stderr: 'Error: get command needs one argument as key and an optional argument as range_end\n', exitCode: 1};
		const wanted = positional[1];
		const entries: [string, string][] = [];
		for (const info of resourceInfos) {
			for (const obj of c.store[info.resource].values()) {
				const key = etcdKey(info, obj.metadata.namespace, obj.metadata.name);
				if (prefix ? key.startsWith(wanted) : key === wanted) entries.push([key, JSON.stringify(obj)]);
			}
		}
		for (const event of kubeEvents(ctx.world)) {
			const key = `/registry/events/${event.metadata.namespace}/${event.metadata.name}`;
			if (prefix ? key.startsWith(wanted) : key === wanted) entries.push([key, JSON.stringify(event)]);
		}
		entries.sort(([a], [b]) => a.localeCompare(b));
		const out = entries.map(([k, v]) => (keysOnly ? `${k}\n\n` : `${k}\n${v}\n`)).join('');
		return {stdout: out, exitCode: 0};
	},
};

const commands: Record<string, string> = {
	get: 'Gets the key or a range of keys',
	member: 'Membership related commands',
	endpoint: 'Endpoint related commands',
	version: 'Prints the version of etcdctl',
};

/** etcdctl's help (cobra's layout), for the commands the simulation answers. */
function help(command: string | undefined): string {
	if (command === 'get') return `NAME:\n\tget - Gets the key or a range of keys\n\nUSAGE:\n\tetcdctl get [options] <key> [range_end] [flags]\n\nOPTIONS:\n      --keys-only[=false]\t\tGet only the keys\n      --limit=0\t\t\tMaximum number of results\n      --prefix[=false]\t\tGet keys with matching prefix\n  -w, --write-out="simple"\tset the output format (fields, json, protobuf, simple, table)\n`;
	const rows = Object.entries(commands).map(([name, text]) => `\t${name}\t${text}`).join('\n');
	return `NAME:\n\tetcdctl - A simple command line client for etcd3.\n\nUSAGE:\n\tetcdctl [flags]\n\nVERSION:\n\t3.5.15\n\nAPI VERSION:\n\t3.5\n\nCOMMANDS:\n${rows}\n\nOPTIONS:\n      --cacert=""\t\t\tverify certificates of TLS-enabled secure servers using this CA bundle\n      --cert=""\t\t\tidentify secure client using this TLS certificate file\n      --endpoints=[127.0.0.1:2379]\tgRPC endpoints\n  -h, --help[=false]\t\t\thelp for etcdctl\n      --key=""\t\t\tidentify secure client using this TLS key file\n  -w, --write-out="simple"\t\tset the output format (fields, json, protobuf, simple, table)\n[simulator] only get, member list, endpoint and version are simulated here\n`;
}
