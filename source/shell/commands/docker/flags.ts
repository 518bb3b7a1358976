// Docker-style option parsing: -it, -p 8080:80, --name web, --name=web, -e K=V (repeatable),
// stopping at the first positional argument when the subcommand takes a command after it.

export type FlagSpec = {
	names: string[]; // ["-p", "--publish"]
	value?: boolean; // takes a value
	repeat?: boolean; // may be given several times
	modelled?: boolean; // false: a real docker flag the simulation accepts but does not model
};

export type ParsedFlags = {
	values: Map<string, string[]>; // by the flag's first name
	positionals: string[];
	notSimulated: string[]; // real flags given that the simulation ignores
};

export type ParseFlagsResult = {ok: true; flags: ParsedFlags} | {ok: false; error: string};

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
