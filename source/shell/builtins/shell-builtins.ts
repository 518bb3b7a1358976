// Commands that belong to the shell itself rather than to a tool on the host.
import {produce} from 'immer';
import {exitProcess, spawnProcess} from '../../engine/host/processes.ts';
import {tick} from '../../engine/tick.ts';
import {pathKind, resolvePath} from '../paths.ts';
import {endAttachedSession} from '../attached-session.ts';
import type {CommandOutcome, CommandSpec, ShellSession} from '../types.ts';
import {withOptions} from '../checked-command.ts';
import {optionNames} from '../options.ts';
import {builtinOptions} from './builtin-options.ts';
import {printf} from './printf.ts';
import {seq} from './seq.ts';
import {bracket, testCommand} from './test-command.ts';

export const echo: CommandSpec = {
	name: 'echo',
	summary: 'print its arguments',
	run(args) {
		let newline = true;
		let escapes = false;
		let i = 0;
		for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
			if (args[i]!.includes('n')) newline = false;
			if (args[i]!.includes('e')) escapes = true;
		}
		let text = args.slice(i).join(' ');
		if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
		return {stdout: text + (newline ? '\n' : ''), exitCode: 0};
	},
};

export const trueCommand: CommandSpec = {name: 'true', summary: 'do nothing, successfully', run: () => ({stdout: '', exitCode: 0})};
export const falseCommand: CommandSpec = {name: 'false', summary: 'do nothing, unsuccessfully', run: () => ({stdout: '', exitCode: 1})};

export const clear: CommandSpec = {
	name: 'clear',
	summary: 'clear the terminal output',
	run: () => ({stdout: '', exitCode: 0, effects: [{kind: 'clear'}]}),
};

export const history: CommandSpec = {
	name: 'history',
	summary: 'list the commands typed so far',
	run(args, ctx) {
		if (args[0] === '-c') return {stdout: '', exitCode: 0, session: {...ctx.session, history: []}};
		const all = ctx.session.history;
		const count = args[0] && /^\d+$/.test(args[0]) ? Number(args[0]) : all.length;
		const start = all.length - Math.min(count, all.length);
		const out = all.slice(start).map((line, i) => `${String(start + i + 1).padStart(5)}  ${line}`);
		return {stdout: out.length ? out.join('\n') + '\n' : '', exitCode: 0};
	},
};

/** Parses `5`, `2.5`, `30s`, `2m`, `1h` into milliseconds. */
export function parseDuration(text: string): number | undefined {
	const m = text.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
	if (!m) return undefined;
	const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[m[2]!]!;
	return Number(m[1]) * unit;
}

/** The longest a single `sleep` may advance the simulated clock (enough for any eviction or back-off), so a typo cannot freeze the tutor. */
export const longestSleepMs = 3_600_000;

export const sleep: CommandSpec = {
	name: 'sleep',
	summary: 'wait N seconds of simulated time (the cluster keeps running)',
	usage: 'sleep N[s|m|h]',
	run(args, ctx) {
		if (args.length === 0) return {stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1};
		let total = 0;
		for (const arg of args) {
			const ms = parseDuration(arg);
			if (ms === undefined) return {stdout: '', stderr: `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`, exitCode: 1};
			total += ms;
		}
		// `sleep 1000 &`: a sleep process in the background for that long; the clock does not jump.
		if (backgrounded(ctx.commandLine)) {
			let pid: number | undefined;
			const world = produce(ctx.world, w => {
				const host = w.hosts.get(ctx.frame.host);
				const shell = host?.processes.get(ctx.frame.pid);
				if (host && shell) pid = spawnProcess(w, host, {parentPid: shell.pid, command: ['sleep', ...args].join(' '), memoryBytes: 1024 * 1024, tty: shell.tty, endsAt: w.time + total}).pid;
			});
			return {stdout: '', exitCode: 0, world, ...(pid !== undefined ? {spawnedPid: pid} : {})};
		}
		if (total > longestSleepMs) return {stdout: '', stderr: 'sleep: the simulator advances at most 1h at a time\n', exitCode: 1};
		return {stdout: '', exitCode: 0, world: tick(ctx.world, total, ctx.runtime.programs)};
	},
};

