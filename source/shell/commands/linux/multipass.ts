// multipass (Canonical's VM manager, qemu underneath): chapter 1's virtual machines.
import {multipassVerbHelp, multipassVerbOptions} from './multipass-help.ts';
import {produce} from 'immer';
import {gib, mib} from '../../../engine/host/create-host.ts';
import {hostMemoryUsed} from '../../../engine/host/memory.ts';
import {spawnProcess} from '../../../engine/host/processes.ts';
import type {Host, VirtualMachine} from '../../../engine/host/types.ts';
import {deleteVm, findVmImage, launchVm, minimumVmMemory, purgeVms, recoverVm, startVm, stopVm, vmImages} from '../../../engine/host/vms.ts';
import {digestHex} from '../../../engine/hash.ts';
import {randomInt} from '../../../engine/rng.ts';
import type {ExternalProgramRunner} from '../../../engine/script/external-programs.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {optionNames, ParsedOptions, parseOptions, type Problem} from '../../options.ts';
import {callerOf, external, fail, formatBytesHuman, lostShell, notSimulated, ok, parseSize} from './context.ts';
import {runNested} from './nested.ts';

export const multipassVersion = '1.14.1';

const help = `Usage: multipass [options] <command>
Create, control and connect to Ubuntu instances.

This is a command line utility for multipass, a
service that manages Ubuntu instances.

Options:
  -h, --help     Displays help on commandline options
  -v, --verbose  Increase logging verbosity. Repeat the 'v' in the short option
                 for more detail. Maximum verbosity is obtained with 4 (or more)
                 v's, i.e. -vvvv.

Available commands:
  delete    Delete instances
  exec      Run a command on an instance
  find      Display available images to create instances from
  info      Display information about instances
  launch    Create and start an Ubuntu instance
  list      List all available instances
  purge     Purge all deleted instances permanently
  recover   Recover deleted instances
  shell     Open a shell on a running instance
  start     Start instances
  stop      Stop running instances
  version   Show version details
`;

const adjectives = ['valued', 'brave', 'calm', 'eager', 'fluent', 'gentle', 'hearty', 'lucid', 'noble', 'quiet', 'rapid', 'sunny'];
const animals = ['kestrel', 'marmot', 'heron', 'lynx', 'otter', 'badger', 'finch', 'gecko', 'ibex', 'puffin', 'wombat', 'yak'];

function stateName(vm: VirtualMachine): string {
	return {starting: 'Starting', running: 'Running', stopped: 'Stopped', deleted: 'Deleted'}[vm.state];
}

function physicalHost(ctx: CommandContext): Host | undefined {
	return callerOf(ctx.world, ctx.frame)?.host;
}

/** Waits (in simulated time) until the VM's guest has booted, as `multipass launch/start` does. */
function waitForBoot(world: World, hostName: string, name: string, programs: ExternalProgramRunner): World {
	let w = world;
	for (let i = 0; i < 600; i++) {
		const vm = w.hosts.get(hostName)?.vms.get(name);
		if (!vm || vm.state !== 'starting') break;
		w = tick(w, 1000, programs);
	}
	return w;
}

function listTable(host: Host): string {
	const vms = [...host.vms.values()];
	if (vms.length === 0) return 'No instances found.\n';
	const rows = vms.map(vm => `${vm.name.padEnd(24)}${stateName(vm).padEnd(18)}${(vm.state === 'running' ? vm.ip : '--').padEnd(17)}Ubuntu ${vm.image} LTS`);
	return [`${'Name'.padEnd(24)}${'State'.padEnd(18)}${'IPv4'.padEnd(17)}Image`, ...rows].join('\n') + '\n';
}

function info(world: World, vm: VirtualMachine): string {
	const guest = world.hosts.get(vm.guestHost);
	const running = vm.state === 'running' && guest;
	const usable = vm.memoryBytes - 62 * mib;
	return [
		`Name:           ${vm.name}`,
		`State:          ${stateName(vm)}`,
		'Snapshots:      0',
		`IPv4:           ${running ? vm.ip : '--'}`,
		`Release:        ${running ? vm.os : '--'}`,
		`Image hash:     ${digestHex(`image-${vm.image}`, 12)} (Ubuntu ${vm.image} LTS)`,
		`CPU(s):         ${running ? vm.cpus : '--'}`,
		`Load:           ${running ? '0.00 0.02 0.01' : '--'}`,
		`Disk usage:     ${running ? `1.9GiB out of ${formatBytesHuman(vm.diskBytes - 200 * mib)}B` : '--'}`,
		`Memory usage:   ${running ? `${(hostMemoryUsed(guest!) / mib).toFixed(1)}MiB out of ${(usable / mib).toFixed(1)}MiB` : '--'}`,
		'Mounts:         --',
	].join('\n') + '\n';
}

