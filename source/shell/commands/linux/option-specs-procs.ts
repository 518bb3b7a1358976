// The options of procps-ng ps (4.0), as `ps --help all` lists them, in its three syntaxes: UNIX
// (-e, -o LIST), BSD (a bare word: `aux`, `o LIST`) and GNU long (--sort=LIST). A SysV and a BSD
// letter that mean different things have their own key (`-u USERS` is `user`, `u` is `bsd-u`).
import {flag, type OptionDef, type OptionsSpec} from '../../options.ts';
import {procpsPsUsage} from './help-texts-net.ts';

const sysv = (letter: string, key: string, help: string, value?: 'required', argName?: string): OptionDef => flag(letter, undefined, help, value, argName, {key});
const bsd = (letter: string, key: string, help: string, value?: 'required', argName?: string): OptionDef => ({bsd: letter, key, help, ...(value ? {value, argName} : {})});
const list = (short: string | undefined, bsdLetter: string | undefined, long: string | undefined, key: string, help: string, argName: string): OptionDef => ({...flag(short, long, help, 'required', argName, {key}), ...(bsdLetter ? {bsd: bsdLetter} : {})});

/** `ps -aux`: procps reads a dashed word of BSD letters with u or x as the BSD word (`ps aux`). */
function dashedBsdWord(args: string[]): string[] {
	return args.map(a => (/^-[auxj]+$/.test(a) && /[ux]/.test(a) ? a.slice(1) : a));
}

export const psOptions: OptionsSpec = {
	usage: ['ps [options]'],
	about: 'Report a snapshot of the current processes.',
	style: 'ps',
	numericOperands: true,
	errorUsage: procpsPsUsage,
	help: {text: procpsPsUsage},
	preRead: dashedBsdWord,
	options: [
		sysv('A', 'all', 'all processes'),
		sysv('e', 'all', 'all processes'),
		sysv('a', 'sysv-a', 'all with tty, except session leaders'),
		bsd('a', 'bsd-a', 'all with tty, including other users'),
		sysv('d', 'd', 'all except session leaders'),
		flag('N', 'deselect', 'negate selection'),
		bsd('r', 'bsd-r', 'only running processes'),
		bsd('T', 'bsd-T', 'all processes on this terminal'),
		bsd('x', 'bsd-x', 'processes without controlling ttys'),
		list('C', undefined, undefined, 'C', 'command name', '<command>'),
		list('G', undefined, 'Group', 'Group', 'real group id or name', '<GID>'),
		list('g', undefined, 'group', 'group', 'session or effective group name', '<group>'),
		list('p', 'p', 'pid', 'pid', 'process id', '<PID>'),
		list(undefined, undefined, 'ppid', 'ppid', 'parent process id', '<PID>'),
		list('q', 'q', 'quick-pid', 'quick-pid', 'process id (quick mode)', '<PID>'),
		list('s', undefined, 'sid', 'sid', 'session id', '<session>'),
		list('t', 't', 'tty', 'tty', 'terminal', '<tty>'),
		list('u', 'U', 'user', 'user', 'effective user id or name', '<UID>'),
		list('U', undefined, 'User', 'User', 'real user id or name', '<UID>'),
		sysv('F', 'F', 'extra full'),
		sysv('f', 'f', 'full-format, including command lines'),
		{bsd: 'f', long: 'forest', key: 'forest', help: 'ascii art process tree'},
		sysv('H', 'H', 'show process hierarchy'),
		sysv('j', 'sysv-j', 'jobs format'),
		bsd('j', 'bsd-j', 'BSD job control format'),
		sysv('l', 'sysv-l', 'long format'),
		bsd('l', 'bsd-l', 'BSD long format'),
		{short: 'M', bsd: 'Z', key: 'context', help: 'add security data (for SELinux)'},
		sysv('Z', 'context', 'add security data (for SELinux)'),
		sysv('O', 'O', 'preloaded with default columns', 'required', '<format>'),
		bsd('O', 'bsd-O', 'as -O, with BSD personality', 'required', '<format>'),
		list('o', 'o', 'format', 'format', 'user-defined format', '<format>'),
		sysv('P', 'P', 'add psr column'),
		bsd('s', 'bsd-s', 'signal format'),
		bsd('u', 'bsd-u', 'user-oriented format'),
		bsd('v', 'bsd-v', 'virtual memory format'),
		bsd('X', 'bsd-X', 'register format'),
		sysv('y', 'y', 'do not show flags, show rss vs. addr (used with -l)'),
		flag(undefined, 'context', 'display security context (for SELinux)'),
		flag(undefined, 'headers', 'repeat header lines, one per page'),
		flag(undefined, 'no-headers', 'do not print header at all'),
		flag(undefined, 'no-heading', 'do not print header at all', undefined, undefined, {key: 'no-headers'}),
		...['cols', 'columns', 'width'].map(long => flag(undefined, long, 'set screen width', 'required', '<num>', {key: 'width'})),
		...['rows', 'lines'].map(long => flag(undefined, long, 'set screen height', 'required', '<num>', {key: 'rows'})),
		bsd('H', 'bsd-H', 'as if they were processes'),
		sysv('L', 'L', 'possibly with LWP and NLWP columns'),
		{short: 'm', bsd: 'm', key: 'm', help: 'after processes'},
		sysv('T', 'T', 'possibly with SPID column'),
		sysv('c', 'sysv-c', 'show scheduling class with -l option'),
		bsd('c', 'bsd-c', 'show true command name'),
		bsd('e', 'bsd-e', 'show the environment after command'),
		{bsd: 'k', long: 'sort', key: 'sort', value: 'required', argName: '<spec>', help: 'specify sort order as: [+|-]key[,[+|-]key[,...]]'},
		bsd('L', 'bsd-L', 'show format specifiers'),
		bsd('n', 'bsd-n', 'display numeric uid and wchan'),
		{bsd: 'S', long: 'cumulative', key: 'cumulative', help: 'include some dead child process data'},
		{short: 'V', bsd: 'V', long: 'version', key: 'version', help: 'display version information and exit'},
		{short: 'w', bsd: 'w', key: 'wide', help: 'unlimited output width'},
	],
};