/** The line puts a sleep in the background (`sleep 60 &`, `sleep 60 & ps`), not `sleep 5 && x &`'s foreground part. */
const backgrounded = (line: string) => /(^|[;|&(]\s*|\s)sleep\b[^;&|]*&(?!&)/.test(line);

export const cd: CommandSpec = {
	name: 'cd',
	summary: 'change the working directory',
	run(args, ctx) {
		const operands = args.slice(args.findIndex(a => !/^-[LPe@]+$/.test(a)) >>> 0);
		const typed = (operands[0] === '--' ? operands[1] : operands[0]) ?? '~';
		// `cd -` goes back to $OLDPWD and prints it, as bash does.
		const previous = typed === '-' ? ctx.session.env['OLDPWD'] : undefined;
		if (typed === '-' && !previous) return {stdout: '', stderr: 'bash: cd: OLDPWD not set\n', exitCode: 1};
		const target = previous ?? typed;
		const path = resolvePath(ctx.frame, target);
		const kind = pathKind(ctx.world, ctx.frame, path);
		if (kind !== 'dir') return {stdout: '', stderr: `bash: cd: ${target}: ${kind ? 'Not a directory' : 'No such file or directory'}\n`, exitCode: 1};
		const moved = withFrameCwd(ctx.session, path);
		return {stdout: previous ? path + '\n' : '', exitCode: 0, session: {...moved, env: {...moved.env, OLDPWD: ctx.frame.cwd}}};
	},
};

function withFrameCwd(session: ShellSession, cwd: string): ShellSession {
	const frames = session.frames.slice();
	frames[frames.length - 1] = {...frames[frames.length - 1]!, cwd};
	return {...session, frames};
}

export const pwd: CommandSpec = {name: 'pwd', summary: 'print the working directory', run: (_args, ctx) => ({stdout: ctx.frame.cwd + '\n', exitCode: 0})};

export const exportCommand: CommandSpec = {
	name: 'export',
	summary: 'set an environment variable',
	run(args, ctx) {
		const env = {...ctx.session.env};
		const names = args.filter(a => !/^-[fnp]+$/.test(a));
		if (names.length === 0) return {stdout: Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''), exitCode: 0};
		for (const arg of names) {
			const m = arg.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s);
			if (!m) return {stdout: '', stderr: `bash: export: \`${arg}': not a valid identifier\n`, exitCode: 1};
			if (m[2] !== undefined) env[m[1]!] = m[2];
		}
		return {stdout: '', exitCode: 0, session: {...ctx.session, env}};
	},
};

/**
/** bash's `exit ARGS`: the status it exits with, what it complains about, and whether it exits at all. */
export function exitStatus(args: string[], lastExit: number): {code: number; complaint: string; exits: boolean} {
	// A number (mod 256) is the status; a word is an error and exit 2; two numbers do not exit at all.
	const numeric = args[0] === undefined || /^[+-]?\d+$/.test(args[0]);
	if (numeric && args.length > 1) return {code: 1, complaint: 'bash: exit: too many arguments\n', exits: false};
	// Without a number the status is the last command's ($?), as bash's `exit` and the end of a script's input have it.
	const code = args[0] === undefined ? lastExit : numeric ? ((Number(args[0]) % 256) + 256) % 256 : 2;
	return {code, complaint: numeric ? '' : `bash: exit: ${args[0]}: numeric argument required\n`, exits: true};
}

/**
 * Leaves the innermost shell: an unshare'd shell, an ssh session or an exec session ends and its
 * process goes away. At the learner's own login shell it asks the tutor to quit.
 */
export const exit: CommandSpec = {
	name: 'exit',
	summary: 'leave the current shell (ssh, unshare, exec), or quit at the top',
	run(args, ctx) {
		if (args[0] === '--help') return {stdout: 'exit: exit [n]\n', exitCode: 0};
		const {code, complaint, exits} = exitStatus(args, ctx.session.lastExit);
		if (!exits) return {stdout: '', stderr: complaint, exitCode: code};
		const frames = ctx.session.frames;
		if (frames.length <= 1) return {stdout: 'logout\n', ...(complaint ? {stderr: complaint} : {}), exitCode: code, effects: [{kind: 'exit-tutor'}]};
		const leaving = frames[frames.length - 1]!;
		const world = produce(ctx.world, w => {
			const host = w.hosts.get(leaving.host);
			if (host) exitProcess(host, leaving.pid, code); // a container's runtime reaps the status as its exit code
		});
		// A login shell (ssh) says logout; any other interactive bash says exit.
		const message = leaving.kind === 'ssh' ? `logout\nConnection to ${leaving.host} closed.\n` : 'exit\n';
		if (leaving.attached) return {...endAttachedSession(world, leaving.attached, message), exitCode: code, session: {...ctx.session, frames: frames.slice(0, -1)}};
		return {stdout: message, ...(complaint ? {stderr: complaint} : {}), exitCode: code, world, session: {...ctx.session, frames: frames.slice(0, -1)}};
	},
};

const checked = (spec: CommandSpec) => withOptions(spec, builtinOptions[spec.name]!);

export const shellBuiltins: CommandSpec[] = [echo, checked(printf), testCommand, bracket, {...seq, options: builtinOptions['seq']!, flags: optionNames(builtinOptions['seq']!)}, trueCommand, falseCommand, checked(clear), checked(history), checked(sleep), checked(cd), checked(pwd), checked(exportCommand), exit];
