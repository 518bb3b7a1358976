// The command line: flags, wiring, and the only place that reads process, argv and env.
// Kept light: Ink, React and the engine load only for the commands that need them.
// Longer than ~300 lines because every subcommand's flags and help are declared here, in one commander program.
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Command, CommanderError, Help, Option} from 'commander';
import packageJson from '../package.json' with {type: 'json'};
import type {AppIO, AppOptions} from './app/app-options.ts';
import {localeFromEnv, locales, parseLocale} from './i18n/locale.ts';
import {terminalMode} from './app/terminal-mode.ts';
import {createPendingSaves, type PendingSavesRegistry} from './lessons/progress/pending-saves.ts';
import {realDisk} from './node/real-disk.ts';
import {programStamp} from './node/world-cache.ts';

type GlobalFlags = {lang?: string; plain?: boolean; lessons?: string};
type ApiOptionFlags = {api?: boolean | string; apiBind?: string};

const apiOptionHelp = 'serve the simulated cluster to your own kubectl on https://127.0.0.1:PORT (default 6443); see `k8s-tutor kubeconfig`';
const apiBindHelp = 'address the --api endpoint listens on (default 127.0.0.1; anything else is reachable from other machines)';

/** The --api settings for a flow, or undefined; a wrong value ends the program with a usage error. */
async function apiSettings(flags: ApiOptionFlags): Promise<import('./app/api-endpoint.ts').ApiSettings | undefined> {
	if (flags.api === undefined && flags.apiBind === undefined) return undefined;
	const {apiSettingsOf} = await import('./app/api-endpoint.ts');
	const settings = apiSettingsOf(flags);
	if (settings && 'error' in settings) {
		process.stderr.write(`k8s-tutor: ${settings.error}\n`);
		process.exit(2);
	}
	return settings;
}

/** The --docker-api settings for a flow, or undefined; TCP is refused with a usage error. */
async function dockerSettings(flags: GlobalFlags & {dockerApi?: boolean; dockerApiTcp?: string}): Promise<import('./app/docker-endpoint.ts').DockerSettings | undefined> {
	if (flags.dockerApi === undefined && flags.dockerApiTcp === undefined) return undefined;
	const {dockerSettingsOf} = await import('./app/docker-endpoint.ts');
	const settings = dockerSettingsOf(flags, parseLocale(flags.lang) ?? localeFromEnv(process.env));
	if (settings && 'error' in settings) {
		process.stderr.write(`k8s-tutor: ${settings.error}\n`);
		process.exit(2);
	}
	return settings;
}

/** The endpoints serve a learner's own simulation: a classroom host or join has none to serve, so their help leaves them out and they are refused. */
const endpointFlags = ['--api', '--api-bind', '--docker-api', '--docker-api-tcp'];
const classroomHelp = {
	showGlobalOptions: true,
	visibleGlobalOptions(this: Help, command: Command) {
		return Help.prototype.visibleGlobalOptions.call(this, command).filter(option => !endpointFlags.includes(option.long ?? ''));
	},
};

async function refuseEndpoints(command: Command): Promise<void> {
	const flags = command.optsWithGlobals() as GlobalFlags & ApiOptionFlags & {dockerApi?: boolean; dockerApiTcp?: string};
	const given = [flags.api !== undefined && '--api', flags.apiBind !== undefined && '--api-bind', flags.dockerApi !== undefined && '--docker-api', flags.dockerApiTcp !== undefined && '--docker-api-tcp'].find(flag => flag !== false);
	if (!given) return;
	const {messages} = await import('./i18n/catalog.ts');
	process.stderr.write(`k8s-tutor: ${messages(parseLocale(flags.lang) ?? localeFromEnv(process.env)).student.noEndpoint(given)}\n`);
	process.exit(2);
}

let toldTerminalMode = false;

function appOptions(flags: GlobalFlags): AppOptions {
	const env = process.env;
	const mode = terminalMode({plainFlag: Boolean(flags.plain), stdinTTY: Boolean(process.stdin.isTTY), stdoutTTY: Boolean(process.stdout.isTTY), term: env.TERM});
	if (mode.notice && !toldTerminalMode) process.stderr.write(`k8s-tutor: ${mode.notice}\n`);
	toldTerminalMode = true;
	return {
		lang: parseLocale(flags.lang) ?? localeFromEnv(env), // --lang takes only the locales' own names (commander's choices)
		plain: mode.plain,
		lessonsDir: flags.lessons,
		color: !('NO_COLOR' in env) && env.TERM !== 'dumb',
		interactiveInput: Boolean(process.stdin.isTTY),
		configDir: env.K8S_TUTOR_HOME || undefined, // set but empty is unset, as for XDG_CONFIG_HOME
		disk: realDisk(process.cwd()),
		version: packageJson.version,
		worldCache: worldCache(),
	};
}

