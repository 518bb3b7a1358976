// nc: does a TCP port answer? `nc -zv HOST PORT` through the simulated network, in the words of
// the nc the caller has: busybox's (nc 1.10 compatible, networking/nc_bloaty.c) in a busybox
// container, OpenBSD netcat (netcat-openbsd, Ubuntu's nc) on a host. Measured with netcat-openbsd
// 1.219 and read from busybox's source:
//   OpenBSD: "Connection to %s (%s) %s port [%s/%s] succeeded!" (the address only when the name
//     differs, the service from /etc/services or *); -v: "nc: connect to %s port %s (tcp) failed: %s";
//     getaddrinfo: `nc: getaddrinfo for host "%s" port %s: Name or service not known`
//   busybox: -v "%s (%s) open"; a refusal is printed only from -vv ("nc: %s (%s): Connection refused",
//     then "sent 0, rcvd 0"); a name it cannot resolve: "nc: bad address '%s'"
// What nc sends and receives once connected is not simulated: a [simulator] line says so.
import {produce} from 'immer';
import {connect, type ConnectOutcome} from '../../../engine/network/connect.ts';
import {lookupHost} from '../../../engine/network/dns.ts';
import {flag, parseOptions, type OptionsSpec} from '../../options.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, lostShell} from './context.ts';
import {usesBusybox} from './busybox.ts';

/** The few services of Ubuntu's /etc/services (netbase 6.4) that the lab's ports have. */
const services: Record<number, string> = {22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt'};

const errnoText = {refused: 'Connection refused', unreachable: 'No route to host', timeout: 'Connection timed out'} as const;

/**
 * The options both ncs share that the simulation reads or passes over; any other letter is said to be
 * not simulated (style 'own': run() words it). Options end at the first operand, as both read them.
 */
const ncOptions: OptionsSpec = {
	usage: ['nc [-z] [-v] HOST PORT'],
	about: 'does a TCP port answer?',
	style: 'own',
	shortOnly: true,
	stopAtOperand: true,
	options: [
		flag('z', undefined, 'only scan for listening daemons, without sending any data'),
		flag('v', undefined, 'verbose (twice: more verbose)'),
		flag('n', undefined, 'numeric-only IP addresses, no DNS'),
		flag('w', undefined, 'timeout for connects and final net reads', 'required', 'SECS'),
		flag('i', undefined, 'delay interval for lines sent, ports scanned', 'required', 'SECS'),
		flag('p', undefined, 'local port number', 'required', 'PORT'),
		flag('s', undefined, 'local source address', 'required', 'ADDR'),
		flag('q', undefined, 'quit after EOF on stdin and delay of SECS', 'required', 'SECS'),
	],
};

export const nc: CommandSpec = external({
	name: 'nc',
	options: ncOptions,
	summary: 'does a TCP port answer? nc -zv HOST PORT',
	usage: 'nc -zv HOST PORT',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const busybox = usesBusybox(ctx.world, ctx.frame);
		const read = parseOptions('nc', ncOptions, args);
		if (read.kind === 'bad' && read.problem.kind === 'unknown-short') return {stdout: '', stderr: `[simulator] nc -${read.problem.letter} is not simulated here; nc -zv HOST PORT checks whether a TCP port answers\n`, exitCode: 1};
		const given = read.kind === 'ok' ? read.parsed : undefined;
		const scan = given?.has('z') ?? false;
		const verbose = given?.given.filter(g => g.key === 'v').length ?? 0;
		const operands = given?.operands ?? [];
		const [host, port, ...rest] = operands;
		if (!host || !port || rest.length > 0 || !/^\d+$/.test(port) || Number(port) > 65535) {
			return {stdout: '', stderr: `[simulator] only nc [-z] [-v] HOST PORT (one port) is simulated here\n`, exitCode: 1};
		}
		let outcome!: ConnectOutcome;
		const world = produce(ctx.world, w => {
			outcome = connect(w, {host: ctx.frame.host, pid: ctx.frame.pid}, host, Number(port));
		});
		let stderr = '';
		// The address the name resolved to (a Service's ClusterIP, not the pod behind it), as nc prints it.
		const looked = lookupHost(ctx.world, {host: ctx.frame.host, pid: ctx.frame.pid}, host);
		if (outcome.ok) {
			const ip = looked.ok ? looked.ip : outcome.ip;
			if (busybox) {
				if (verbose) stderr += `${host} (${ip}:${port}) open\n`;
			} else if (verbose) stderr += `Connection to ${host}${host === ip ? '' : ` (${ip})`} ${port} port [tcp/${services[Number(port)] ?? '*'}] succeeded!\n`;
			if (!scan) stderr += `[simulator] nc connected to ${host} port ${port}; sending and receiving through it is not simulated here (nc -zv only checks the port)\n`;
			if (busybox && verbose > 1) stderr += 'sent 0, rcvd 0\n';
			return {stdout: '', stderr, exitCode: 0, world};
		}
		if (outcome.error === 'resolve') {
			return {stdout: '', stderr: busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, exitCode: 1, world};
		}
		const why = errnoText[outcome.error];
		const ip = looked.ok ? looked.ip : (outcome.ip ?? host);
		if (busybox) {
			if (verbose > 1 || (verbose && outcome.error !== 'refused')) stderr += `nc: ${host} (${ip}:${port}): ${why}\n`;
			if (verbose > 1) stderr += 'sent 0, rcvd 0\n';
		} else if (verbose) stderr += `nc: connect to ${host} port ${port} (tcp) failed: ${why}\n`;
		return {stdout: '', stderr, exitCode: 1, world};
	},
});
