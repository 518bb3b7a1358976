// The programs a container script runs without leaving the engine: the shell's builtins and the
// small tools scripts use in loops (sleep, date, cat, hostname, env, touch, mkdir, rm). Output
// follows busybox/coreutils. Anything else returns undefined and runs as an external program.
import type {ProgramResult, ScriptIo} from './script-io.ts';

export type ProgramContext = {stdin: string; env: Record<string, string>; cwd: string; clock: number; io: ScriptIo; resolve(path: string): string; prefix: string};

type Native = (args: string[], ctx: ProgramContext) => ProgramResult;

const ok = (stdout = ''): ProgramResult => ({stdout, stderr: '', status: 0});
const failed = (stderr: string, status = 1): ProgramResult => ({stdout: '', stderr, status});

const natives: Record<string, Native> = {
	true: () => ok(),
	':': () => ok(),
	false: () => ({stdout: '', stderr: '', status: 1}),
	trap: () => ok(),
	wait: () => ok(),
	set: () => ok(),
	shift: () => ok(),
	ulimit: () => ok('unlimited\n'),
	umask: () => ok('0022\n'),
	break: () => ok(),
	continue: () => ok(),
	return: () => ok(),
	read: () => ({stdout: '', stderr: '', status: 1}), // no terminal on a container's stdin
	echo: args => {
		let newline = true;
		let escapes = false;
		let i = 0;
		for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
			if (args[i]!.includes('n')) newline = false;
			if (args[i]!.includes('e')) escapes = true;
		}
		const text = args.slice(i).join(' ');
		return ok((escapes ? unescapeText(text) : text) + (newline ? '\n' : ''));
	},
	printf: (args, ctx) => {
		if (args.length === 0) return failed(`${ctx.prefix}printf: usage: printf FORMAT [ARGUMENT]...\n`, 2);
		return ok(printf(args[0]!, args.slice(1)));
	},
	pwd: (_args, ctx) => ok(ctx.cwd + '\n'),
	sleep: (args, ctx) => {
		if (args.length === 0) return failed(`sleep: missing operand\nTry 'sleep --help' for more information.\n`);
		let ms = 0;
		for (const arg of args) {
			const m = arg.match(/^(\d*\.?\d+)([smhd]?)$/);
			if (arg === 'infinity' || arg === 'inf') return {...ok(), sleepMs: Number.MAX_SAFE_INTEGER};
			if (!m) return failed(`sleep: invalid number '${arg}'\n`);
			ms += Number(m[1]) * ({'': 1, s: 1, m: 60, h: 3600, d: 86400}[m[2]!] ?? 1) * 1000;
		}
		void ctx;
		return {...ok(), sleepMs: Math.round(ms)};
	},
	date: (args, ctx) => {
		const format = args.find(a => a.startsWith('+'));
		const unknown = args.find(a => !a.startsWith('+') && a !== '-u' && a !== '-R' && a !== '--utc');
		if (unknown) return failed(`date: invalid date '${unknown}'\n`);
		const at = new Date(ctx.io.epochMs + ctx.clock);
		if (args.includes('-R')) return ok(at.toUTCString().replace('GMT', '+0000') + '\n');
		return ok(strftime(format ? format.slice(1) : '%a %b %e %H:%M:%S %Z %Y', at) + '\n');
	},
	hostname: (_args, ctx) => ok(ctx.io.hostname + '\n'),
	cat: (args, ctx) => {
		if (args.length === 0 || (args.length === 1 && args[0] === '-')) return ok(ctx.stdin);
		let stdout = '';
		let stderr = '';
		for (const file of args) {
			const read = ctx.io.read(ctx.resolve(file));
			if ('error' in read) stderr += `cat: can't open '${file}': ${read.error}\n`;
			else stdout += read.content;
		}
		return {stdout, stderr, status: stderr ? 1 : 0};
	},
	env: (args, ctx) => {
		if (args.length > 0) return failed(`env: running a program from env is not simulated in container scripts\n`);
		return ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
	},
	printenv: (args, ctx) => {
		if (args.length === 0) return ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
		const values = args.map(name => ctx.env[name]);
		return {stdout: values.filter(v => v !== undefined).map(v => v + '\n').join(''), stderr: '', status: values.every(v => v !== undefined) ? 0 : 1};
	},
	test: (args, ctx) => ({stdout: '', stderr: '', status: testExpression(args, ctx) ? 0 : 1}),
	'[': (args, ctx) => {
		if (args[args.length - 1] !== ']') return failed(`${ctx.prefix}[: missing ]\n`, 2);
		return {stdout: '', stderr: '', status: testExpression(args.slice(0, -1), ctx) ? 0 : 1};
	},
	touch: (args, ctx) => {
		let stderr = '';
		for (const file of args.filter(a => !a.startsWith('-'))) {
			const path = ctx.resolve(file);
			if (ctx.io.kind(path)) continue;
			const error = ctx.io.write(path, '', true);
			if (error) stderr += `touch: ${file}: ${error}\n`;
		}
		return {stdout: '', stderr, status: stderr ? 1 : 0};
	},
	mkdir: (args, ctx) => {
		const parents = args.includes('-p');
		let stderr = '';
		for (const dir of args.filter(a => !a.startsWith('-'))) {
			const path = ctx.resolve(dir);
			if (ctx.io.kind(path)) {
				if (!parents) stderr += `mkdir: can't create directory '${dir}': File exists\n`;
				continue;
			}
			const error = ctx.io.mkdir(path);
			if (error) stderr += `mkdir: can't create directory '${dir}': ${error}\n`;
		}
		return {stdout: '', stderr, status: stderr ? 1 : 0};
	},
	rm: (args, ctx) => {
		const force = args.some(a => /^-\w*f/.test(a));
		let stderr = '';
		for (const file of args.filter(a => !a.startsWith('-'))) {
			const path = ctx.resolve(file);
			if (!ctx.io.kind(path)) {
				if (!force) stderr += `rm: can't remove '${file}': No such file or directory\n`;
				continue;
			}
			const error = ctx.io.remove(path);
			if (error) stderr += `rm: can't remove '${file}': ${error}\n`;
		}
		return {stdout: '', stderr, status: stderr ? 1 : 0};
	},
};