export const multipass: CommandSpec = external({
	name: 'multipass',
	summary: 'run Ubuntu VMs: launch --name N --memory 1G --cpus 1, list, info, exec N -- CMD, shell, stop, delete, purge',
	subcommands: ['launch', 'list', 'ls', 'info', 'exec', 'shell', 'sh', 'start', 'stop', 'delete', 'purge', 'recover', 'find', 'version', 'help'],
	flagsAfter: positional => {
		const spec = positional[0] === undefined ? undefined : multipassVerbOptions(positional[0]);
		return spec ? optionNames(spec) : ['-h', '--help', '-v', '--verbose'];
	},
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		if (caller.host.guestOf) return fail('multipass: command not found', 127);
		const [verb, ...rest] = args;
		if (!verb || verb === '--help' || verb === '-h') return ok(help);
		if (verb === 'help') return rest[0] ? helpFor(rest[0]) : ok(help);
		// Options end at `--` (exec's command may have its own --help).
		const ownArgs = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
		const spec = multipassVerbOptions(verb);
		const read = spec ? parseOptions('multipass', spec, ownArgs) : undefined;
		// A verb multipass does not have answers --help as `multipass help VERB` does.
		if (read?.kind === 'help' || (!spec && (ownArgs.includes('--help') || ownArgs.includes('-h')))) return helpFor(verb);
		if (read?.kind === 'bad') return fail(qtOptionError(read.problem) + (verb === 'exec' && read.problem.kind.startsWith('unknown') ? '\n' + execDashDash : ''), 1);
		const given = read?.kind === 'ok' ? read.parsed : new ParsedOptions();
		const names = given.operands;
		const notes = notSimulated('multipass', given, ['name', 'memory', 'cpus', 'disk', 'all', 'purge', 'working-directory']);
		const host = caller.host;
		const instance = (name: string | undefined, action: string): VirtualMachine | CommandOutcome => {
			if (!name) return fail(`${action} failed: The following errors occurred:\nNo instance name given`, 2);
			const vm = host.vms.get(name);
			if (!vm || (vm.state === 'deleted' && action !== 'recover' && action !== 'info' && action !== 'delete')) return fail(`${action} failed: The following errors occurred:\ninstance "${name}" does not exist`, 2);
			return vm;
		};
		const isOutcome = (x: VirtualMachine | CommandOutcome): x is CommandOutcome => 'exitCode' in x;
		const outcome = ((): CommandOutcome => {
			switch (verb) {
				case 'version':
					return ok(`multipass   ${multipassVersion}\nmultipassd  ${multipassVersion}\n`);
				case 'find':
					return ok(`Image                       Aliases           Version          Description\n${Object.entries(vmImages).map(([v, i]) => `${v.padEnd(28)}${i.aliases.join(',').padEnd(18)}${'20251015'.padEnd(17)}${i.os.replace(/\.\d+ LTS/, ' LTS')}`).join('\n')}\n`);
				case 'list':
				case 'ls':
					return ok(listTable(host));
				case 'launch':
					return launch(ctx, host, given);
				case 'info': {
					if (names.length === 0 || given.has('all')) return ok([...host.vms.values()].map(vm => info(ctx.world, vm)).join('\n') || 'No instances found.\n');
					const found = instance(names[0], 'info');
					return isOutcome(found) ? found : ok(info(ctx.world, found));
				}
				case 'start':
				case 'stop':
				case 'restart': {
					const targets = given.has('all') ? [...host.vms.keys()] : names;
					if (targets.length === 0) return fail(`${verb} failed: The following errors occurred:\ninstance "primary" does not exist`, 2);
					let world = ctx.world;
					for (const name of targets) {
						const found = instance(name, verb);
						if (isOutcome(found)) return found;
						let error: string | undefined;
						world = produce(world, w => {
							const h = w.hosts.get(host.name)!;
							if (verb !== 'start') stopVm(w, h, name);
							if (verb !== 'stop') {
								const started = startVm(w, h, name);
								if (!started.ok) error = started.error;
							}
						});
						if (error) return {stdout: '', stderr: `${verb} failed: ${error}\n`, exitCode: 2, world};
						if (verb !== 'stop') world = waitForBoot(world, host.name, name, ctx.runtime.programs);
					}
					return {stdout: '', exitCode: 0, world};
				}
				case 'delete': {
					const purge = given.has('purge');
					const targets = given.has('all') ? [...host.vms.keys()] : names;
					if (targets.length === 0) return fail('Name argument or --all is required', 2);
					let world = ctx.world;
					for (const name of targets) {
						const found = instance(name, 'delete');
						if (isOutcome(found)) return found;
						world = produce(world, w => {
							const h = w.hosts.get(host.name)!;
							deleteVm(w, h, name);
							if (purge) purgeVms(w, h);
						});
					}
					return {stdout: '', exitCode: 0, world};
				}
				case 'purge': {
					const world = produce(ctx.world, w => {
						purgeVms(w, w.hosts.get(host.name)!);
					});
					return {stdout: '', exitCode: 0, world};
				}
				case 'recover': {
					const found = instance(names[0], 'recover');
					if (isOutcome(found)) return found;
					let error: string | undefined;
					const world = produce(ctx.world, w => {
						const result = recoverVm(w.hosts.get(host.name)!, found.name);
						if (!result.ok) error = result.error;
					});
					return error ? fail(`recover failed: ${error}`, 2) : {stdout: '', exitCode: 0, world};
				}
				case 'exec': {
					const found = instance(names[0], 'exec');
					if (isOutcome(found)) return found;
					const dash = rest.indexOf('--');
					const words = dash >= 0 ? rest.slice(dash + 1) : names.slice(1);
					if (words.length === 0) return fail('exec failed: No command given', 2);
					return inGuest(ctx, found, words, 'exec', given.value('working-directory'));
				}
				case 'shell':
				case 'sh': {
					const found = instance(names[0] ?? 'primary', 'shell');
					if (isOutcome(found)) return found;
					return inGuest(ctx, found, [], 'shell');
				}
				default:
					return fail(`Unknown command '${verb}'. See 'multipass help'.`, 2);
			}
		})();
		return notes ? {...outcome, stderr: notes + (outcome.stderr ?? '')} : outcome;
	},
});

