// The options of the busybox applets a busybox or alpine container runs (busybox 1.36: each
// applet's getopt32 string and long options, its usage block from the //usage: lines): a bad
// option answers in the C library's getopt words and the usage block, exit 1; `--help` prints
// the block on stderr, exit 0. context.ts chooses these specs where /bin/busybox is the program.
import {flag, type OptionDef, type OptionsSpec} from '../../options.ts';
import {optionsFromHelp} from '../../options-from-help.ts';

const banner = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\n';

export const busyboxPingUsage = `${banner}Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

\t-4,-6\t\tForce IP or IPv6 name resolution
\t-c CNT\t\tSend only CNT pings
\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)
\t-i SECS\t\tInterval
\t-A\t\tPing as soon as reply is received
\t-t TTL\t\tSet TTL
\t-I IFACE/IP\tSource interface or IP address
\t-W SEC\t\tSeconds to wait for the first response (default 10)
\t\t\t(after all -c CNT packets are sent)
\t-w SEC\t\tSeconds until ping exits (default:infinite)
\t\t\t(can exit earlier with -c CNT)
\t-q\t\tQuiet, only display output at start/finish
\t-p HEXBYTE\tPayload pattern
`;

export const busyboxWgetUsage = `${banner}Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t--no-check-certificate\tDon't validate the server's certificate
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-T SEC\t\tNetwork read timeout is SEC seconds
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`;

export const busyboxPsUsage = `${banner}Usage: ps [-o COL1,COL2=HEADER] [-T]

Show list of processes

\t-o COL1,COL2=HEADER\tSelect columns for display
\t-T\t\t\tShow threads
`;

// ls and cat: busybox 1.35's usage text (Debian's build, the same applets' //usage: lines as 1.36).
export const busyboxLsUsage = `${banner}Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...

List directory contents

	-1	One column output
	-a	Include names starting with .
	-A	Like -a, but exclude . and ..
	-x	List by lines
	-d	List directory names, not contents
	-L	Follow symlinks
	-H	Follow symlinks on command line
	-R	Recurse
	-p	Append / to directory names
	-F	Append indicator (one of */=@|) to names
	-l	Long format
	-i	List inode numbers
	-n	List numeric UIDs and GIDs instead of names
	-s	List allocated blocks
	-lc	List ctime
	-lu	List atime
	--full-time	List full date/time
	-h	Human readable sizes (1K 243M 2G)
	--group-directories-first
	-S	Sort by size
	-X	Sort by extension
	-v	Sort by version
	-t	Sort by mtime
	-tc	Sort by ctime
	-tu	Sort by atime
	-r	Reverse sort order
	-w N	Format N columns wide
	--color[={always,never,auto}]
`;

export const busyboxCatUsage = `${banner}Usage: cat [-nbvteA] [FILE]...

Print FILEs to stdout

	-n	Number output lines
	-b	Number nonempty lines
	-v	Show nonprinting characters as ^x or M-x
	-t	...and tabs as ^I
	-e	...and end lines with $
	-A	Same as -vte
`;

/** A busybox letter read by the key the command reads GNU's option by (ls -a is `all` in both). */
const as = (letter: string, key: string, help = ''): OptionDef => flag(letter, undefined, help, undefined, undefined, {key});

const applet = (usage: string, options: OptionDef[]): OptionsSpec => ({
	usage: [usage.slice(banner.length).split('\n')[0]!.replace(/^Usage: /, '')],
	about: usage.slice(banner.length).split('\n')[2] ?? '',
	style: 'busybox',
	errorUsage: usage,
	help: {text: usage, stream: 'stderr'},
	options,
});

export const busyboxOptions: Record<string, OptionsSpec> = {
	// getopt32 "qvAc:+s:t:+w:+W:+I:np:i:46": -v and -n are taken, not listed.
	ping: applet(busyboxPingUsage, [...optionsFromHelp(busyboxPingUsage), flag('v', undefined, 'verbose'), flag('n', undefined, 'numeric output')]),
	// getopt32long "cqSO:o:P:Y:U:T:+t:n::" and wget_longopts (the -n/--no-* ones are accepted and ignored).
	wget: applet(busyboxWgetUsage, [
		flag('c', 'continue', 'Continue retrieval of aborted transfer'),
		flag('q', 'quiet', 'Quiet'),
		flag('S', 'server-response', 'Show server response'),
		flag('O', 'output-document', "Save to FILE ('-' for stdout)", 'required', 'FILE'),
		flag('o', 'output-file', 'Log messages to FILE', 'required', 'LOGFILE'),
		flag('P', 'directory-prefix', 'Save to DIR (default .)', 'required', 'DIR'),
		flag('Y', 'proxy', 'Use proxy', 'required', 'on/off'),
		flag('U', 'user-agent', 'Use STR for User-Agent header', 'required', 'STR'),
		flag('T', 'timeout', 'Network read timeout is SEC seconds', 'required', 'SEC'),
		flag('t', 'tries', 'ignored', 'required', 'TRIES'),
		flag('n', undefined, 'ignored (-nv, -nc, -nH, -np)', 'optional', 'X'),
		flag(undefined, 'header', "Add STR (of form 'header: value') to headers", 'required', 'STR'),
		flag(undefined, 'post-data', 'Send STR using POST method', 'required', 'STR'),
		flag(undefined, 'post-file', 'Send FILE using POST method', 'required', 'FILE'),
		flag(undefined, 'spider', 'Only check URL existence: $? is 0 if exists'),
		flag(undefined, 'no-check-certificate', "Don't validate the server's certificate"),
		...['passive-ftp', 'no-cache', 'no-verbose', 'no-clobber', 'no-host-directories', 'no-parent'].map(long => flag(undefined, long, 'ignored')),
	]),
	// ls.c's getopt32: "Cadi1lgnsxAk" "cetu" "SXrv" "Fp" "R" "Q" "h" "LH" "w:+" and three long options.
	ls: applet(busyboxLsUsage, [
		as('a', 'all'), as('A', 'almost-all'), as('d', 'directory'), as('R', 'recursive'), as('n', 'numeric-uid-gid'), as('i', 'inode'), as('s', 'size'), as('h', 'human-readable'), as('r', 'reverse'), as('F', 'classify'),
		...[...'1lCxgkcetuSXvpQLH'].map(letter => flag(letter, undefined, '')),
		flag('w', undefined, 'Format N columns wide', 'required', 'N'),
		flag(undefined, 'full-time', 'List full date/time'),
		flag(undefined, 'group-directories-first', ''),
		flag(undefined, 'color', '', 'optional', '{always,never,auto}'),
	]),
	// getopt32 "nbvteA" (FEATURE_CATV): the letters GNU cat reads by these keys.
	cat: applet(busyboxCatUsage, [as('n', 'number'), as('b', 'number-nonblank'), as('v', 'show-nonprinting'), as('t', 't'), as('e', 'e'), as('A', 'show-all')]),
	// getopt32 "o:*aAdeflT": -a -A -d -e -f -l are taken and ignored; a bare word (`ps aux`) is an ignored operand.
	ps: applet(busyboxPsUsage, [flag('o', undefined, 'Select columns for display', 'required', 'COL1,COL2=HEADER'), flag('T', undefined, 'Show threads'), ...[...'aAdefl'].map(letter => flag(letter, undefined, 'ignored'))]),
};
