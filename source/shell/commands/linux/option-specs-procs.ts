// The options of procps-ng ps (4.0), as `ps --help all` lists them, in its three syntaxes: UNIX
// (-e, -o LIST), BSD (a bare word: `aux`, `o LIST`) and GNU long (--sort=LIST). A SysV and a BSD
// letter that mean different things have their own key (`-u USERS` is `user`, `u` is `bsd-u`).
// Also python3 -m http.server's argparse options, leaky-app's, stress 1.0.7's (its --help text, whole words) and systemd's shutdown (255: its --help text, getopt "HPrhkKat:fFc", a bad option one line).
import {flag, type OptionDef, type OptionsSpec} from '../../options.ts';
import {optionsFromHelp} from '../../options-from-help.ts';
import {procpsPsUsage} from './help-texts-net.ts';
import {procpsPsHelpSections} from './ps-help-texts.ts';

const sysv = (letter: string, key: string, help: string, value?: 'required', argName?: string): OptionDef => flag(letter, undefined, help, value, argName, {key});
const bsd = (letter: string, key: string, help: string, value?: 'required', argName?: string): OptionDef => ({bsd: letter, key, help, ...(value ? {value, argName} : {})});
const list = (short: string | undefined, bsdLetter: string | undefined, long: string | undefined, key: string, help: string, argName: string): OptionDef => ({...flag(short, long, help, 'required', argName, {key}), ...(bsdLetter ? {bsd: bsdLetter} : {})});

/** `ps -aux`: procps reads a dashed word of BSD letters with u or x as the BSD word (`ps aux`); `ps --help all` is the section all. */
function dashedBsdWord(args: string[]): string[] {
	const out = args.map(a => (/^-[auxj]+$/.test(a) && /[ux]/.test(a) ? a.slice(1) : a));
	const at = out.indexOf('--help');
	return at >= 0 && out[at + 1]! in procpsPsHelpSections ? [...out.slice(0, at), `--help=${out[at + 1]}`, ...out.slice(at + 2)] : out;
}

const shutdownHelp = `shutdown [OPTIONS...] [TIME] [WALL...]

Shut down the system.

Options:
     --help      Show this help
  -H --halt      Halt the machine
  -P --poweroff  Power-off the machine
  -r --reboot    Reboot the machine
  -h             Equivalent to --poweroff, overridden by --halt
  -k             Don't halt/power-off/reboot, just send warnings
     --no-wall   Don't send wall message before halt/power-off/reboot
  -c             Cancel a pending shutdown
     --show      Show pending shutdown

See the shutdown(8) man page for details.
`;

/** systemd's halt_help() as poweroff prints it (systemctl-compat-halt.c); getopt "pfwdnih". */
export const poweroffHelp = `poweroff [OPTIONS...]

Power off the system.

Options:
     --help      Show this help
     --halt      Halt the machine
  -p --poweroff  Switch off the machine
     --reboot    Reboot the machine
  -f --force     Force immediate halt/power-off/reboot
  -w --wtmp-only Don't halt/power-off/reboot, just write wtmp record
  -d --no-wtmp   Don't write wtmp record
     --no-wall   Don't send wall message before halt/power-off/reboot

See the halt(8) man page for details.
`;

export const poweroffOptions: OptionsSpec = {
	usage: ['poweroff [OPTIONS...]'],
	about: 'Power off the system.',
	style: 'systemd',
	help: {text: poweroffHelp},
	options: [...optionsFromHelp(poweroffHelp), ...['n', 'i', 'h'].map(letter => flag(letter, undefined, 'ignored'))],
};

export const shutdownOptions: OptionsSpec = {
	usage: ['shutdown [OPTIONS...] [TIME] [WALL...]'],
	about: 'Shut down the system.',
	style: 'systemd',
	help: {text: shutdownHelp},
	options: [
		...optionsFromHelp(shutdownHelp),
		// Taken for compatibility with SysV shutdown, and ignored.
		...['a', 'f', 'F', 'K'].map(letter => flag(letter, undefined, 'ignored')),
		flag('t', undefined, 'ignored', 'required', 'SECONDS'),
	],
};

export const stressHelp = `\`stress' imposes certain types of compute stress on your system

Usage: stress [OPTION [ARG]] ...
 -?, --help         show this help statement
     --version      show version statement
 -v, --verbose      be verbose
 -q, --quiet        be quiet
 -n, --dry-run      show what would have been done
 -t, --timeout N    timeout after N seconds
     --backoff N    wait factor of N microseconds before work starts
 -c, --cpu N        spawn N workers spinning on sqrt()
 -i, --io N         spawn N workers spinning on sync()
 -m, --vm N         spawn N workers spinning on malloc()/free()
     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)
     --vm-stride B  touch a byte every B bytes (default is 4096)
     --vm-hang N    sleep N secs before free (default none, 0 is inf)
     --vm-keep      redirty memory instead of freeing and reallocating
 -d, --hdd N        spawn N workers spinning on write()/unlink()
     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)

Example: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s

Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).
`;

/** stress 1.0.7 reads argv in its own loop (whole words) and names its pid in each error: stress.ts words them. */
export const stressOptions: OptionsSpec = {
	usage: ['stress [OPTION [ARG]] ...'],
	about: 'impose certain types of compute stress on your system',
	style: 'own',
	wholeWords: true,
	help: {text: stressHelp},
	options: optionsFromHelp(stressHelp),
};

/** python3 -m http.server's argparse (Python 3.12): what follows `-m http.server`; workloads.ts words argparse's errors. */
export const httpServerHelp = `usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]

positional arguments:
  port                  bind to this port (default: 8000)

options:
  -h, --help            show this help message and exit
  --cgi                 run as CGI server
  -b ADDRESS, --bind ADDRESS
                        bind to this address (default: all interfaces)
  -d DIRECTORY, --directory DIRECTORY
                        serve this directory (default: current directory)
  -p VERSION, --protocol VERSION
                        conform to this HTTP version (default: HTTP/1.0)
`;

export const httpServerOptions: OptionsSpec = {
	usage: ['server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]'],
	about: 'python3 -m http.server',
	style: 'own',
	help: {text: httpServerHelp},
	options: [
		flag('h', 'help', 'show this help message and exit'),
		flag(undefined, 'cgi', 'run as CGI server'),
		flag('b', 'bind', 'bind to this address (default: all interfaces)', 'required', 'ADDRESS'),
		flag('d', 'directory', 'serve this directory (default: current directory)', 'required', 'DIRECTORY'),
		flag('p', 'protocol', 'conform to this HTTP version (default: HTTP/1.0)', 'required', 'VERSION'),
	],
};

/** leaky-app, the simulator's own program: one option. */
export const leakyAppOptions: OptionsSpec = {
	usage: ['leaky-app [--rate SIZE]'],
	about: '[simulator] an app that leaks memory slowly',
	style: 'gnu',
	options: [flag(undefined, 'rate', 'how fast it leaks, per second (default 2M)', 'required', 'SIZE')],
};

export const psOptions: OptionsSpec = {
	usage: ['ps [options]'],
	about: 'Report a snapshot of the current processes.',
	style: 'ps',
	numericOperands: true,
	errorUsage: procpsPsUsage,
	help: {text: procpsPsUsage, sections: procpsPsHelpSections},
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
		flag(undefined, 'help', 'display help and exit', 'optional', '<simple|list|output|threads|misc|all>'),
	],
};
