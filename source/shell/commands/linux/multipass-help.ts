// `multipass VERB --help` and `multipass help VERB`, in the layout of multipass's own help (Qt's
// QCommandLineParser): usage, what it does, options, arguments. The same lists are each verb's
// option spec (multipassVerbOptions): what it accepts, and what Tab offers after the verb.
import {flag, type OptionsSpec} from '../../options.ts';
type VerbHelp = {usage: string; about: string; options: [string, string][]; args: [string, string][]};

const common: [string, string][] = [
	['-h, --help', 'Displays help on commandline options'],
	['-v, --verbose', 'Increase logging verbosity. Repeat the \'v\' in the short option for more detail. Maximum verbosity is obtained with 4 (or more) v\'s, i.e. -vvvv.'],
];
const instanceArg: [string, string] = ['name', 'Name of the instance'];

const verbs: Record<string, VerbHelp> = {
	launch: {
		usage: 'multipass launch [options] [[<remote:>]<image> | <url>]',
		about: 'Create and start a new instance.',
		options: [
			['-c, --cpus <cpus>', 'Number of CPUs to allocate.\nMinimum: 1, default: 1.'],
			['-d, --disk <disk>', 'Disk space to allocate. Positive integers, in bytes, or decimals, with K, M, G suffix.\nMinimum: 512M, default: 5G.'],
			['-m, --memory <memory>', 'Amount of memory to allocate. Positive integers, in bytes, or decimals, with K, M, G suffix.\nMinimum: 128M, default: 1G.'],
			['-n, --name <name>', 'Name for the instance. If it is \'primary\' (the configured primary instance name), the user\'s home directory is mounted inside the newly launched instance, in \'Home\'.\nValid names must consist of letters, numbers, or hyphens, must start with a letter, and must end with an alphanumeric character.'],
			['--cloud-init <file> | <url>', 'Path or URL to a user-data cloud-init configuration, or \'-\' for stdin.'],
			['--network <spec>', 'Add a network interface to the instance.'],
			['--mount <local-path>:<instance-path>', 'Mount a local directory inside the instance.'],
			['--timeout <timeout>', 'Maximum time, in seconds, to wait for the command to complete.'],
		],
		args: [['image', 'Optional image to launch. If omitted, then the default Ubuntu LTS will be used.\n<remote> can be either ‘release’ or ‘daily‘. If <remote> is omitted, ‘release’ will be used.']],
	},
	list: {usage: 'multipass list [options]', about: 'List all instances which have been created.', options: [['--format <format>', 'Output list in the requested format.\nValid formats are: table (default), json, csv and yaml']], args: []},
	info: {usage: 'multipass info [options] [<name> [<name> ...]]', about: 'Display information about instances', options: [['--all', 'Display info for all instances'], ['--format <format>', 'Output info in the requested format.\nValid formats are: table (default), json, csv and yaml']], args: [['name', 'Names of instances to display information about']]},
	exec: {usage: 'multipass exec [options] <name> [--] <command>', about: 'Run a command on an instance', options: [['-d, --working-directory <dir>', 'Change to <dir> before execution']], args: [instanceArg, ['command', 'Command to execute on the instance']]},
	shell: {usage: 'multipass shell [options] [<name>]', about: 'Open a shell prompt on the instance.', options: [['--timeout <timeout>', 'Maximum time, in seconds, to wait for the command to complete.']], args: [['name', 'Name of the instance to open a shell on. If omitted, \'primary\' (the configured primary instance name) will be assumed.']]},
	start: {usage: 'multipass start [options] [<name> ...]', about: 'Start the named instances. Exits with return code 0\nwhen the instances start, or with an error code if\nany fail to start.', options: [['--all', 'Start all instances'], ['--timeout <timeout>', 'Maximum time, in seconds, to wait for the command to complete.']], args: [['name', 'Names of instances to start.']]},
	stop: {usage: 'multipass stop [options] [<name> ...]', about: 'Stop the named instances. Exits with return code 0\nif successful.', options: [['--all', 'Stop all instances'], ['-t, --time <time>', 'Time from now, in minutes, to delay shutdown of the instance'], ['-f, --force', 'Force the instance to shut down immediately.']], args: [['name', 'Names of instances to stop.']]},
	restart: {usage: 'multipass restart [options] [<name> ...]', about: 'Restart the named instances. Exits with return\ncode 0 when the instances restart, or with an\nerror code if any fail to restart.', options: [['--all', 'Restart all instances']], args: [['name', 'Names of instances to restart.']]},
	delete: {usage: 'multipass delete [options] <name> [<name> ...]', about: 'Delete instances and snapshots. Instances can be purged immediately or later on,\nwith the "purge" command. Until they are purged, instances can be recovered\nwith the "recover" command.', options: [['--all', 'Delete all instances and snapshots'], ['-p, --purge', 'Permanently delete specified instances and snapshots immediately']], args: [['name', 'Names of instances and snapshots to delete']]},
	purge: {usage: 'multipass purge [options]', about: 'Purge all deleted instances permanently, including all their data.', options: [], args: []},
	recover: {usage: 'multipass recover [options] <name> [<name> ...]', about: 'Recover deleted instances so they can be used again.', options: [['--all', 'Recover all deleted instances']], args: [['name', 'Names of instances to recover']]},
	find: {usage: 'multipass find [options] [<remote:>][<string>]', about: 'Lists available images matching <string> for creating instances from.\nWith no search string, lists all aliases for supported Ubuntu releases.', options: [['--format <format>', 'Output list in the requested format.\nValid formats are: table (default), json, csv and yaml']], args: [['string', 'An optional value to search for in [<remote:>]<string> format']]},
	version: {usage: 'multipass version [options]', about: 'Display version information about the multipass command\nand daemon.', options: [['--format <format>', 'Output version information in the requested format.\nValid formats are: table (default), json, csv and yaml']], args: []},
};
verbs.ls = verbs.list!;
verbs.sh = verbs.shell!;

export function multipassVerbHelp(verb: string): string | undefined {
	const entry = verbs[verb];
	if (!entry) return undefined;
	const rows = (list: [string, string][]) => {
		const width = Math.max(38, ...list.map(([names]) => names.length + 4));
		return list.map(([names, text]) => `  ${names.padEnd(width - 2)}${text.split('\n').join('\n' + ' '.repeat(width))}`).join('\n');
	};
	return `Usage: ${entry.usage}\n${entry.about}\n\nOptions:\n${rows([...common, ...entry.options])}\n${entry.args.length ? `\nArguments:\n${rows(entry.args)}\n` : ''}`;
}

/** A verb's options as its help lists them ("-c, --cpus <cpus>": a value; "--all": none); launch also takes --mem, the old name of --memory. */
export function multipassVerbOptions(verb: string): OptionsSpec | undefined {
	const entry = verbs[verb];
	if (!entry) return undefined;
	const options = [...common, ...entry.options].flatMap(([names, text]) => {
		const m = /^(?:-(\w), )?--([\w-]+)(?: (<.*))?$/.exec(names);
		return m ? [flag(m[1], m[2], text.split('\n')[0]!, m[3] ? 'required' : undefined, m[3])] : [];
	});
	if (verb === 'launch') options.push(flag(undefined, 'mem', 'Deprecated: use --memory', 'required', '<memory>', {key: 'memory'}));
	return {usage: [entry.usage], about: entry.about, style: 'own', options};
}
