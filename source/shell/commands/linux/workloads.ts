// Programs that load the machine, so cgroup limits have something to limit: stress, a fork
// bomb (`forkbomb`, or typed as :(){ :|:& };:), a leaky app, and python3's http.server.
import {produce} from 'immer';
import {recordEvent} from '../../../engine/events.ts';
import {mib} from '../../../engine/host/create-host.ts';
import {trySpawnProcess, upcomingPid} from '../../../engine/host/processes.ts';
import {forkBomb} from '../../../engine/host/workloads.ts';
import {listeningServer} from '../../../engine/network/connect.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import {parseDuration} from '../../builtins/shell-builtins.ts';
import {resolvePath, pathKind} from '../../paths.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {parseOptions, type Problem} from '../../options.ts';
import {callerOf, external, fail, forkRetryMessage, formatBytesHuman, isBackgrounded, lostShell, notSimulated, ok, optionsOf, parseSize} from './context.ts';
import {httpServerOptions, stressHelp, stressOptions} from './option-specs-procs.ts';

/** The line of stress.c 1.0.7 whose assert_arg() reports each option's missing value (stress names it). */
const missingArgumentLine: Record<string, number> = {backoff: 142, timeout: 157, cpu: 167, io: 177, vm: 187, 'vm-bytes': 197, 'vm-stride': 207, 'vm-hang': 217, hdd: 231, 'hdd-bytes': 241};

/** How long a foreground program without its own deadline runs before the simulator hands the prompt back. */
const foregroundLimitMs = 10_000;

function backgroundNote(ctx: CommandContext, name: string, pid: number, note: string): string {
	return isBackgrounded(ctx, name) ? '' : `[simulator] ${note} keeps running in the background as pid ${pid} (this shell never blocks); stop it with: kill ${pid}\n`;
}