/** The bundle keeps built worlds beside Node's compile cache; run from source (tsx) it builds them each time. */
function worldCache(): AppOptions['worldCache'] {
	if (process.env.K8S_TUTOR_BUNDLED !== 'true') return undefined;
	const stamp = programStamp(import.meta.url, packageJson.version);
	return stamp ? {dir: join(tmpdir(), `k8s-tutor-worlds-${process.getuid?.() ?? 'user'}`), programStamp: stamp} : undefined;
}

/** The process as the app sees it; `pendingSaves` is this run's (the progress stores it opens join it). */
const processIO = (pendingSaves: PendingSavesRegistry): AppIO => ({
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	onSignal(handler) {
		const onInterrupt = () => handler('SIGINT');
		const onTerminate = () => handler('SIGTERM');
		process.on('SIGINT', onInterrupt);
		process.on('SIGTERM', onTerminate);
		return () => {
			process.off('SIGINT', onInterrupt);
			process.off('SIGTERM', onTerminate);
		};
	},
	exit(code) {
		// Progress another k8s-tutor kept from being saved is saved first (a bounded wait, not blocking).
		if (!pendingSaves.has()) process.exit(code);
		void pendingSaves.settle().finally(() => process.exit(code));
		return undefined as never;
	},
	pendingSaves,
});

