// The options of the Ubuntu hosts' ping (iputils) and wget (GNU Wget 1.21), read from their own
// help texts (help-texts-net.ts): a bad option answers as each does, --help (ping: -h) prints the
// text, Tab offers the names. In a busybox container option-specs-busybox.ts has the applets'.
import {flag, type OptionsSpec} from '../../options.ts';
import {optionsFromHelp} from '../../options-from-help.ts';
import {iputilsPingUsage, wgetHelp} from './help-texts-net.ts';

const wgetTry = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";

export const netOptions: Record<string, OptionsSpec> = {
	// iputils reads short options only (getopt): `ping --help` is the option '-', then the usage; exit 2.
	ping: {
		usage: ['ping [options] <destination>'],
		about: 'Send ICMP ECHO_REQUEST to network hosts.',
		style: 'usage',
		shortOnly: true,
		badOptionExit: 2,
		errorUsage: iputilsPingUsage,
		help: {text: iputilsPingUsage, stream: 'stderr', exitCode: 2},
		// getopt "h?" "4bRT:" "6F:N:" "aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:": -r and -? are taken, not listed.
		options: [...optionsFromHelp(iputilsPingUsage), flag('r', undefined, 'bypass the routing tables'), flag('?', undefined, 'print help and exit')],
	},
	// GNU Wget: its -nv/-nc/-nd/-nH/-np are the option -n with a value, as its getopt table has it.
	wget: {
		usage: ['wget [OPTION]... [URL]...'],
		about: 'GNU Wget, a non-interactive network retriever.',
		style: 'usage',
		badOptionExit: 2,
		errorUsage: wgetTry,
		help: {text: wgetHelp},
		options: [
			...optionsFromHelp(wgetHelp).map(o => (o.long === 'max-redirect' || o.long === 'hsts-file' ? {...o, value: 'required' as const} : o)),
			flag('n', undefined, 'no-verbose (-nv), no-clobber (-nc), no-directories (-nd), no-host-directories (-nH), no-parent (-np)', 'required', 'X'),
		],
	},
};
