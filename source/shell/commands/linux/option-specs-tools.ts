// Option specs of the namespace, identity and network tools (util-linux 2.38, coreutils 9.4,
// net-tools hostname, iproute2 6.1, OpenSSH 9): read by options.ts, so an unknown option answers
// in each tool's own words, --help prints the tool's text, and Tab offers the same names.
// Longer than ~300 lines because it is data: each tool's options and help text, as the real tools list them.
import {flag, type OptionDef, type OptionsSpec} from '../../options.ts';

const hostnameUsage = `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`;

const unameHelp = `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/uname>
or available locally via: info '(coreutils) uname invocation'
`;

const unshareHelp = `
Usage:
 unshare [options] [<program> [<argument>...]]

Run a program with some namespaces unshared from the parent.

Options:
 -m, --mount[=<file>]      unshare mounts namespace
 -u, --uts[=<file>]        unshare UTS namespace (hostname etc)
 -i, --ipc[=<file>]        unshare System V IPC namespace
 -n, --net[=<file>]        unshare network namespace
 -p, --pid[=<file>]        unshare pid namespace
 -U, --user[=<file>]       unshare user namespace
 -C, --cgroup[=<file>]     unshare cgroup namespace
 -T, --time[=<file>]       unshare time namespace

 -f, --fork                fork before launching <program>
 --map-user=<uid>|<name>   map current user to uid (implies --user)
 --map-group=<gid>|<name>  map current group to gid (implies --user)
 -r, --map-root-user       map current user to root (implies --user)
 -c, --map-current-user    map current user to itself (implies --user)
 --map-auto                map users and groups automatically (implies --user)
 --map-users=<outeruid>,<inneruid>,<count>
                           map count users from outeruid to inneruid (implies --user)
 --map-groups=<outergid>,<innergid>,<count>
                           map count groups from outergid to innergid (implies --user)

 --kill-child[=<signame>]  when dying, kill the forked child (implies --fork)
                             defaults to SIGKILL
 --mount-proc[=<dir>]      mount proc filesystem first (implies --mount)
 --propagation slave|shared|private|unchanged
                           modify mount propagation in mount namespace
 --setgroups allow|deny    control the setgroups syscall in user namespaces
 --keep-caps               retain capabilities granted in user namespaces

 -R, --root=<dir>          run the command with root directory set to <dir>
 -w, --wd=<dir>            change working directory to <dir>
 -S, --setuid <uid>        set uid in entered namespace
 -G, --setgid <gid>        set gid in entered namespace
 --monotonic <offset>      set clock monotonic offset (seconds) in time namespaces
 --boottime <offset>       set clock boottime offset (seconds) in time namespaces

 -h, --help                display this help
 -V, --version             display version

For more details see unshare(1).
`;

const nsenterHelp = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -S, --setuid <uid>     set uid in entered namespace
 -G, --setgid <gid>     set gid in entered namespace
     --preserve-credentials do not touch uids or gids
 -r, --root[=<dir>]     set the root directory
 -w, --wd[=<dir>]       set the working directory
 -W. --wdns <dir>       set the working directory in namespace
 -F, --no-fork          do not fork before exec'ing <program>
 -Z, --follow-context   set SELinux context according to --target PID

 -h, --help             display this help
 -V, --version          display version

For more details see nsenter(1).
`;

export const ipUsage = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

const curlHelp = 'Usage: curl [options...] <url>\n -d, --data <data>          HTTP POST data\n -f, --fail                 Fail fast with no output on HTTP errors\n -h, --help <category>      Get help for commands\n -i, --include              Include protocol response headers in the output\n -o, --output <file>        Write to file instead of stdout\n -O, --remote-name          Write output to a file named as the remote file\n -s, --silent               Silent mode\n -T, --upload-file <file>   Transfer local FILE to destination\n -u, --user <user:password> Server user and password\n -A, --user-agent <name>    Send User-Agent <name> to server\n -v, --verbose              Make the operation more talkative\n -V, --version              Show version number and quit\n\nThis is not the full help, this menu is stripped into categories.\nUse "--help category" to get an overview of all categories.\nFor all options use the manual or "--help all".\n';

export const sudoUsage = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

export const sshUsage = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command [argument ...]]
`;

