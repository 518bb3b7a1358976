// Docker-style option parsing: -it, -p 8080:80, --name web, --name=web, -e K=V (repeatable),
// stopping at the first positional argument when the subcommand takes a command after it.
// A subcommand's flags are docker 28's own (help-texts.ts, what `docker SUB --help` prints and Tab
// offers) plus what the simulation models of them (dockerFlags): one spec for all three.
import {modelledFlags, type FlagSpec} from './flag-specs.ts';
import {dockerHelpTexts} from './help-texts.ts';

export type {FlagSpec} from './flag-specs.ts';

export type ParsedFlags = {
	values: Map<string, string[]>; // by the flag's first name
	positionals: string[];
	notSimulated: string[]; // real flags given that the simulation ignores
};

export type ParseFlagsResult = {ok: true; flags: ParsedFlags} | {ok: false; error: string};

/**
 * Every flag `docker SUB --help` lists (docker 28, help-texts.ts), with `modelled` first: a real
 * flag the simulation does not list is accepted with a note ("accepted, not simulated here"), not
 * refused as unknown. A flag takes a value when its help line names a type (string, list, int...).
 */
export function dockerFlags(sub: string): FlagSpec[] {
	const text = dockerHelpTexts[sub] ?? '';
	const modelled = modelledFlags[sub] ?? [];
	const known = new Set(modelled.flatMap(spec => spec.names));
	const at = text.indexOf('\nOptions:\n');
	const real: FlagSpec[] = [];
	for (const m of at < 0 ? [] : text.slice(at).matchAll(/^ {2}(?:(-\w), )? *(--[\w-]+)( [a-z][\w-]*)?/gm)) {
		const names = [...(m[1] ? [m[1]] : []), m[2]!];
		if (names[names.length - 1] === '--help' || names.some(name => known.has(name))) continue;
		real.push({names, ...(m[3] ? {value: true, repeat: true} : {}), modelled: false});
	}
	return [...modelled, ...real];
}

/** The subcommands whose options end at the image or container (the rest is the command to run). */
const optionsEndAtPositional = new Set(['run', 'create', 'exec']);

/**
 * The flags given to `docker SUB` that are accepted but not simulated and that the subcommand's own
 * output (`said`) did not already mention: runDocker notes them, so no real flag is dropped silently.
 */
export function unnotedFlags(sub: string, args: string[], said: string): string[] {
	const parsed = parseFlags(args, dockerFlags(sub), optionsEndAtPositional.has(sub));
	return parsed.ok ? parsed.flags.notSimulated.filter(flag => !said.includes(flag)) : [];
}

/** `--help` among the words docker itself reads: for run/create/exec only before the image or container (`docker run busybox wget --help` is wget's). */
export function asksForHelp(sub: string, args: string[]): boolean {
	if (!optionsEndAtPositional.has(sub)) return args.includes('--help');
	const parsed = parseFlags(args, [...dockerFlags(sub), {names: ['--help']}], true);
	return parsed.ok ? parsed.flags.values.has('--help') : args.includes('--help');
}

/**
 * Parses args against `specs`. With `stopAtPositional`, everything from the first positional on
 * is positional (docker run IMAGE COMMAND ARGS...).
 */
export function parseFlags(args: string[], specs: FlagSpec[], stopAtPositional = false): ParseFlagsResult {
	const byName = new Map<string, FlagSpec>();
	for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
	const flags: ParsedFlags = {values: new Map(), positionals: [], notSimulated: []};
	const set = (spec: FlagSpec, value: string) => {
		const key = spec.names[0]!;
		const list = flags.values.get(key) ?? [];
		list.push(value);
		flags.values.set(key, list);
		if (spec.modelled === false && !flags.notSimulated.includes(key)) flags.notSimulated.push(spec.names[spec.names.length - 1]!);
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			flags.positionals.push(...args.slice(i + 1));
			break;
		}
		if (arg.startsWith('--') && arg.length > 2) {
			const eq = arg.indexOf('=');
			const name = eq >= 0 ? arg.slice(0, eq) : arg;
			const spec = byName.get(name);
			if (!spec) return {ok: false, error: `unknown flag: ${name}`};
			if (spec.value) {
				const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
				if (value === undefined) return {ok: false, error: `flag needs an argument: ${name}`};
				set(spec, value);
			} else set(spec, eq >= 0 ? arg.slice(eq + 1) : 'true');
			continue;
		}
		if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
			// A cluster of short flags: -it, -dp 8080:80, -p8080:80, -m64m
			for (let j = 1; j < arg.length; j++) {
				const name = `-${arg[j]}`;
				const spec = byName.get(name);
				if (!spec) return {ok: false, error: `unknown shorthand flag: '${arg[j]}' in ${arg}`};
				if (spec.value) {
					const rest = arg.slice(j + 1);
					const value = rest !== '' ? rest.replace(/^=/, '') : args[++i];
					if (value === undefined) return {ok: false, error: `flag needs an argument: '${arg[j]}' in ${name}`};
					set(spec, value);
					break;
				}
				set(spec, 'true');
			}
			continue;
		}
		flags.positionals.push(arg);
		if (stopAtPositional) {
			flags.positionals.push(...args.slice(i + 1));
			break;
		}
	}
	return {ok: true, flags};
}

export function flagValue(flags: ParsedFlags, name: string): string | undefined {
	const list = flags.values.get(name);
	return list ? list[list.length - 1] : undefined;
}

export function flagValues(flags: ParsedFlags, name: string): string[] {
	return flags.values.get(name) ?? [];
}

export function flagSet(flags: ParsedFlags, name: string): boolean {
	const value = flagValue(flags, name);
	return value !== undefined && value !== 'false';
}

/** An integer flag, or docker's (pflag's) error text for a value that is not one. */
export function intFlag(flags: ParsedFlags, name: string, label: string): number | undefined | {error: string} {
	const value = flagValue(flags, name);
	if (value === undefined) return undefined;
	if (!/^-?\d+$/.test(value)) return {error: `invalid argument "${value}" for "${label}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`};
	return Number(value);
}
