// nslookup's options are words of its own, not getopt's: `-type=A`, `-debug`, `-nosearch`.
// bind 9's setoption() compares each with strncasecmp(opt, NAME, N): the first N characters
// decide (`-ty=A`, `-q=A`, `-t=5` are type, querytype, timeout; `-searchxyz` is search), and an
// unknown one prints "*** Invalid option: X" and goes on. busybox 1.36's nslookup knows seven
// exact names and answers any other with its usage. Tab offers the names of where it runs.
import {ParsedOptions} from '../../options.ts';

type BindOption = {name: string; length: number; key: string; value?: true};

const bind = (name: string, length: number, key = name.replace(/=$/, ''), value = name.endsWith('=')): BindOption => ({name, length, key, ...(value ? {value: true as const} : {})});

/** In setoption()'s order: the first that matches wins (bind 9.18 bin/dig/nslookup.c). */
const bindOptions: BindOption[] = [
	bind('all', 4),
	bind('class=', 6), bind('cl=', 3, 'class'),
	bind('type=', 5), bind('ty=', 3, 'type'), bind('querytype=', 10, 'type'), bind('query=', 6, 'type'), bind('qu=', 3, 'type'), bind('q=', 2, 'type'),
	bind('domain=', 7), bind('do=', 3, 'domain'),
	bind('port=', 5), bind('po=', 3, 'port'),
	bind('timeout=', 8), bind('t=', 2, 'timeout'),
	bind('recurse', 3), bind('norecurse', 5),
	bind('retry=', 6), bind('ret=', 4, 'retry'),
	bind('defname', 3), bind('nodefname', 5),
	bind('vc', 3), bind('novc', 5),
	bind('debug', 3), bind('nodebug', 5),
	bind('d2', 2), bind('nod2', 4),
	bind('search', 3), bind('nosearch', 5),
	bind('sil', 3),
	bind('fail', 3), bind('nofail', 3),
];

/** busybox nslookup.c's options string: exact names, `=VALUE` split off first. */
const busyboxNames = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];

export const nslookupFlags = {bind: [...new Set(bindOptions.map(o => `-${o.name}`))], busybox: busyboxNames.map(n => (n === 'debug' ? '-debug' : `-${n}=`))};

const matches = (opt: string, o: BindOption): boolean => {
	const want = o.name.slice(0, o.length).toLowerCase();
	const got = opt.slice(0, o.length).toLowerCase();
	return o.length > o.name.length ? opt.toLowerCase() === o.name : got === want;
};

/** What the words gave: options by key (type, port, debug...), the words that are not options, and the ones bind called invalid. */
export function readNslookupOptions(args: string[], busybox: boolean): {given: ParsedOptions; invalid: string[]} | 'usage' {
	const given = new ParsedOptions();
	const invalid: string[] = [];
	for (const arg of args) {
		if (!arg.startsWith('-') || arg === '-') {
			given.operands.push(arg);
			continue;
		}
		// busybox reads options only before the first name (getopt's "+").
		if (busybox && given.operands.length) return 'usage';
		const opt = arg.slice(1);
		if (busybox) {
			const eq = opt.indexOf('=');
			const name = eq < 0 ? opt : opt.slice(0, eq);
			if (!busyboxNames.includes(name)) return 'usage';
			given.given.push({key: name === 'querytype' ? 'type' : name === 't' ? 'timeout' : name, value: eq < 0 ? '' : opt.slice(eq + 1), as: arg});
			continue;
		}
		const option = bindOptions.find(o => matches(opt, o));
		if (!option) invalid.push(opt);
		else given.given.push({key: option.key, value: option.value ? opt.slice(opt.indexOf('=') + 1) : undefined, as: arg});
	}
	return {given, invalid};
}