/** Qt's QCommandLineParser::errorText(), which multipass prints before exiting 1 (ReturnCode::CommandLineError). */
function qtOptionError(problem: Problem): string {
	switch (problem.kind) {
		case 'unknown-short': return `Unknown option '${problem.letter}'.`;
		case 'needs-argument-short': return `Missing value after '-${problem.letter}'.`;
		case 'needs-argument-long': return `Missing value after '--${problem.long}'.`;
		case 'no-argument-allowed': return `Unexpected value after '--${problem.long}'.`;
		default: return `Unknown option '${'arg' in problem ? problem.arg.replace(/^-+/, '').replace(/=.*$/, '') : ''}'.`;
	}
}

/** multipass exec's hint after an unknown option (cli/argparser.cpp, since 1.6). */
const execDashDash = '\nOptions to the inner command should come after "--", like this:\nmultipass exec <instance> -- <command> <arguments>\n';

function helpFor(verb: string): CommandOutcome {
	const text = multipassVerbHelp(verb);
	return text ? ok(text) : fail(`Error: Unknown command: '${verb}'`, 2);
}

function inGuest(ctx: CommandContext, vm: VirtualMachine, words: string[], action: string, cwd = '/home/ubuntu'): CommandOutcome {
	const guest = ctx.world.hosts.get(vm.guestHost);
	if (vm.state !== 'running' || !guest?.reachable) return fail(`${action} failed: instance "${vm.name}" is not running`, 2);
	const banner = `Welcome to ${guest.os} (GNU/Linux ${guest.kernel} ${guest.arch})\n\n * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n * Support:        https://ubuntu.com/pro\n\nTo run a command as administrator (user "root"), use "sudo <command>".\n\n`;
	return runNested(
		ctx,
		{host: guest.name, user: 'ubuntu', cwd, spawn: (w, h, command) => spawnProcess(w, h, {parentPid: 1, command: words.length ? command : '-bash', user: 'ubuntu', uid: 1000, cgroup: '/user.slice', cwd, tty: 'pts/0', memoryBytes: 5 * mib}).pid},
		words,
		{notFound: p => `${p}: command not found`, shellFrame: {kind: 'ssh'}, shellBanner: banner},
	);
}

function launch(ctx: CommandContext, host: Host, given: ParsedOptions): CommandOutcome {
	const name = given.value('name');
	const image = given.operands[0];
	const size = (key: string, what: string, fallback: number): number | CommandOutcome => {
		const v = given.value(key);
		if (v === undefined) return fallback;
		const parsed = parseSize(v.replace(/B$/i, ''), 1);
		return parsed ? parsed : fail(`error: Invalid ${what} size: "${v}"`, 2);
	};
	const memory = size('memory', 'memory', 1 * gib);
	if (typeof memory !== 'number') return memory;
	const disk = size('disk', 'disk', 5 * gib);
	if (typeof disk !== 'number') return disk;
	const cpuText = given.value('cpus') ?? '1';
	if (!/^\d+$/.test(cpuText) || Number(cpuText) < 1) return fail(`error: Invalid number of CPUs: "${cpuText}"`, 2);
	const cpus = Number(cpuText);
	if (memory < minimumVmMemory) return fail(`launch failed: Requested memory size (${Math.round(memory / mib)}MiB) is less than the minimum of 128MiB`, 2);
	if (image && !findVmImage(image)) return fail(`launch failed: Unable to find an image matching "${image}", see \`multipass find\` for available images.`, 2);
	if (name && !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) return fail(`launch failed: Invalid instance name supplied: ${name}`, 2);
	let chosen = name;
	let error: string | undefined;
	let world = produce(ctx.world, w => {
		chosen ??= `${adjectives[randomInt(w, adjectives.length)]}-${animals[randomInt(w, animals.length)]}`;
		const result = launchVm(w, w.hosts.get(host.name)!, {name: chosen, image, memoryBytes: memory, cpus, diskBytes: disk});
		if (!result.ok) error = result.error;
	});
	if (error) return {stdout: '', stderr: `launch failed: ${error}\n`, exitCode: 2, world};
	world = waitForBoot(world, host.name, chosen!, ctx.runtime.programs);
	return {stdout: `Launched: ${chosen}\n`, exitCode: 0, world};
}