export const stress: CommandSpec = external({
	name: 'stress',
	summary: 'load the machine: stress --vm N --vm-bytes SIZE | --cpu N [--timeout T]',
	usage: 'stress [--cpu N] [--vm N --vm-bytes SIZE] [--timeout N[s|m]]',
	flags: ['--cpu', '--vm', '--vm-bytes', '--timeout', '--io', '--hdd', '-c', '-m', '-t'],
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		// stress names its own pid: the one the shell's fork gives it.
		const myPid = upcomingPid(caller.host, caller.process.namespaces.pid);
		const stressFail = (line: number, message: string) => fail(`stress: FAIL: [${myPid}] (${line}) ${message}`);
		const read = parseOptions('stress', stressOptions, args);
		if (read.kind === 'help') return read.outcome;
		if (read.kind === 'bad') {
			const p = read.problem;
			return p.kind === 'needs-argument-long' ? stressFail(missingArgumentLine[p.long] ?? 167, `missing argument to option '--${p.long}'`) : stressFail(251, `unrecognized option: ${'arg' in p ? p.arg : ''}`);
		}
		const given = read.parsed;
		if (given.has('version')) return ok('stress 1.0.7\n');
		// stress's atoll_b: a count or a size, with an optional b/k/m/g suffix; atoll_s: seconds, with s/m/h/d/y.
		let bad: CommandOutcome | undefined;
		const number = (key: string, line: number, what: string): number => {
			const text = given.value(key);
			if (text === undefined || bad) return 0;
			const m = /^(-?\d+)([bkmg]?)(.*)$/i.exec(text);
			if (!m) bad = stressFail(145, `invalid number: ${text}`);
			else if (m[3]) bad = stressFail(665, `unrecognized suffix: ${m[3][0]}`);
			else {
				const n = Number(m[1]) * 1024 ** 'bkmg'.indexOf((m[2] || 'b').toLowerCase());
				if (n <= 0 && what) bad = stressFail(line, `invalid number of ${what}: ${n}`);
				return n;
			}
			return 0;
		};
		const cpu = number('cpu', 171, 'cpu hogs');
		const io = number('io', 181, 'io hogs') + number('hdd', 235, 'hdd hogs');
		const vm = number('vm', 191, 'vm hogs');
		const vmBytes = given.has('vm-bytes') ? number('vm-bytes', 0, '') : 256 * mib;
		let timeoutMs: number | undefined;
		const timeout = given.value('timeout');
		if (timeout !== undefined && !bad) {
			const m = /^(-?\d+)([smhdy]?)(.*)$/.exec(timeout);
			if (!m) bad = stressFail(145, `invalid number: ${timeout}`);
			else if (m[3]) bad = stressFail(723, `unrecognized suffix: ${m[3][0]}`);
			else if (Number(m[1]) <= 0) bad = stressFail(161, `invalid timeout value: ${m[1]}s`);
			else timeoutMs = m[2] === 'y' ? Number(m[1]) * 365 * 86_400_000 : parseDuration(`${m[1]}${m[2] || 's'}`);
		}
		if (bad) return bad;
		const notes = notSimulated('stress', given, ['cpu', 'io', 'hdd', 'vm', 'vm-bytes', 'timeout', 'verbose', 'quiet', 'vm-keep']);
		if (cpu + vm + io === 0) return ok(stressHelp);
		const command = ['stress', ...args].join(' ');
		let masterHostPid = 0;
		let visibleMaster = 0;
		const workers: number[] = [];
		let forkFailed = false;
		let world = produce(ctx.world, w => {
			const host = w.hosts.get(ctx.frame.host)!;
			const me = host.processes.get(ctx.frame.pid)!;
			const master = trySpawnProcess(w, host, {parentPid: me.pid, command, memoryBytes: 1 * mib, tty: me.tty, endsAt: timeoutMs === undefined ? undefined : w.time + timeoutMs});
			if ('error' in master) {
				forkFailed = true;
				return;
			}
			masterHostPid = master.pid;
			visibleMaster = master.nsPids[me.namespaces.pid] ?? master.pid;
			for (let n = 0; n < cpu + vm + io; n++) {
				const isVm = n >= cpu && n < cpu + vm;
				const worker = trySpawnProcess(w, host, {
					parentPid: master.pid,
					command,
					memoryBytes: isVm ? 2 * mib : 1 * mib,
					tty: me.tty,
					cpuDemand: 1,
					parentDeathSignal: 15, // stress 1.0.5 and later: prctl(PR_SET_PDEATHSIG, SIGTERM) in each worker
					workload: isVm ? {kind: 'memory-hog', targetBytes: vmBytes, growBytesPerSecond: 512 * mib} : {kind: 'cpu-burner', threads: 1},
				});
				if ('error' in worker) {
					forkFailed = true;
					break;
				}
				workers.push(worker.pid);
			}
			recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'Started', object: `process/${host.name}/${master.pid}`, message: `${command} started ${cpu} cpu and ${vm} vm workers`, host: host.name});
		});
		if (forkFailed && masterHostPid === 0) return {stdout: '', stderr: forkRetryMessage, exitCode: 254, world};
		let stdout = `stress: info: [${visibleMaster}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, 0 hdd\n`;
		if (forkFailed) stdout += `stress: FAIL: [${visibleMaster}] (516) fork failed: Resource temporarily unavailable\n`;
		if (isBackgrounded(ctx, 'stress')) return {stdout, exitCode: 0, world, spawnedPid: visibleMaster, ...(notes ? {stderr: notes} : {})};
		// In the foreground, stress holds the prompt until it ends: simulated time passes meanwhile.
		const startedAt = world.time;
		const limit = timeoutMs ?? foregroundLimitMs;
		const alive = (w: World) => w.hosts.get(ctx.frame.host)?.processes.has(masterHostPid) ?? false;
		while (alive(world) && world.time - startedAt < limit) world = tick(world, 1000, ctx.runtime.programs);
		const elapsed = Math.round((world.time - startedAt) / 1000);
		if (!alive(world)) {
			const killed = world.events.find(e => e.time >= startedAt && e.reason === 'OOMKilled' && workers.some(pid => e.object === `process/${ctx.frame.host}/${pid}`));
			if (killed || timeoutMs === undefined || world.time - startedAt < timeoutMs) {
				const workerHostPid = killed ? Number(killed.object.split('/').pop()) : workers[0]!;
				const workerPid = workerHostPid - masterHostPid + visibleMaster;
				stdout += `stress: FAIL: [${visibleMaster}] (425) <-- worker ${workerPid} got signal 9\nstress: WARN: [${visibleMaster}] (427) now reaping child worker processes\nstress: FAIL: [${visibleMaster}] (461) failed run completed in ${elapsed}s\n`;
				return {stdout, exitCode: 1, world, ...(notes ? {stderr: notes} : {})};
			}
			stdout += `stress: info: [${visibleMaster}] successful run completed in ${elapsed}s\n`;
			return {stdout, exitCode: 0, world, ...(notes ? {stderr: notes} : {})};
		}
		return {stdout, stderr: notes + `[simulator] stress keeps running in the background as pid ${visibleMaster} after ${elapsed}s (this shell never blocks); stop it with: kill ${visibleMaster}\n`, exitCode: 0, world, spawnedPid: visibleMaster};
	},
});

