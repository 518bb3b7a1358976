// The options a tool's own --help text lists, read from that text: the real text is printed as is
// and is the one source of the names the parser accepts and Tab offers (iputils ping, GNU Wget,
// busybox applets). Lines that list options start with a dash after their indent:
//   "  -c <count>         stop after <count> replies"          (iputils)
//   "  -O,  --output-document=FILE      write documents to FILE" (GNU)
//   "\t-W SEC\t\tSeconds to wait", "\t--header STR\tAdd STR", "\t-4,-6\t\tForce IP..." (busybox)
//   "  -H --halt      Halt the machine"                         (systemd)
import type {OptionDef} from './option-types.ts';

type Name = {dashes: 1 | 2; name: string; value?: 'required' | 'optional'; argName?: string};

function readName(token: string): Name | undefined {
	const m = /^(--?)([\w.?]+(?:-[\w.]+)*)(?:\[=([^\]]+)\]|[= ](\S+))?$/.exec(token.trim());
	if (!m) return undefined;
	const dashes = m[1]!.length as 1 | 2;
	if (dashes === 1 && m[2]!.length !== 1) return undefined; // wget's -nv: the option -n with the value v
	return {dashes, name: m[2]!, ...(m[3] ? {value: 'optional', argName: m[3]} : m[4] ? {value: 'required', argName: m[4]} : {})};
}

export function optionsFromHelp(text: string): OptionDef[] {
	const out: OptionDef[] = [];
	for (const line of text.split('\n')) {
		// The names end at a tab or two spaces; a name wider than its column leaves one space (systemd's "-w --wtmp-only Don't...").
		const m = /^[ \t]+(-.*?)(?:\t+ *| {2,})(\S.*)?$/.exec(line.replace(/,\s+-/g, ', -')) ?? /^[ \t]+(-\S+(?: [<A-Z][^ \t]*)?)$/.exec(line) ?? /^[ \t]+(-\w --[\w-]+) ([A-Z].*)$/.exec(line);
		if (!m) continue;
		const names = m[1]!.split(/(?:,\s*|\s+)(?=-)/).map(readName); // "-O,  --output-document=FILE", systemd's "-H --halt"
		if (names.some(n => !n)) continue;
		const help = m[2] ?? '';
		const value = names.findLast(n => n!.value);
		const short = names.filter(n => n!.dashes === 1);
		const long = names.filter(n => n!.dashes === 2);
		const def = (s: Name | undefined, l: Name | undefined): OptionDef => ({
			...(s ? {short: s.name} : {}),
			...(l ? {long: l.name} : {}),
			...(value ? {value: value.value!, argName: value.argName!} : {}),
			help,
		});
		if (short.length === 1 && long.length === 1) out.push(def(short[0], long[0]));
		else for (const n of names) out.push(n!.dashes === 1 ? def(n, undefined) : def(undefined, n));
	}
	return out;
}
