// printf, as bash's builtin: the format is reused until the arguments run out; %s %d %i %u %x
// %X %o %c %b %q %f %e %g %% with flags, width and precision; backslash escapes in the format.
import type {CommandSpec} from '../types.ts';

/** Backslash escapes of a printf format (and of %b arguments). `stop` is set by \c in %b. */
export function printfEscapes(text: string): {text: string; stop: boolean} {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c !== '\\' || i + 1 >= text.length) {
			out += c;
			continue;
		}
		const next = text[++i]!;
		const simple: Record<string, string> = {n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'"};
		if (next in simple) out += simple[next];
		else if (next === 'c') return {text: out, stop: true};
		else if (/[0-7]/.test(next)) {
			const octal = text.slice(i).match(/^0?[0-7]{1,3}/)![0];
			out += String.fromCharCode(parseInt(octal, 8) & 0xff);
			i += octal.length - 1;
		} else if (next === 'x' && /[0-9a-fA-F]/.test(text[i + 1] ?? '')) {
			const hex = text.slice(i + 1).match(/^[0-9a-fA-F]{1,2}/)![0];
			out += String.fromCharCode(parseInt(hex, 16));
			i += hex.length;
		} else out += '\\' + next;
	}
	return {text: out, stop: false};
}

/** %q: the argument quoted so the shell reads it back as one word. */
export function shellQuote(text: string): string {
	if (text === '') return "''";
	return text.replace(/[^A-Za-z0-9_./:=@%+,^-]/g, c => (c === '\n' ? "$'\\n'" : '\\' + c));
}

function toNumber(arg: string | undefined, errors: string[]): number {
	if (arg === undefined || arg === '') return 0;
	const quoted = arg.match(/^['"](.)/);
	if (quoted) return quoted[1]!.codePointAt(0)!;
	if (/^[+-]?\d+$/.test(arg.trim())) return Number(arg.trim());
	if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(arg.trim())) return parseInt(arg.trim(), 16);
	if (/^[+-]?\d*\.\d+$/.test(arg.trim())) return Number(arg.trim());
	errors.push(`printf: ${arg}: invalid number`);
	const lead = arg.match(/^[+-]?\d+/);
	return lead ? Number(lead[0]) : 0;
}

function pad(text: string, flags: string, width: number): string {
	if (text.length >= width) return text;
	if (flags.includes('-')) return text.padEnd(width);
	if (flags.includes('0') && /^[+-]?\d/.test(text)) {
		const sign = /^[+-]/.test(text) ? text[0]! : '';
		return sign + text.slice(sign.length).padStart(width - sign.length, '0');
	}
	return text.padStart(width);
}

type Piece = {literal: string} | {flags: string; width?: string; precision?: string; conversion: string};

function pieces(format: string): Piece[] {
	const out: Piece[] = [];
	const spec = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiuxXocbqfeEgG%])/g;
	let at = 0;
	for (const m of format.matchAll(spec)) {
		if (m.index > at) out.push({literal: format.slice(at, m.index)});
		if (m[4] === '%') out.push({literal: '%'});
		else out.push({flags: m[1] ?? '', width: m[2], precision: m[3], conversion: m[4]!});
		at = m.index + m[0].length;
	}
	if (at < format.length) out.push({literal: format.slice(at)});
	return out;
}

export function formatPrintf(format: string, args: string[]): {text: string; errors: string[]} {
	const errors: string[] = [];
	const parts = pieces(format);
	let out = '';
	let next = 0;
	for (;;) {
		let consumed = false;
		const take = () => {
			consumed = true;
			return args[next++];
		};
		for (const piece of parts) {
			if ('literal' in piece) {
				const escaped = printfEscapes(piece.literal);
				out += escaped.text;
				if (escaped.stop) return {text: out, errors};
				continue;
			}
			const {flags, conversion} = piece;
			const width = piece.width === '*' ? toNumber(take(), errors) : Number(piece.width ?? 0);
			const precision = piece.precision === undefined ? undefined : piece.precision === '*' ? toNumber(take(), errors) : Number(piece.precision);
			const arg = take();
			let body: string;
			switch (conversion) {
				case 's':
					body = arg ?? '';
					if (precision !== undefined) body = body.slice(0, precision);
					break;
				case 'b': {
					const expanded = printfEscapes(arg ?? '');
					out += pad(expanded.text, flags, width);
					if (expanded.stop) return {text: out, errors};
					continue;
				}
				case 'q':
					body = shellQuote(arg ?? '');
					break;
				case 'c':
					body = [...(arg ?? '')][0] ?? '';
					break;
				case 'd':
				case 'i':
				case 'u': {
					const n = Math.trunc(toNumber(arg, errors));
					body = (n >= 0 && flags.includes('+') ? '+' : n >= 0 && flags.includes(' ') ? ' ' : '') + String(n);
					break;
				}
				case 'x':
				case 'X':
				case 'o': {
					const n = Math.trunc(toNumber(arg, errors));
					const digits = (n >>> 0).toString(conversion === 'o' ? 8 : 16);
					body = (flags.includes('#') && n !== 0 ? (conversion === 'o' ? '0' : conversion === 'x' ? '0x' : '0X') : '') + (conversion === 'X' ? digits.toUpperCase() : digits);
					break;
				}
				default: {
					const n = toNumber(arg, errors);
					const p = precision ?? 6;
					body = conversion === 'f' ? n.toFixed(p) : conversion === 'e' || conversion === 'E' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)));
					if (conversion === 'E' || conversion === 'G') body = body.toUpperCase();
				}
			}
			out += pad(body, flags, width);
		}
		if (!consumed || next >= args.length) break;
	}
	return {text: out, errors};
}

export const printf: CommandSpec = {
	name: 'printf',
	summary: 'print arguments through a format: printf "%s is %d\\n" age 42',
	usage: 'printf [-v var] format [arguments]',
	run(args, ctx) {
		let rest = args;
		let variable: string | undefined;
		if (rest[0] === '-v') {
			variable = rest[1];
			rest = rest.slice(2);
			if (!variable || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return {stdout: '', stderr: `bash: printf: \`${variable ?? ''}': not a valid identifier\n`, exitCode: 2};
		}
		if (rest[0] === '--') rest = rest.slice(1);
		if (rest.length === 0) return {stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', exitCode: 2};
		const {text, errors} = formatPrintf(rest[0]!, rest.slice(1));
		const stderr = errors.map(e => `bash: ${e}\n`).join('');
		const exitCode = errors.length ? 1 : 0;
		if (variable) return {stdout: '', stderr, exitCode, session: {...ctx.session, env: {...ctx.session.env, [variable]: text}}};
		return {stdout: text, stderr, exitCode};
	},
};