function buildProgram(setExit: (code: number) => void, io: AppIO): Command {
	const program = new Command();
	program
		.name('k8s-tutor')
		.description('Learn how containers and Kubernetes really work: lessons beside a live simulated cluster.')
		.version(packageJson.version, '-v, --version', 'print the version')
		.helpOption('-h, --help', 'show this help')
		.addOption(new Option('--lang <locale>', 'language of the lessons and screens').choices([...locales]))
		.option('--plain', 'plain linear output for screen readers and scripts (no boxes, one line per event)')
		.option('--lessons <dir>', "use an instructor's own lesson pack instead of the built-in one")
		.option('--api [port]', apiOptionHelp)
		.option('--api-bind <addr>', apiBindHelp)
		.option('--docker-api', "serve host-1's simulated Docker daemon to your own docker CLI on a unix socket; see `k8s-tutor docker-host`")
		.option('--docker-api-tcp <addr>', 'serve the Docker daemon on TCP instead (refused: a TCP daemon needs TLS, not built yet)')
		.showSuggestionAfterError(true)
		// Arguments before "[options]" in the command list ("start <chapter> [options]"), as the readme writes them.
		.configureHelp({
			subcommandTerm: command => {
				const args = command.registeredArguments.map(arg => (arg.required ? `<${arg.name()}>` : `[${arg.name()}]`));
				return [command.name(), ...args, ...(command.options.length ? ['[options]'] : [])].join(' ');
			},
		})
		.exitOverride()
		.addHelpText(
			'after',
			`
Examples:
  k8s-tutor                          resume the tutorial where you left off
  k8s-tutor start 2                  start chapter 2 (Linux namespaces)
  k8s-tutor start 2 --fresh          start chapter 2 over from its first step
  k8s-tutor sandbox < script.txt     run a script of commands against the simulated world
  k8s-tutor sandbox --api            free play, also served to your own kubectl (k8s-tutor kubeconfig)
  k8s-tutor sandbox --docker-api     free play, host-1's Docker daemon served to your own docker (k8s-tutor docker-host)
  k8s-tutor classroom host           run a classroom session for a room of students`,
		);

	const flagsOf = (command: Command) => command.optsWithGlobals() as GlobalFlags;
	const finish = (code: number | void) => setExit(typeof code === 'number' ? code : 0);

	program.action(async (_opts, command: Command) => {
			const api = await apiSettings(command.optsWithGlobals());
			const docker = await dockerSettings(command.optsWithGlobals());
			const {runTutorial} = await import('./app/tutorial.ts');
			finish(await runTutorial(appOptions(flagsOf(command)), io, {api, docker}));
		});

	program
		.command('lessons')
		.description('list the chapters and your progress')
		.action(async (_opts, command: Command) => {
			const {runLessonsList} = await import('./app/lesson-commands.ts');
			finish(await runLessonsList(appOptions(flagsOf(command)), io));
		});

	program
		.command('start')
		.description('start (or resume) a chapter, by number or id; --fresh starts it over from its first step')
		.argument('<chapter>', 'chapter number or id, e.g. 2 or namespaces')
		.option('--fresh', "start the chapter over from its first step in a fresh world (other chapters' progress stays)")
		.configureHelp({showGlobalOptions: true})
		.action(async (chapter: string, opts: {fresh?: boolean}, command: Command) => {
			const api = await apiSettings(command.optsWithGlobals());
			const docker = await dockerSettings(command.optsWithGlobals());
			const {runTutorial} = await import('./app/tutorial.ts');
			finish(await runTutorial(appOptions(flagsOf(command)), io, {chapter, fresh: Boolean(opts.fresh), api, docker}));
		});

	program
		.command('sandbox')
		.description('free play: your own host, Docker, a registry and a cluster, no lesson')
		.option('--seed <n>', 'seed of the simulated world', '1')
		.configureHelp({showGlobalOptions: true})
		.action(async (opts: {seed: string}, command: Command) => {
			const api = await apiSettings(command.optsWithGlobals());
			const docker = await dockerSettings(command.optsWithGlobals());
			const {runSandbox} = await import('./app/sandbox.ts');
			finish(await runSandbox(appOptions(flagsOf(command)), io, {seed: Number(opts.seed) || 1, api, docker}));
		});

	program
		.command('docker-host')
		.description('print the DOCKER_HOST of the simulated Docker daemon for your own docker CLI (export DOCKER_HOST=$(k8s-tutor docker-host)); serve with --docker-api')
		.action(async (_opts, command: Command) => {
			const {runDockerHost} = await import('./app/docker-endpoint.ts');
			finish(runDockerHost(appOptions(flagsOf(command)), io));
		});

	program
		.command('kubeconfig')
		.description('print the path of the kubeconfig for your own kubectl (export KUBECONFIG=$(k8s-tutor kubeconfig)); serve with --api')
		.action(async (_opts, command: Command) => {
			const {runKubeconfig} = await import('./app/api-endpoint.ts');
			finish(await runKubeconfig(appOptions(flagsOf(command)), io));
		});

	program
		.command('reset')
		.description('forget your progress in the lesson pack in use (all, or one chapter); asks first')
		.argument('[chapter]', 'only this chapter')
		.option('-y, --yes', 'do not ask')
		.action(async (chapter: string | undefined, opts: {yes?: boolean}, command: Command) => {
			const {runReset} = await import('./app/lesson-commands.ts');
			finish(await runReset(appOptions(flagsOf(command)), io, {chapter, yes: Boolean(opts.yes)}));
		});

	const progress = program.command('progress').description('move your progress between machines');
	progress
		.command('export')
		.description('write your progress to a file')
		.argument('<file>')
		.action(async (file: string, _opts, command: Command) => {
			const {runProgressExport} = await import('./app/lesson-commands.ts');
			finish(await runProgressExport(appOptions(flagsOf(command)), io, file));
		});
	progress
		.command('import')
		.description('read progress from a file written by export')
		.argument('<file>')
		.action(async (file: string, _opts, command: Command) => {
			const {runProgressImport} = await import('./app/lesson-commands.ts');
			finish(await runProgressImport(appOptions(flagsOf(command)), io, file));
		});

	program
		.command('lint')
		.description('check a lesson pack: schema, translations, and replay every solution')
		.argument('[dir]', 'lesson folder (default: the built-in lessons)')
		.action(async (dir: string | undefined, _opts, command: Command) => {
			const {runLint} = await import('./app/lesson-commands.ts');
			finish(await runLint(appOptions(flagsOf(command)), io, dir));
		});

	const classroom = program.command('classroom').description('run a classroom session for a room of students');
	classroom
		.command('host')
		.description('start a session: students join with the printed command')
		.configureHelp(classroomHelp)
		.option('--port <n>', 'port to listen on', '7420')
		.option('--bind <addr>', 'address to listen on', '0.0.0.0')
		.option('--chapters <list>', 'chapters of this session, e.g. 1-3 or 2,4')
		.option('--session <dir>', 'folder that keeps the session (resumes it if it exists)')
		.option('--stuck-after <time>', 'time on a task step before a student counts as stuck, e.g. 5m or 90s', '5m')
		.option('--no-hints', 'exam mode: students cannot see hints')
		.option('--no-solutions', 'exam mode: students cannot see solutions')
		.action(async (opts: {port: string; bind: string; chapters?: string; session?: string; stuckAfter?: string; hints?: boolean; solutions?: boolean}, command: Command) => {
			await refuseEndpoints(command);
			const {runClassroomHost} = await import('./app/classroom-commands.ts');
			finish(await runClassroomHost(appOptions(flagsOf(command)), io, opts));
		});
	classroom
		.command('export')
		.description("print everyone's results from a session folder")
		.argument('<session-dir>')
		.addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
		.action(async (dir: string, opts: {format: 'csv' | 'json'}, command: Command) => {
			const {runClassroomExport} = await import('./app/classroom-commands.ts');
			finish(await runClassroomExport(appOptions(flagsOf(command)), io, dir, opts.format));
		});

	classroom
		.command('report')
		.description('after class: one row per student per chapter (finished, time, hints, solutions, wrong answers)')
		.argument('<session-dir>')
		.addOption(new Option('--format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
		.action(async (dir: string, opts: {format: 'text' | 'csv' | 'json'}, command: Command) => {
			const {runClassroomReport} = await import('./app/classroom-commands.ts');
			finish(await runClassroomReport(appOptions(flagsOf(command)), io, dir, opts.format));
		});
	classroom
		.command('replay')
		.description("one student's commands with exit codes, steps and hands, from the session's log")
		.argument('<session-dir>')
		.argument('<name>')
		.action(async (dir: string, name: string, _opts, command: Command) => {
			const {runClassroomReplay} = await import('./app/classroom-commands.ts');
			finish(await runClassroomReplay(appOptions(flagsOf(command)), io, dir, name));
		});

	program
		.command('join')
		.description("join an instructor's classroom session")
		// A student reads this help alone in a lab: show --plain and --lang here too.
		.configureHelp(classroomHelp)
		.argument('<host>', 'HOST[:PORT] printed by the instructor')
		.requiredOption('--code <code>', 'the join code')
		.requiredOption('--name <name>', 'your name as the instructor will see it')
		.option('--token <token>', 'the token printed at your first join, to rejoin from another computer')
		.action(async (host: string, opts: {code: string; name: string; token?: string}, command: Command) => {
			await refuseEndpoints(command);
			const {runJoin} = await import('./app/classroom-commands.ts');
			finish(await runJoin(appOptions(flagsOf(command)), io, {host, ...opts}));
		});

	for (const command of allCommandsOf(program)) {
		command.exitOverride().configureOutput({
			writeOut: text => process.stdout.write(text),
			writeErr: text => process.stderr.write(text),
			outputError: (text, write) => write(`k8s-tutor: ${text.replace(/^error: /, '').trim()}\nUsage: ${commandPath(command)} ${command.usage()}\nRun '${commandPath(command)} --help' for more.\n`),
		});
	}
	return program;
}

function allCommandsOf(command: Command): Command[] {
	return [command, ...command.commands.flatMap(allCommandsOf)];
}

function commandPath(command: Command): string {
	const names: string[] = [];
	for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
	return names.join(' ');
}

/** Options of the root command that take a value, so the first bare word after them is not a command name. */
const valuedRootOptions = new Set(['--lang', '--lessons', '--api-bind']);

/** The first bare word of argv when it names no command: `k8s-tutor frobnicate` is a typo, not an argument. */
function unknownCommand(program: Command, argv: string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') return undefined;
		if (arg.startsWith('-')) {
			if (valuedRootOptions.has(arg)) i++;
			continue;
		}
		return program.commands.some(c => c.name() === arg || c.aliases().includes(arg)) ? undefined : arg;
	}
	return undefined;
}

/** Runs the command line; resolves with the exit code (the process exits with it). */
export async function main(argv: string[]): Promise<void> {
	// `k8s-tutor lessons | head` closes the pipe early: that is the reader's choice, not an error.
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(0);
			throw error;
		});
	}
	let exitCode = 0;
	const pendingSaves = createPendingSaves();
	const program = buildProgram(code => {
		exitCode = code;
	}, processIO(pendingSaves));
	const unknown = unknownCommand(program, argv);
	if (unknown !== undefined) {
		process.stderr.write(`k8s-tutor: unknown command '${unknown}'\nUsage: k8s-tutor ${program.usage()}\nRun 'k8s-tutor --help' for the commands.\n`);
		process.exit(2);
	}
	try {
		await program.parseAsync(argv, {from: 'user'});
	} catch (error) {
		if (error instanceof CommanderError) {
			const informational = ['commander.version', 'commander.helpDisplayed', 'commander.help'].includes(error.code);
			exitCode = informational ? 0 : 2;
		} else {
			process.stderr.write(`k8s-tutor: ${error instanceof Error ? error.message : String(error)}\n`);
			exitCode = 1;
		}
	}
	// Exit explicitly: a finished Ink app or a closed socket must not keep the process alive.
	await pendingSaves.settle();
	process.exit(exitCode);
}
