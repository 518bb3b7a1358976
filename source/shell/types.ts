import type {ExternalProgramRunner} from '../engine/script/external-programs.ts';
import type {World} from '../engine/world.ts';
import type {Locale} from '../i18n/locale.ts';
import type {OptionsSpec} from './options.ts';
import type {OutputChunk} from './output-chunks.ts';
import type {FunctionDefinition} from './syntax/ast.ts';

/**
 * Where the learner's shell is: a stack of frames, innermost last. `ssh worker-1`, `unshare --pid
 * --fork`, `docker exec -it` and `kubectl exec -it` push a frame; `exit` pops one.
 */
export type ShellFrame = {
	host: string;
	pid: number; // host pid of this shell's own process; its namespaces are the shell's view
	user: string;
	cwd: string;
	kind: 'login' | 'ssh' | 'unshare' | 'nsenter' | 'container' | 'pod' | 'netns';
	label?: string; // shown in the prompt, e.g. the container name
	/** The command that opened this interactive shell (`kubectl exec -it duo -c sidecar -- sh`): what a line typed here amounts to. */
	via?: string;
	/** A non-interactive `bash -c LINE` (ssh HOST LINE): bash names the line in its errors (`bash: line 1: foo: command not found`). */
	script?: boolean;
	/** `kubectl run -it`: the pod this terminal is attached to; leaving says how to reattach, and --rm deletes the pod. */
	attached?: {namespace: string; pod: string; container: string; remove: boolean};
};

/** A kubeconfig context: which cluster, as which user, in which namespace. */
export type KubeContext = {cluster: string; user: string; namespace?: string};

export type ShellSession = {
	frames: ShellFrame[];
	env: Record<string, string>;
	lastExit: number;
	history: string[];
	/** The background jobs of each shell (jobs.ts); absent: none. */
	jobs?: BackgroundJob[];
	namespace: string; // kubectl's current namespace (the current context's)
	/** kubeconfig contexts beyond kubeadm's one (set-context NAME), and the current one; absent: only kubeadm's. */
	kubeconfig?: {current: string; contexts: Record<string, KubeContext>};
	functions?: Record<string, FunctionDefinition>; // defined with f() { ...; }, by name
};

export type ShellState = {world: World; session: ShellSession};

/** A job that `cmd &` started (jobs.ts). */
export type BackgroundJob = {
	id: number;
	/** The shell that started it (its host and pid): each shell has its own table. */
	host: string;
	shell: number;
	/** The process that is the job while it runs (this shell's child); none when it ended before the line did (`echo hi &`). */
	pid?: number;
	/** When that process ends by itself (sleep N &). */
	endsAt?: number;
	/** A client that waits on a process elsewhere (multipass exec ... &): it runs until it is killed. */
	remote?: boolean;
	/** It ended by a signal during the line before: bash notices that at the next prompt. */
	deferred?: boolean;
	command: string;
	/** How it ended, when known: an exit status, or the signal that ended it. */
	exit?: number;
	signal?: number;
};

/** Files on the learner's real disk (or a lesson's workspace, or a test's map), relative to where the tutor started. */
export type HostDisk = {
	readFile(path: string): string | undefined;
	/** The same read, with the reason when there is no content (a real disk refuses devices, FIFOs, huge files). */
	read?(path: string): DiskRead;
	isDirectory(path: string): boolean;
	listDirectory(path: string): string[];
	/**
	 * The disk a whole folder (a build context) is taken from: a lesson's own folder comes from the
	 * lesson's files alone, not mixed with whatever the learner's real folder holds.
	 */
	scope?(path: string): HostDisk;
	/** Optional, for `edit FILE`. */
	displayPath?(path: string): string;
};

export type DiskProblem = 'missing' | 'directory' | 'not-regular' | 'too-large' | 'outside' | 'unreadable';
export type DiskRead = {ok: true; content: string} | {ok: false; problem: DiskProblem; message: string};

/**
 * A command that keeps printing as the world changes (`kubectl get -w`), as data: the runner
 * steps it while virtual time passes (shell/follow.ts) until Ctrl-C or the next command.
 */