function startForkBomb(ctx: CommandContext): CommandOutcome {
	const caller = callerOf(ctx.world, ctx.frame);
	if (!caller) return lostShell(ctx);
	let bombPid = 0;
	let refused = false;
	let group = '/';
	const world = produce(ctx.world, w => {
		const host = w.hosts.get(ctx.frame.host)!;
		const me = host.processes.get(ctx.frame.pid)!;
		group = me.cgroup;
		const bomb = trySpawnProcess(w, host, {parentPid: me.pid, command: 'bash', memoryBytes: 1 * mib, tty: me.tty, workload: {kind: 'fork-bomb', forksPerSecond: 2000, childCommand: 'bash'}});
		if ('error' in bomb) {
			refused = true;
			return;
		}
		bombPid = bomb.nsPids[me.namespaces.pid] ?? bomb.pid;
		const before = host.processes.size;
		// A real fork bomb fills any limit within milliseconds: the first burst happens now.
		forkBomb(w, host, bomb, 4000);
		refused = host.processes.size - before < 4000;
		recordEvent(w, {type: 'Warning', component: 'kernel', reason: 'ForkBomb', object: `process/${host.name}/${bomb.pid}`, message: `a fork bomb started in ${me.cgroup}: ${host.processes.size - before} processes forked`, host: host.name});
	});
	if (bombPid === 0) return {stdout: '', stderr: forkRetryMessage, exitCode: 254, world};
	const stderr = (refused ? forkRetryMessage : '') + forkBombNote(bombPid, group);
	return {stdout: '', stderr, exitCode: 0, world, spawnedPid: bombPid};
}

/**
 * How to end a fork bomb, truthfully: its copies keep forking, so killing one pid (even the first)
 * does not stop it on a real host; ending the whole cgroup at once does.
 */
function forkBombNote(bombPid: number, group: string): string {
	const start = `[simulator] the fork bomb started as pid ${bombPid} and is now a tree of bash copies that keep forking; killing one pid does not stop it.`;
	if (group !== '/') return `${start} End them all at once: echo 1 > /sys/fs/cgroup${group}/cgroup.kill\n`;
	return `${start} In the root cgroup nothing limits it (a pids.max in a child group would have) and a real host would need a reboot; here, kill -9 ${bombPid} ends its whole tree, which a real kernel would not do.\n`;
}

export const forkbombCommand: CommandSpec = external({
	name: 'forkbomb',
	summary: '[simulator] start the classic fork bomb :(){ :|:& };: (contain it with pids.max)',
	run: (_args, ctx) => startForkBomb(ctx),
});

