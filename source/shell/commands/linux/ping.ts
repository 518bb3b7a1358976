// ping: ICMP echo through the simulated network. A machine or pod that is reachable answers; a
// Service's ClusterIP never does (kube-proxy's rules translate TCP and UDP to the pods, nothing
// owns the address to answer ICMP), nor does an address with no route or across docker bridges.
// In a busybox or alpine container it is busybox's applet; on an Ubuntu host it is iputils' ping.
import {produce} from 'immer';
import {connect} from '../../../engine/network/connect.ts';
import {lookupHost} from '../../../engine/network/dns.ts';
import {inServiceRange} from '../../../engine/k8s/service-network.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, notSimulated, optionsOf} from './context.ts';
import {iputilsPingUsage} from './help-texts-net.ts';
import {busyboxPingUsage} from './option-specs-busybox.ts';
import {usesBusybox} from './busybox.ts';

/** How many packets ping sends when -c is not given: it would go on until Ctrl-C. */
const untilInterrupted = 4;

export const ping: CommandSpec = external({
	name: 'ping',
	summary: 'send ICMP echo requests: ping -c 3 HOST',
	usage: 'ping [-c COUNT] HOST',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const busybox = usesBusybox(ctx.world, ctx.frame);
		const given = optionsOf('ping', args, ctx);
		if (!busybox && (given.has('h') || given.has('?'))) return {stdout: '', stderr: iputilsPingUsage, exitCode: 2};
		const countText = given.value('c');
		// iputils: 1 and up (its own words for a word that is no number); busybox: any number, 0 is until interrupted.
		if (countText !== undefined && !/^\d+$/.test(countText)) return fail(busybox ? `ping: invalid number '${countText}'` : `ping: invalid argument: '${countText}'`);
		if (countText !== undefined && !busybox && Number(countText) === 0) return fail(`ping: invalid argument: '${countText}': out of range: 1 <= value <= 9223372036854775807`);
		const sizeText = given.value('s');
		if (sizeText !== undefined && !/^\d+$/.test(sizeText)) return fail(busybox ? `ping: invalid number '${sizeText}'` : `ping: invalid argument: '${sizeText}'`);
		const size = sizeText === undefined ? 56 : Number(sizeText);
		// -w DEADLINE without -c: about one packet a second until the deadline (here: that many).
		const deadline = given.value('w');
		const untilDeadline = deadline !== undefined && /^\d+$/.test(deadline) && Number(deadline) > 0 ? Math.min(Number(deadline), 100) : undefined;
		const interval = Number(given.value('i') ?? 1) || 1;
		const count = countText === undefined || Number(countText) === 0 ? untilDeadline : Math.min(Number(countText), 100);
		const quiet = given.has('q');
		const numeric = given.has('n');
		const targets = given.operands;
		// busybox wants exactly one HOST (getopt32 "=1"); iputils pings the last word.
		if (busybox && targets.length !== 1) return fail(busyboxPingUsage);
		const target = targets[targets.length - 1];
		if (!target) return fail('ping: usage error: Destination address required', 1);
		// -W and -t change nothing here: an answer comes at once or never, and the ttl shown is the reply's.
		const notes = notSimulated('ping', given, ['c', 'q', 'n', '4', 's', 'w', 'W', 'i', 't']);
		const who = {host: ctx.frame.host, pid: ctx.frame.pid};
		const looked = lookupHost(ctx.world, who, target);
		if (!looked.ok) return fail(busybox ? `ping: bad address '${target}'` : `ping: ${target}: ${looked.error === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}`, busybox ? 1 : 2);
		const ip = looked.ip;
		// The same path a connection takes; any answer from the far end (even a refusal) means the host is there.
		let answered = false;
		produce(ctx.world, w => {
			const outcome = connect(w, who, ip, 7);
			answered = outcome.ok || outcome.error === 'refused';
		});
		if (inServiceRange(ip)) answered = false;
		const sent = count ?? untilInterrupted;
		const received = answered ? sent : 0;
		const times = Array.from({length: received}, (_, i) => (ip.startsWith('127.') ? 0.03 : 0.3) + ((i * 37) % 50) / 1000);
		const named = target !== ip && !numeric;
		const lines: string[] = [];
		if (busybox) {
			lines.push(`PING ${target} (${ip}): ${size} data bytes`);
			if (!quiet) times.forEach((t, i) => lines.push(`${size + 8} bytes from ${ip}: seq=${i} ttl=64 time=${t.toFixed(3)} ms`));
			lines.push('', `--- ${target} ping statistics ---`, `${sent} packets transmitted, ${received} packets received, ${received ? 0 : 100}% packet loss`);
			if (received) lines.push(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${(times.reduce((a, b) => a + b, 0) / received).toFixed(3)}/${Math.max(...times).toFixed(3)} ms`);
		} else {
			lines.push(`PING ${target} (${ip}) ${size}(${size + 28}) bytes of data.`);
			if (!quiet) times.forEach((t, i) => lines.push(`${size + 8} bytes from ${named ? `${target} (${ip})` : ip}: icmp_seq=${i + 1} ttl=64 time=${t.toFixed(3)} ms`));
			const avg = received ? times.reduce((a, b) => a + b, 0) / received : 0;
			const mdev = received ? Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / received) : 0;
			lines.push('', `--- ${target} ping statistics ---`, `${sent} packets transmitted, ${received} received, ${received ? 0 : 100}% packet loss, time ${Math.round((sent - 1) * interval * 1000) + (received ? 2 : 25)}ms`);
			if (received) lines.push(`rtt min/avg/max/mdev = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)}/${mdev.toFixed(3)} ms`);
			lines.push('');
		}
		const note = count === undefined ? `[simulator] ping sends until Ctrl-C; here it stopped after ${untilInterrupted} packets (ping -c N sends N)\n` : '';
		return {stdout: lines.join('\n') + '\n', stderr: notes + note, exitCode: received ? 0 : 1};
	},
});