export type FollowSpec = {
	kind: 'kubectl-get-watch';
	resource: string;
	namespace?: string; // undefined: every namespace
	allNamespaces: boolean; // a NAMESPACE column
	seen: Record<string, string>; // "ns/name" -> the resourceVersion last printed
	widths: number[]; // the first table's column widths
	header?: string[]; // --watch-only: the header still to print with the first event
	labelSelector?: string; // -l, as typed
	fieldSelector?: string; // --field-selector, as typed
	names?: string[]; // `get pod web -w`: only these objects
	output?: 'wide' | 'yaml' | 'json' | 'name'; // -o: a table row by default
	typePrefix?: string; // -o name: "pod", "deployment.apps"
	printed?: number; // -o yaml: objects printed so far (each after the first follows a ---)
};

export type ShellEffect = {kind: 'clear'} | {kind: 'exit-tutor'} | {kind: 'edit'; path: string} | {kind: 'follow'; follow: FollowSpec};

/** Every command the simulated shell knows, by name. */
export type CommandTable = Map<string, CommandSpec>;

/** What a line runs with: the command table (every command of the shell), real files, "did you mean". */
export type ShellRuntime = {
	commands: CommandTable;
	disk: HostDisk;
	/** How a container's script runs its tools (ls, wget...): through `commands` (createSimulation); pass it when advancing the world. */
	programs: ExternalProgramRunner;
	/** Suggests a fix for an unknown command name (the "did you mean" of issue 6), or nothing. */
	suggest?: (name: string) => string | undefined;
	/** The learner's language: in zh-CN every [simulator] remark is followed by its Chinese. */
	locale?: Locale;
};

export type CommandContext = {
	world: World;
	session: ShellSession;
	frame: ShellFrame; // the current (innermost) frame
	stdin: string; // piped input, or '' when none
	disk: HostDisk;
	/** The runtime of the line: commands that run other commands (sudo, ssh, kubectl exec) use its table. */
	runtime: ShellRuntime;
	commandLine: string; // the whole line as typed, for history checks and messages
};

export type CommandOutcome = {
	stdout: string;
	stderr?: string;
	exitCode: number;
	world?: World; // the new world, when the command changed it (produced with immer)
	session?: ShellSession; // the new session, when the command changed it
	spawnedPid?: number; // a long-running process it started, for `&` job lines
	effects?: ShellEffect[];
	/** What it wrote to stderr came before what it wrote to stdout (docker run's pull lines before the container's output). */
	stderrFirst?: boolean;
	/** Both streams in the order the terminal showed them, when they interleave (a line run inside a container). */
	chunks?: OutputChunk[];
};

export type CommandSpec = {
	name: string;
	summary: string; // one line for `help`
	usage?: string;
	/** Subcommands and flags offered by Tab completion. */
	subcommands?: string[];
	flags?: string[];
	/** For a command with verbs (kubectl, docker): the flags Tab offers after these words (the verb first), from the spec its --help prints. */
	flagsAfter?: (positional: string[]) => string[];
	/** For a tool with two wordings (busybox's applet in a container, GNU/procps/iputils on a host): the flags Tab offers where the shell runs. */
	flagsAt?: (world: World, frame: ShellFrame) => string[];
	/** The options the real tool accepts: checked before run, printed by --help (options.ts). */
	options?: OptionsSpec;
	run(args: string[], ctx: CommandContext): CommandOutcome;
};

export type LineResult = {
	state: ShellState;
	stdout: string;
	stderr: string;
	exitCode: number;
	effects: ShellEffect[];
	/**
	 * A line typed in a shell opened by `kubectl exec -it` or `docker exec -it` (hostname), as the
	 * learner's own shell would run it (kubectl exec -it duo -c sidecar -- sh -c hostname): lesson
	 * checks count it as that command too.
	 */
	asRun?: string;
	/** The kinds of namespace (net, uts...) the typing shell has of its own, not its host's first ones (an unshare'd shell): where the line ran. */
	ownNamespaces?: string[];
	/** The terminal showed stderr before stdout (a line that was one command whose outcome said so). */
	stderrFirst?: boolean;
	/** Both streams in the order the terminal showed them (`ps --bogus; echo rc=$?`: the error first); read with chunksOf(). */
	chunks?: OutputChunk[];
};