/** `:(){ :|:& };:` reaches the runner as the words ":(){" ":" | ":" & "}" ; ":". */
const forkBombLine = /:\s*\(\s*\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:/;

export const bombDefinition: CommandSpec = {
	name: ':(){',
	summary: 'the fork bomb, typed the classic way',
	run(_args, ctx) {
		if (!forkBombLine.test(ctx.commandLine)) return {stdout: '', exitCode: 0};
		return external({name: ':(){', summary: '', run: (_a, c) => startForkBomb(c)}).run([], ctx);
	},
};

export const closingBrace: CommandSpec = {
	name: '}',
	summary: 'end of a function body',
	run(_args, ctx) {
		if (forkBombLine.test(ctx.commandLine)) return {stdout: '', exitCode: 0};
		return fail("bash: syntax error near unexpected token `}'", 2);
	},
};

export const colon: CommandSpec = {name: ':', summary: 'do nothing, successfully (a shell builtin)', run: () => ({stdout: '', exitCode: 0})};

export const leakyApp: CommandSpec = external({
	name: 'leaky-app',
	summary: '[simulator] start an app that leaks memory slowly (--rate 2M per second)',
	usage: 'leaky-app [--rate SIZE]',
	run(args, ctx) {
		const rateText = optionsOf('leaky-app', args).value('rate');
		const rate = rateText !== undefined ? parseSize(rateText) : 2 * mib;
		if (!rate) return fail(`leaky-app: invalid --rate '${rateText ?? ''}' (use e.g. 2M)`, 2);
		let pid = 0;
		let refused = false;
		const world = produce(ctx.world, w => {
			const host = w.hosts.get(ctx.frame.host)!;
			const me = host.processes.get(ctx.frame.pid)!;
			const p = trySpawnProcess(w, host, {parentPid: me.pid, command: `leaky-app --rate ${rateText ?? '2M'}`, memoryBytes: 30 * mib, tty: me.tty, workload: {kind: 'leak', growBytesPerSecond: rate}});
			if ('error' in p) refused = true;
			else pid = p.nsPids[me.namespaces.pid] ?? p.pid;
		});
		if (refused) return {stdout: '', stderr: forkRetryMessage, exitCode: 254, world};
		return {stdout: `leaky-app: started, caching every request forever (+${formatBytesHuman(rate)}B/s)\n`, stderr: backgroundNote(ctx, 'leaky-app', pid, 'leaky-app'), exitCode: 0, world, spawnedPid: pid};
	},
});

const httpServerUsage = 'usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n';

/** argparse's words for a bad option of http.server (Python 3.12). */
function argparseProblem(problem: Problem): string {
	const names: Record<string, string> = {bind: '-b/--bind', b: '-b/--bind', directory: '-d/--directory', d: '-d/--directory', protocol: '-p/--protocol', p: '-p/--protocol'};
	switch (problem.kind) {
		case 'needs-argument-long': return `argument ${names[problem.long]}: expected one argument`;
		case 'needs-argument-short': return `argument ${names[problem.letter]}: expected one argument`;
		case 'no-argument-allowed': return `argument --${problem.long}: ignored explicit argument '${problem.arg.slice(problem.arg.indexOf('=') + 1)}'`;
		case 'unknown-short': return `unrecognized arguments: -${problem.letter}`;
		default: return `unrecognized arguments: ${'arg' in problem ? problem.arg : ''}`;
	}
}

export const python3: CommandSpec = external({
	name: 'python3',
	summary: 'python3 -m http.server [PORT]: serve the current directory over HTTP',
	usage: 'python3 -m http.server [PORT] [--directory DIR]',
	run(args, ctx) {
		if (args[0] === '--version' || args[0] === '-V') return ok('Python 3.12.3\n');
		if (args[0] !== '-m' || args[1] !== 'http.server') {
			if (args.length === 0) return fail('[simulator] the interactive Python interpreter is not simulated; try: python3 -m http.server 8000', 2);
			return fail(`[simulator] only \`python3 -m http.server [PORT]\` is simulated here`, 2);
		}
		const read = parseOptions('server.py', httpServerOptions, args.slice(2));
		if (read.kind === 'help') return read.outcome;
		if (read.kind === 'bad') return fail(`${httpServerUsage}server.py: error: ${argparseProblem(read.problem)}`, 2);
		const given = read.parsed;
		const [portText, ...extra] = given.operands;
		if (portText !== undefined && !/^\d+$/.test(portText)) return fail(`${httpServerUsage}server.py: error: argument port: invalid int value: '${portText}'`, 2);
		if (extra.length) return fail(`${httpServerUsage}server.py: error: unrecognized arguments: ${extra.join(' ')}`, 2);
		const port = portText === undefined ? 8000 : Number(portText);
		if (port > 65535) return fail('OverflowError: bind(): port must be 0-65535.');
		const dir = resolvePath(ctx.frame, given.value('directory') ?? '.');
		const bind = given.value('bind') ?? '0.0.0.0';
		const notes = notSimulated('python3 -m http.server', given, ['directory', 'bind']);
		if (pathKind(ctx.world, ctx.frame, dir) !== 'dir') return fail(`FileNotFoundError: [Errno 2] No such file or directory: '${dir}'`);
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		if (listeningServer(caller.host, caller.process.namespaces.net, port)) return fail('OSError: [Errno 98] Address already in use');
		if (port < 1024 && caller.process.uid !== 0) return fail('PermissionError: [Errno 13] Permission denied');
		let pid = 0;
		let refused = false;
		const world = produce(ctx.world, w => {
			const host = w.hosts.get(ctx.frame.host)!;
			const me = host.processes.get(ctx.frame.pid)!;
			const p = trySpawnProcess(w, host, {parentPid: me.pid, command: `python3 -m http.server ${port}`, memoryBytes: 19 * mib, tty: me.tty, cwd: dir, workload: {kind: 'server', port, protocol: 'http', app: 'python-http'}});
			if ('error' in p) refused = true;
			else pid = p.nsPids[me.namespaces.pid] ?? p.pid;
		});
		if (refused) return {stdout: '', stderr: forkRetryMessage, exitCode: 254, world};
		return {stdout: `Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`, stderr: notes + backgroundNote(ctx, 'python3', pid, 'the server'), exitCode: 0, world, spawnedPid: pid};
	},
});