/** Where pkill's -9 / -KILL is: procps takes the signal word out before reading the options. */
export const signalWordAt = (args: string[]): number => args.findIndex(a => /^-(\d+|(SIG)?[A-Z][A-Z0-9+-]*)$/.test(a) && !/^-[A-Z]$/.test(a));

export function withoutSignalWord(args: string[]): string[] {
	const at = signalWordAt(args);
	return at < 0 ? args : [...args.slice(0, at), ...args.slice(at + 1)];
}

/** The namespace kinds' options, as unshare (value only in the long form) and nsenter (getopt "m::") take them. */
const namespaceOptions = (verb: string, longOnlyValue: boolean): OptionDef[] =>
	([['m', 'mount', 'mounts'], ['u', 'uts', 'UTS'], ['i', 'ipc', 'System V IPC'], ['n', 'net', 'network'], ['p', 'pid', 'pid'], ['U', 'user', 'user'], ['C', 'cgroup', 'cgroup'], ['T', 'time', 'time']] as const).map(([short, long, what]) =>
		flag(short, long, `${verb} ${what} namespace`, 'optional', '<file>', longOnlyValue ? {longOnlyValue} : {}),
	);

export const toolOptions: Record<string, OptionsSpec> = {
	hostname: {
		usage: ['hostname [-b] {hostname|-F file}'],
		about: 'Show or set the system host name.',
		style: 'usage',
		badOptionExit: 255,
		errorUsage: hostnameUsage,
		errorUsageOnStdout: true,
		help: {text: hostnameUsage, exitCode: 255},
		options: [
			flag('a', 'alias', 'alias names'),
			flag('A', 'all-fqdns', 'all long host names (FQDNs)'),
			flag('b', 'boot', 'set default hostname if none available'),
			flag('d', 'domain', 'DNS domain name'),
			flag('f', 'fqdn', 'long host name (FQDN)'),
			flag(undefined, 'long', 'long host name (FQDN)'),
			flag('F', 'file', 'read host name or NIS domain name from given file', 'required', 'file'),
			flag('i', 'ip-address', 'addresses for the host name'),
			flag('I', 'all-ip-addresses', 'all addresses for the host'),
			flag('s', 'short', 'short host name'),
			flag('y', 'yp', 'NIS/YP domain name'),
			flag(undefined, 'nis', 'NIS/YP domain name'),
			flag('h', 'help', 'print info and exit'),
			flag('V', 'version', 'print info and exit'),
		],
	},
	uname: {
		usage: ['uname [OPTION]...'],
		about: 'Print certain system information.  With no OPTION, same as -s.',
		style: 'gnu',
		help: {text: unameHelp},
		options: [
			flag('a', 'all', 'print all information'),
			flag('s', 'kernel-name', 'print the kernel name'),
			flag('n', 'nodename', 'print the network node hostname'),
			flag('r', 'kernel-release', 'print the kernel release'),
			flag('v', 'kernel-version', 'print the kernel version'),
			flag('m', 'machine', 'print the machine hardware name'),
			flag('p', 'processor', 'print the processor type (non-portable)'),
			flag('i', 'hardware-platform', 'print the hardware platform (non-portable)'),
			flag('o', 'operating-system', 'print the operating system'),
			flag(undefined, 'version', 'output version information and exit'),
		],
	},
	unshare: {
		usage: ['unshare [options] [<program> [<argument>...]]'],
		about: 'Run a program with some namespaces unshared from the parent.',
		style: 'gnu',
		stopAtOperand: true,
		help: {text: unshareHelp},
		options: [
			...namespaceOptions('unshare', true),
			flag('f', 'fork', 'fork before launching <program>'),
			flag(undefined, 'map-user', 'map current user to uid (implies --user)', 'required', '<uid>|<name>'),
			flag(undefined, 'map-group', 'map current group to gid (implies --user)', 'required', '<gid>|<name>'),
			flag('r', 'map-root-user', 'map current user to root (implies --user)'),
			flag('c', 'map-current-user', 'map current user to itself (implies --user)'),
			flag(undefined, 'map-auto', 'map users and groups automatically (implies --user)'),
			flag(undefined, 'map-users', 'map count users from outeruid to inneruid (implies --user)', 'required', '<outeruid>,<inneruid>,<count>'),
			flag(undefined, 'map-groups', 'map count groups from outergid to innergid (implies --user)', 'required', '<outergid>,<innergid>,<count>'),
			flag(undefined, 'kill-child', 'when dying, kill the forked child (implies --fork)', 'optional', '<signame>'),
			flag(undefined, 'mount-proc', 'mount proc filesystem first (implies --mount)', 'optional', '<dir>'),
			flag(undefined, 'propagation', 'modify mount propagation in mount namespace', 'required', 'slave|shared|private|unchanged'),
			flag(undefined, 'setgroups', 'control the setgroups syscall in user namespaces', 'required', 'allow|deny'),
			flag(undefined, 'keep-caps', 'retain capabilities granted in user namespaces'),
			flag('R', 'root', 'run the command with root directory set to <dir>', 'required', '<dir>'),
			flag('w', 'wd', 'change working directory to <dir>', 'required', '<dir>'),
			flag('S', 'setuid', 'set uid in entered namespace', 'required', '<uid>'),
			flag('G', 'setgid', 'set gid in entered namespace', 'required', '<gid>'),
			flag(undefined, 'monotonic', 'set clock monotonic offset (seconds) in time namespaces', 'required', '<offset>'),
			flag(undefined, 'boottime', 'set clock boottime offset (seconds) in time namespaces', 'required', '<offset>'),
			flag('h', 'help', 'display this help'),
			flag('V', 'version', 'display version'),
		],
	},
	nsenter: {
		usage: ['nsenter [options] [<program> [<argument>...]]'],
		about: 'Run a program with namespaces of other processes.',
		style: 'gnu',
		stopAtOperand: true,
		help: {text: nsenterHelp},
		options: [
			flag('a', 'all', 'enter all namespaces'),
			flag('t', 'target', 'target process to get namespaces from', 'required', '<pid>'),
			...namespaceOptions('enter', false),
			flag('S', 'setuid', 'set uid in entered namespace', 'required', '<uid>'),
			flag('G', 'setgid', 'set gid in entered namespace', 'required', '<gid>'),
			flag(undefined, 'preserve-credentials', 'do not touch uids or gids'),
			flag('r', 'root', 'set the root directory', 'optional', '<dir>'),
			flag('w', 'wd', 'set the working directory', 'optional', '<dir>'),
			flag('W', 'wdns', 'set the working directory in namespace', 'required', '<dir>'),
			flag('F', 'no-fork', "do not fork before exec'ing <program>"),
			flag('Z', 'follow-context', 'set SELinux context according to --target PID'),
			flag('h', 'help', 'display this help'),
			flag('V', 'version', 'display version'),
		],
	},
	su: {
		usage: ['su [options] [-] [<user> [<argument>...]]'],
		about: 'Change the effective user ID and group ID to that of <user>.\nA mere - implies -l.  If <user> is not given, root is assumed.',
		style: 'gnu',
		options: [
			flag('m', 'preserve-environment', 'do not reset environment variables'),
			flag('p', undefined, 'do not reset environment variables'),
			flag('w', 'whitelist-environment', "don't reset specified variables", 'required', '<list>'),
			flag('g', 'group', 'specify the primary group', 'required', '<group>'),
			flag('G', 'supp-group', 'specify a supplemental group', 'required', '<group>'),
			flag('l', 'login', 'make the shell a login shell'),
			flag('c', 'command', 'pass a single command to the shell with -c', 'required', '<command>'),
			flag(undefined, 'session-command', 'pass a single command to the shell with -c and do not create a new session', 'required', '<command>'),
			flag('f', 'fast', 'pass -f to the shell (for csh or tcsh)'),
			flag('s', 'shell', 'run <shell> if /etc/shells allows it', 'required', '<shell>'),
			flag('P', 'pty', 'create a new pseudo-terminal'),
			flag('h', 'help', 'display this help'),
			flag('V', 'version', 'display version'),
		],
	},
	// In ip's own order: "-n" is the first option starting so (-netns), "-b" is -batch, "-h" -human.
	ip: {
		usage: ['ip [ OPTIONS ] OBJECT { COMMAND | help }'],
		about: 'Show and change routing, devices, policy routing and tunnels.',
		style: 'iproute2',
		badOptionExit: 255,
		help: {text: ipUsage, stream: 'stderr', exitCode: 255},
		options: [
			flag(undefined, 'loops', 'maximum-addr-flush-attempts', 'required', 'COUNT'),
			flag(undefined, 'family', 'protocol family', 'required', '{ inet | inet6 | mpls | bridge | link }'),
			flag(undefined, '4', 'shortcut for -family inet'),
			flag(undefined, '6', 'shortcut for -family inet6'),
			flag(undefined, '0', 'shortcut for -family link'),
			flag(undefined, 'M', 'shortcut for -family mpls'),
			flag(undefined, 'B', 'shortcut for -family bridge'),
			flag(undefined, 'human', 'human-readable statistics'),
			flag(undefined, 'human-readable', 'human-readable statistics'),
			flag(undefined, 'iec', 'IEC units'),
			flag(undefined, 'stats', 'statistics'),
			flag(undefined, 'statistics', 'statistics'),
			flag(undefined, 'details', 'details'),
			flag(undefined, 'resolve', 'resolve names'),
			flag(undefined, 'oneline', 'one line per record'),
			flag(undefined, 'timestamp', 'timestamps'),
			flag(undefined, 'tshort', 'short timestamps'),
			flag(undefined, 'Version', 'version'),
			flag(undefined, 'force', 'keep going after errors in batch mode'),
			flag(undefined, 'batch', 'read commands from a file', 'required', 'filename'),
			flag(undefined, 'brief', 'brief, tabular output'),
			flag(undefined, 'json', 'JSON output'),
			flag(undefined, 'pretty', 'pretty JSON'),
			flag(undefined, 'rcvbuf', 'netlink receive buffer', 'required', 'size'),
			flag(undefined, 'color', 'color output'),
			flag(undefined, 'help', 'usage'),
			flag(undefined, 'netns', 'switch into a named network namespace first', 'required', 'name'),
			flag(undefined, 'Numeric', 'numeric output'),
			flag(undefined, 'all', 'all network namespaces'),
			flag(undefined, 'echo', 'echo the request'),
		],
	},
	pkill: {
		usage: ['pkill [options] <pattern>'],
		about: 'Signal processes whose name matches a pattern.',
		style: 'procps',
		badOptionExit: 2,
		preRead: withoutSignalWord,
		options: [
			flag(undefined, 'signal', 'signal to send (either number or name)', 'required', '<sig>'),
			flag('q', 'queue', 'integer value to be sent with the signal', 'required', '<value>'),
			flag('e', 'echo', 'display what is killed'),
			flag('c', 'count', 'count of matching processes'),
			flag('f', 'full', 'use full process name to match'),
			flag('g', 'pgroup', 'match listed process group IDs', 'required', '<PGID,...>'),
			flag('G', 'group', 'match real group IDs', 'required', '<GID,...>'),
			flag('i', 'ignore-case', 'match case insensitively'),
			flag('n', 'newest', 'select most recently started'),
			flag('o', 'oldest', 'select least recently started'),
			flag('O', 'older', 'select where older than seconds', 'required', '<seconds>'),
			flag('P', 'parent', 'match only child processes of the given parent', 'required', '<PPID,...>'),
			flag('s', 'session', 'match session IDs', 'required', '<SID,...>'),
			flag('t', 'terminal', 'match by controlling terminal', 'required', '<tty,...>'),
			flag('u', 'euid', 'match by effective IDs', 'required', '<ID,...>'),
			flag('U', 'uid', 'match by real IDs', 'required', '<ID,...>'),
			flag('x', 'exact', 'match exactly with the command name'),
			flag('F', 'pidfile', 'read PIDs from file', 'required', '<file>'),
			flag('L', 'logpidfile', 'fail if PID file is not locked'),
			flag('r', 'runstates', 'match runstates [D,S,Z,...]', 'required', '<state>'),
			flag('A', 'ignore-ancestors', 'exclude our ancestors from results'),
			flag(undefined, 'cgroup', 'match by cgroup v2 names', 'required', '<grp,...>'),
			flag(undefined, 'ns', 'match the processes that belong to the same namespace as <pid>', 'required', '<PID>'),
			flag(undefined, 'nslist', 'list which namespaces will be considered for the --ns option.', 'required', '<ns,...>'),
			flag('h', 'help', 'display this help and exit'),
			flag('V', 'version', 'output version information and exit'),
		],
	},
	// curl 8: its long options take unambiguous prefixes; an unknown one is "is unknown", exit 2.
	curl: {
		usage: ['curl [options...] <url>'],
		about: 'Transfer a URL.',
		style: 'curl',
		badOptionExit: 2,
		help: {text: curlHelp},
		options: [
			...([['s', 'silent'], ['S', 'show-error'], ['I', 'head'], ['i', 'include'], ['v', 'verbose'], ['f', 'fail'], ['L', 'location'], ['k', 'insecure'], ['4', 'ipv4'], ['6', 'ipv6'], ['O', 'remote-name'], ['J', 'remote-header-name'], ['g', 'globoff'], ['N', 'no-buffer'], ['#', 'progress-bar'], ['n', 'netrc'], ['q', 'disable'], ['M', 'manual'], ['V', 'version'], ['Z', 'parallel'], ['G', 'get'], ['l', 'list-only'], ['j', 'junk-session-cookies'], ['R', 'remote-time'], ['p', 'proxytunnel'], ['a', 'append'], ['B', 'use-ascii'], ['0', 'http1.0']] as const).map(([short, long]) => flag(short, long, 'see curl(1)')),
			...([['o', 'output'], ['X', 'request'], ['H', 'header'], ['d', 'data'], ['A', 'user-agent'], ['m', 'max-time'], ['u', 'user'], ['e', 'referer'], ['T', 'upload-file'], ['w', 'write-out'], ['x', 'proxy'], ['b', 'cookie'], ['c', 'cookie-jar'], ['F', 'form'], ['K', 'config'], ['r', 'range'], ['y', 'speed-time'], ['Y', 'speed-limit'], ['z', 'time-cond'], ['E', 'cert'], ['Q', 'quote'], ['C', 'continue-at'], ['D', 'dump-header'], ['t', 'telnet-option'], ['U', 'proxy-user']] as const).map(([short, long]) => flag(short, long, 'see curl(1)', 'required', '<value>')),
			...['compressed', 'http1.1', 'http2', 'no-progress-meter', 'fail-with-body', 'create-dirs', 'raw', 'tcp-nodelay', 'no-keepalive', 'path-as-is', 'ssl-no-revoke', 'styled-output', 'no-styled-output', 'digest', 'basic', 'anyauth', 'ntlm', 'negotiate', 'no-sessionid', 'post301', 'post302', 'post303', 'retry-all-errors', 'retry-connrefused', 'fail-early', 'location-trusted', 'tr-encoding', 'xattr', 'no-clobber', 'remove-on-error', 'http0.9', 'ssl', 'ssl-reqd', 'sslv2', 'sslv3', 'tlsv1', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3', 'no-alpn', 'no-npn'].map(long => flag(undefined, long, 'see curl(1)')),
			...['connect-timeout', 'retry', 'retry-delay', 'retry-max-time', 'resolve', 'data-raw', 'data-binary', 'data-urlencode', 'data-ascii', 'url', 'output-dir', 'cacert', 'capath', 'key', 'max-redirs', 'limit-rate', 'interface', 'json', 'noproxy', 'trace', 'trace-ascii', 'stderr', 'unix-socket', 'abstract-unix-socket', 'connect-to', 'expect100-timeout', 'keepalive-time', 'max-filesize', 'oauth2-bearer', 'proto', 'proto-redir', 'request-target', 'ciphers', 'cookie', 'dns-servers', 'happy-eyeballs-timeout-ms', 'local-port', 'variable', 'url-query', 'etag-save', 'etag-compare', 'aws-sigv4', 'hostpubmd5', 'pubkey', 'proxy-header', 'socks5', 'socks5-hostname', 'preproxy', 'form-string', 'parallel-max', 'rate', 'create-file-mode'].map(long => flag(undefined, long, 'see curl(1)', 'required', '<value>')),
			flag('h', 'help', 'Get help for commands', 'optional', '<category>'),
		],
	},
	// sudo 1.9: options end at the command (sudo -u learner ls -la).
	sudo: {
		usage: ['sudo [options] [command [arg ...]]'],
		about: 'Execute a command as another user.',
		style: 'usage',
		stopAtOperand: true,
		errorUsage: sudoUsage,
		options: [
			flag('A', 'askpass', 'use a helper program for password prompting'),
			flag('b', 'background', 'run command in the background'),
			flag('B', 'bell', 'ring bell when prompting'),
			flag('C', 'close-from', 'close all file descriptors >= num', 'required', 'num'),
			flag('D', 'chdir', 'change the working directory before running command', 'required', 'directory'),
			flag('E', 'preserve-env', 'preserve user environment when running command', 'optional', 'list'),
			flag('e', 'edit', 'edit files instead of running a command'),
			flag('g', 'group', 'run command as the specified group name or ID', 'required', 'group'),
			flag('H', 'set-home', "set HOME variable to target user's home dir"),
			flag('h', 'help', 'display help message and exit'),
			flag(undefined, 'host', 'run command on host (if supported by plugin)', 'required', 'host'),
			flag('i', 'login', 'run login shell as the target user; a command may also be specified'),
			flag('K', 'remove-timestamp', 'remove timestamp file completely'),
			flag('k', 'reset-timestamp', 'invalidate timestamp file'),
			flag('l', 'list', "list user's privileges or check a specific command"),
			flag('n', 'non-interactive', 'non-interactive mode, no prompts are used'),
			flag('P', 'preserve-groups', "preserve group vector instead of setting to target's"),
			flag('p', 'prompt', 'use the specified password prompt', 'required', 'prompt'),
			flag('R', 'chroot', 'change the root directory before running command', 'required', 'directory'),
			flag('S', 'stdin', 'read password from standard input'),
			flag('s', 'shell', 'run shell as the target user; a command may also be specified'),
			flag('T', 'command-timeout', 'terminate command after the specified time limit', 'required', 'timeout'),
			flag('U', 'other-user', 'in list mode, display privileges for user', 'required', 'user'),
			flag('u', 'user', 'run command (or edit file) as specified user name or ID', 'required', 'user'),
			flag('V', 'version', 'display version information and exit'),
			flag('v', 'validate', "update user's timestamp without running a command"),
		],
	},
	// procps top: a bad option is one line, and top still exits 0 (measured on procps-ng 4.0.2).
	top: {
		usage: ['top [options]'],
		about: 'Display Linux processes.',
		style: 'systemd',
		badOptionExit: 0,
		options: [
			flag('b', 'batch-mode', 'run in non-interactive batch mode'),
			flag('c', 'cmdline-toggle', "reverse last remembered 'c' state"),
			flag('d', 'delay', 'iterative delay as SECS [.TENTHS]', 'required', 'SECS'),
			flag('E', 'scale-summary-mem', 'set mem as: k,m,g,t,p,e for SCALE', 'required', 'SCALE'),
			flag('e', 'scale-task-mem', 'set mem with: k,m,g,t,p for SCALE', 'required', 'SCALE'),
			flag('H', 'threads-show', 'show tasks plus all their threads'),
			flag('i', 'idle-toggle', "reverse last remembered 'i' state"),
			flag('n', 'iterations', 'exit on maximum iterations NUMBER', 'required', 'NUMBER'),
			flag('O', 'list-fields', 'output all field names, then exit'),
			flag('o', 'sort-override', 'force sorting on this named FIELD', 'required', 'FIELD'),
			flag('p', 'pid', 'monitor only the tasks in PIDLIST', 'required', 'PIDLIST'),
			flag('S', 'accum-time-toggle', "reverse last remembered 'S' state"),
			flag('s', 'secure-mode', 'run with secure mode restrictions'),
			flag('U', 'filter-any-user', 'show only processes owned by USER', 'required', 'USER'),
			flag('u', 'filter-only-euser', 'show only processes owned by USER', 'required', 'USER'),
			flag('w', 'width', 'change print width [,use COLUMNS]', 'optional', 'COLUMNS'),
			flag('1', 'single-cpu-toggle', "reverse last remembered '1' state"),
			flag('h', 'help', 'display this help text, then exit'),
			flag('V', 'version', 'output version information & exit'),
		],
	},
	// psmisc killall: -SIGNAL is taken out first; a bad option prints the usage alone.
	killall: {
		usage: ['killall [OPTION]... [--] NAME...'],
		about: 'Kill processes by name.',
		style: 'usage',
		usageOnly: true,
		preRead: withoutSignalWord,
		errorUsage: "Usage: killall [OPTION]... [--] NAME...\n       killall -l, --list\n       killall -V, --version\n\n  -e,--exact          require exact match for very long names\n  -I,--ignore-case    case insensitive process name match\n  -g,--process-group  kill process group instead of process\n  -y,--younger-than   kill processes younger than TIME\n  -o,--older-than     kill processes older than TIME\n  -i,--interactive    ask for confirmation before killing\n  -l,--list           list all known signal names\n  -q,--quiet          don't print complaints\n  -r,--regexp         interpret NAME as an extended regular expression\n  -s,--signal SIGNAL  send this signal instead of SIGTERM\n  -u,--user USER      kill only process(es) running as USER\n  -v,--verbose        report if the signal was successfully sent\n  -V,--version        display version information\n  -w,--wait           wait for processes to die\n  -n,--ns PID         match processes that belong to the same namespaces\n                      as PID\n  -Z,--context REGEXP kill only process(es) having context\n                      (must precede other arguments)\n\n",
		help: {text: "Usage: killall [OPTION]... [--] NAME...\n       killall -l, --list\n       killall -V, --version\n\n  -e,--exact          require exact match for very long names\n  -I,--ignore-case    case insensitive process name match\n  -g,--process-group  kill process group instead of process\n  -y,--younger-than   kill processes younger than TIME\n  -o,--older-than     kill processes older than TIME\n  -i,--interactive    ask for confirmation before killing\n  -l,--list           list all known signal names\n  -q,--quiet          don't print complaints\n  -r,--regexp         interpret NAME as an extended regular expression\n  -s,--signal SIGNAL  send this signal instead of SIGTERM\n  -u,--user USER      kill only process(es) running as USER\n  -v,--verbose        report if the signal was successfully sent\n  -V,--version        display version information\n  -w,--wait           wait for processes to die\n  -n,--ns PID         match processes that belong to the same namespaces\n                      as PID\n  -Z,--context REGEXP kill only process(es) having context\n                      (must precede other arguments)\n\n", stream: 'stderr'},
		options: [
			flag('e', 'exact', 'require exact match for very long names'),
			flag('I', 'ignore-case', 'case insensitive process name match'),
			flag('g', 'process-group', 'kill process group instead of process'),
			flag('y', 'younger-than', 'kill processes younger than TIME', 'required', 'TIME'),
			flag('o', 'older-than', 'kill processes older than TIME', 'required', 'TIME'),
			flag('i', 'interactive', 'ask for confirmation before killing'),
			flag('l', 'list', 'list all known signal names'),
			flag('q', 'quiet', "don't print complaints"),
			flag('r', 'regexp', 'interpret NAME as an extended regular expression'),
			flag('s', 'signal', 'send this signal instead of SIGTERM', 'required', 'SIGNAL'),
			flag('u', 'user', 'kill only process(es) running as USER', 'required', 'USER'),
			flag('v', 'verbose', 'report if the signal was successfully sent'),
			flag('V', 'version', 'display version information'),
			flag('w', 'wait', 'wait for processes to die'),
			flag('n', 'ns', 'match processes that belong to the same namespaces as PID', 'required', 'PID'),
			flag('Z', 'context', 'kill only process(es) having context', 'required', 'REGEXP'),
			flag('h', 'help', 'display this help'),
		],
	},
	ssh: {
		usage: ['ssh [options] destination [command [argument ...]]'],
		about: 'OpenSSH remote login client.',
		style: 'bsd',
		badOptionExit: 255,
		stopAtOperand: true,
		errorUsage: sshUsage,
		help: {text: sshUsage, stream: 'stderr', exitCode: 255},
		options: [
			...[...'46AaCfGgKkMNnqsTtVvXxYy'].map(letter => flag(letter, undefined, 'see ssh(1)')),
			...[...'BbcDEeFIiJLlmOopQRSWw'].map(letter => flag(letter, undefined, 'see ssh(1)', 'required', 'value')),
		],
	},
};