/** A builtin or a small tool the engine runs itself, or undefined for an external program. */
export function runNativeProgram(program: string, args: string[], ctx: ProgramContext): ProgramResult | undefined {
	// tail -f follows its file forever: the process waits (what keeps `sh -c 'tail -f /dev/null'` up).
	if (program === 'tail' && args.some(a => /^-\w*f$/.test(a) || a === '--follow')) return {stdout: '', stderr: '', status: 0, sleepMs: Number.MAX_SAFE_INTEGER};
	const native = Object.hasOwn(natives, program) ? natives[program] : undefined;
	return native?.(args, ctx);
}

function testExpression(args: string[], ctx: ProgramContext): boolean {
	if (args[0] === '!') return !testExpression(args.slice(1), ctx);
	if (args.length === 0) return false;
	if (args.length === 1) return args[0] !== '';
	if (args.length === 2) {
		const [op, value] = args as [string, string];
		const kind = () => ctx.io.kind(ctx.resolve(value));
		if (op === '-z') return value === '';
		if (op === '-n') return value !== '';
		if (op === '-e') return kind() !== undefined;
		if (op === '-f') return kind() === 'file';
		if (op === '-d') return kind() === 'dir';
		if (op === '-s') {
			const read = ctx.io.read(ctx.resolve(value));
			return 'content' in read && read.content.length > 0;
		}
		return false;
	}
	const [a, op, b] = args as [string, string, string];
	const numbers: Record<string, (x: number, y: number) => boolean> = {'-eq': (x, y) => x === y, '-ne': (x, y) => x !== y, '-lt': (x, y) => x < y, '-le': (x, y) => x <= y, '-gt': (x, y) => x > y, '-ge': (x, y) => x >= y};
	if (op === '=' || op === '==') return a === b;
	if (op === '!=') return a !== b;
	const compare = numbers[op];
	return compare ? compare(Number(a), Number(b)) : false;
}

function unescapeText(text: string): string {
	return text.replace(/\\([ntr\\]|0?[0-7]{1,3})/g, (_, c: string) => ({n: '\n', t: '\t', r: '\r', '\\': '\\'})[c] ?? String.fromCharCode(parseInt(c, 8)));
}

function printf(format: string, args: string[]): string {
	let out = '';
	let index = 0;
	do {
		out += unescapeText(format).replace(/%(-?\d*)([sdi%])/g, (_, width: string, conversion: string) => {
			if (conversion === '%') return '%';
			const arg = args[index++] ?? '';
			const value = conversion === 's' ? arg : String(Number.parseInt(arg, 10) || 0);
			const size = Number(width.replace('-', '')) || 0;
			return width.startsWith('-') ? value.padEnd(size) : value.padStart(size);
		});
	} while (index > 0 && index < args.length);
	return out;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The few strftime conversions scripts use; the container's clock is UTC. */
export function strftime(format: string, at: Date): string {
	const pad = (n: number, size = 2) => String(n).padStart(size, '0');
	const table: Record<string, () => string> = {
		a: () => days[at.getUTCDay()]!,
		b: () => months[at.getUTCMonth()]!,
		e: () => String(at.getUTCDate()).padStart(2, ' '),
		d: () => pad(at.getUTCDate()),
		m: () => pad(at.getUTCMonth() + 1),
		Y: () => String(at.getUTCFullYear()),
		H: () => pad(at.getUTCHours()),
		M: () => pad(at.getUTCMinutes()),
		S: () => pad(at.getUTCSeconds()),
		T: () => `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`,
		F: () => `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`,
		s: () => String(Math.floor(at.getTime() / 1000)),
		Z: () => 'UTC',
		z: () => '+0000',
		n: () => '\n',
		'%': () => '%',
	};
	return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => table[c]?.() ?? whole);
}
