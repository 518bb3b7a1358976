// The kubectl command: dispatches verbs, checks the connection, never throws.
import {impersonatedGet, impersonationRefusal} from './impersonate.ts';
import {produce} from 'immer';
import {runsAsProcess, shellScriptOf} from '../../../engine/script/script-processes.ts';
import {findExecutable} from '../../../engine/docker/programs.ts';
import {frameFilesystem} from '../../paths.ts';
import {execScript, runInside} from '../docker/inside.ts';
import {killProcess, spawnProcess} from '../../../engine/host/processes.ts';
import {runLine} from '../../run-line.ts';
import type {CommandContext, CommandOutcome, CommandSpec, ShellState} from '../../types.ts';
import {kubectlCordon, kubectlCreate, kubectlDelete, kubectlDrain, kubectlLabel, kubectlScale} from './actions.ts';
import {kubectlExpose} from './expose.ts';
import {kubectlRun} from './run.ts';
import {bool, flag, flagAll, parseArgs} from './args.ts';
import {checkFlags, flagNamesAfter} from './flags.ts';
import {notSimulated, realVerbs} from './unmodelled.ts';
import {applyManifests} from './apply.ts';
import {fail, unreachable, type Kctx} from './context.ts';
import {kubectlDescribe} from './describe.ts';
import {kubectlGet} from './get.ts';
import {kubectlApiResources, kubectlApiVersions, kubectlClusterInfo, kubectlVersion} from './info.ts';
import {kubectlExplain} from './explain.ts';
import {kubectlExec, kubectlLogs} from './logs-exec.ts';
import {kubectlWait} from './wait.ts';
import {kubectlAuth} from './auth.ts';
import {kubectlDiff} from './diff.ts';
import {kubectlCp} from './cp.ts';
import {kubectlPortForward} from './port-forward.ts';
import {kubectlTaint} from './taint.ts';
import {kubectlEvents} from './events.ts';
import {clusterName, contextProblem, kubeconfigOf, kubectlConfig} from './config.ts';
import {kubeconfigSource, withoutKubeconfig} from './kubeconfig-source.ts';
import {globalFlags} from './verb-flags.ts';
import {kubectlEditHint, kubectlPatch, kubectlRollout, kubectlSet, kubectlTop} from './update-verbs.ts';
import {verbHelp} from './verb-help.ts';

const verbs = ['get', 'describe', 'run', 'create', 'apply', 'delete', 'logs', 'exec', 'scale', 'label', 'annotate', 'cordon', 'uncordon', 'drain', 'expose', 'explain', 'version', 'cluster-info', 'api-resources', 'config', 'set', 'patch', 'rollout', 'top', 'edit', 'api-versions', 'wait', 'taint', 'events', 'auth', 'replace', 'diff', 'cp', 'port-forward'];

const usage = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]
`;

const shells = new Set(['sh', 'bash', 'ash', 'dash']);

/**
 * Runs argv inside a container (kubectl exec), through the same shell: a new process joins the
 * container's namespaces (as runc exec does) and is the frame's process, so `exit` ends it and
 * not the container. `-it` with a shell keeps the frame open; `exit` leaves it.
 */
function execIn(ctx: CommandContext, interactive: boolean) {
	return (host: string, containerPid: number, label: string, argv: string[]): CommandOutcome => {
		const program = argv[0]!.split('/').pop()!;
		if (!shells.has(program)) {
			// A single program: the command's own process stands for it (ps shows one line, not two).
			// As runc exec does, the program is looked up in the container's image (busybox has wget, nginx has no ps), as under docker exec.
			const frame = {host, pid: containerPid, user: 'root', cwd: '/', kind: 'pod' as const, label};
			const main = ctx.world.hosts.get(host)?.processes.get(containerPid);
			const root = frameFilesystem(ctx.world, frame);
			if (root?.kind === 'overlay' && !findExecutable(ctx.world, root, argv[0]!, main?.env?.['PATH'])) return {stdout: '', exitCode: 127};
			const result = runInside(ctx, ctx.world, frame, argv);
			return {stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, world: result.world};
		}
		let pid = 0;
		const world = produce(ctx.world, w => {
			const h = w.hosts.get(host)!;
			const main = h.processes.get(containerPid)!;
			pid = spawnProcess(w, h, {parentPid: main.ppid, command: argv.join(' '), namespaces: {...main.namespaces}, cgroup: main.cgroup, containerId: main.containerId, cwd: '/', memoryBytes: 1024 * 1024}).pid;
		});
		const frame = {host, pid, user: 'root', cwd: '/', kind: 'pod' as const, label};
		if (shells.has(program) && argv.length === 1) {
			if (!interactive) return {stdout: '', exitCode: 0};
			return {stdout: '', exitCode: 0, world, session: {...ctx.session, frames: [...ctx.session.frames, frame]}};
		}
		const script = shellScriptOf(argv);
		if (script !== undefined && runsAsProcess(script)) {
			// A loop or a sleep runs as the exec'd process in virtual time, as under docker exec.
			const ran = execScript(world, host, pid, script, argv[0]!, label, ctx.runtime.programs);
			return {stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode, world: ran.world};
		}
		const line = argv[1] === '-c' ? (argv[2] ?? '') : '';
		// The shell sees the container's environment (the pod's env, the Services' variables), not the learner's.
		const containerEnv = world.hosts.get(host)?.processes.get(containerPid)?.env ?? {};
		const state: ShellState = {world, session: {...ctx.session, frames: [...ctx.session.frames, frame], env: {...containerEnv}}};
		const result = runLine(state, line, ctx.runtime);
		// The exec'd process ends with its command.
		const after = produce(result.state.world, w => {
			const h = w.hosts.get(host);
			if (h?.processes.has(pid)) killProcess(h, pid);
		});
		const stdout = result.state.session.frames.length <= ctx.session.frames.length ? result.stdout.replace(/exit\n$/, '') : result.stdout;
		return {stdout, stderr: result.stderr, exitCode: result.exitCode, world: after};
	};
}

function helpFor(verb: string): string {
	const help = verbHelp[verb]!;
	const commands = help.commands ? `\n\n${help.commands}` : '';
	return `${help.about}${commands}\n\nUsage:\n${help.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n[simulator] examples and every option: https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${verb}/\n`;
}

/** Global flags are taken before the verb too (`kubectl --kubeconfig FILE get nodes`, `kubectl -n web get pods`): moved after it. */
function verbFirst(argv: string[]): string[] {
	const before: string[] = [];
	let i = 0;
	for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '--'; i++) {
		const m = argv[i]!.match(/^--?([^=]+)(=.*)?$/);
		const name = m?.[1] ?? '';
		const long = name in globalFlags ? name : Object.keys(globalFlags).find(k => globalFlags[k] === name && name.length === 1);
		if (!long || ['help', 'h'].includes(name)) break;
		before.push(argv[i]!);
		if (!m![2] && !valuelessGlobals.has(long) && i + 1 < argv.length) before.push(argv[++i]!);
	}
	return before.length && i < argv.length ? [argv[i]!, ...before, ...argv.slice(i + 1)] : argv;
}

const valuelessGlobals = new Set(['disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors']);

function run(argvTyped: string[], ctx: CommandContext): CommandOutcome {
	const argv = verbFirst(argvTyped);
	const [verb, ...rest] = argv;
	if (verb === 'help' && rest[0] && verbHelp[rest[0]]) return {stdout: helpFor(rest[0]), exitCode: 0};
	if (!verb || verb === '--help' || verb === '-h' || verb === 'help') return {stdout: usage, exitCode: 0};
	// -h/--help before `--` (after it they belong to the command run in the container).
	const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
	if (verbHelp[verb] && (own.includes('--help') || own.includes('-h'))) return {stdout: helpFor(verb), exitCode: 0};
	// For logs, -f is --follow, not --filename; for patch, -p is --patch, not --previous.
	const args = parseArgs(verb === 'logs' ? rest.map(a => (a === '-f' ? '--follow' : a)) : verb === 'patch' ? rest.map(a => (a === '-p' ? '--patch' : a.startsWith('-p=') ? `--patch=${a.slice(3)}` : a)) : rest, verb);
	const k: Kctx = {ctx, args};
	if (verb === 'version') return kubectlVersion(k);
	if (!verbs.includes(verb)) {
		if (realVerbs.includes(verb)) return fail(notSimulated(`kubectl ${verb}`));
		return fail(`error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.`);
	}
	const flags = checkFlags(verb, args);
	if (flags.error) return fail(flags.error);
	let kk = k;
	if (verb !== 'config') {
		// No kubeconfig here (a node reached with ssh): kubectl falls back to localhost:8080.
		const source = kubeconfigSource(ctx, flag(args, 'kubeconfig'));
		if (source.error) return fail(source.error);
		if (!source.found) return withoutKubeconfig(ctx, verb);
		// The context (--context, else the current one) says which cluster, user and namespace.
		const config = kubeconfigOf(ctx.session);
		const name = flag(args, 'context') ?? config.current;
		const chosen = config.contexts[name];
		if (!chosen) return fail(`Error in configuration: context was not found for specified context: ${name}`);
		if (chosen.cluster !== clusterName) return fail(`[simulator] the context "${name}" names the cluster "${chosen.cluster}", which this kubeconfig does not define; only the cluster "${clusterName}" is simulated`);
		const problem = contextProblem(chosen);
		if (problem && verb !== 'version') return fail(problem);
		if (name !== config.current) kk = {ctx: {...ctx, session: {...ctx.session, namespace: chosen.namespace || 'default'}}, args};
	}
	const outcome = dispatch(verb, rest, kk, kk.ctx);
	return flags.note ? {...outcome, stderr: flags.note + (outcome.stderr ?? '')} : outcome;
}

function dispatch(verb: string, rest: string[], k: Kctx, ctx: CommandContext): CommandOutcome {
	const args = k.args;
	if (verb === 'explain' && !ctx.world.cluster) return fail('error: the server doesn\'t have a resource type');
	// The kubeconfig is read locally: no server needed.
	if (verb === 'config') return kubectlConfig(k);
	const down = unreachable(ctx, flag(args, 'kubeconfig'));
	if (down) return fail(down);
	const refused = impersonationRefusal(verb, k);
	if (refused) return fail(refused);
	const partial = verb === 'get' ? impersonatedGet(k, kubectlGet) : undefined;
	if (partial) return partial;
	switch (verb) {
		case 'get':
			return kubectlGet(k);
		case 'describe':
			return kubectlDescribe(k);
		case 'apply':
			return applyManifests(k, 'apply');
		case 'create':
			return kubectlCreate(k);
		case 'delete':
			return kubectlDelete(k);
		case 'run':
			return kubectlRun(k);
		case 'scale':
			return kubectlScale(k);
		case 'label':
			return kubectlLabel(k, 'labels');
		case 'annotate':
			return kubectlLabel(k, 'annotations');
		case 'cordon':
			return kubectlCordon(k, true);
		case 'uncordon':
			return kubectlCordon(k, false);
		case 'drain':
			return kubectlDrain(k);
		case 'expose':
			return kubectlExpose(k);
		case 'logs':
			return kubectlLogs(k);
		case 'exec':
			return kubectlExec(k, execIn(ctx, bool(args, 'i', 'stdin') && bool(args, 't', 'tty')));
		case 'explain':
			return kubectlExplain(k);
		case 'cluster-info':
			return kubectlClusterInfo(k);
		case 'api-resources':
			return kubectlApiResources(k);
		case 'api-versions':
			return kubectlApiVersions();
		case 'set':
			return kubectlSet(k);
		case 'patch':
			return kubectlPatch(k);
		case 'rollout':
			return kubectlRollout(k);
		case 'top':
			return kubectlTop(k);
		case 'edit':
			return kubectlEditHint(k);
		case 'events':
			return kubectlEvents(k);
		case 'taint':
			return kubectlTaint(k);
		case 'wait':
			return kubectlWait(k);
		case 'auth':
			return kubectlAuth(k);
		case 'diff':
			return kubectlDiff(k);
		case 'cp':
			return kubectlCp(k);
		case 'port-forward':
			return kubectlPortForward(k);
		case 'replace':
			if (flag(args, 'grace-period') !== undefined && !bool(args, 'force')) return fail('error: --grace-period must have --force specified');
			if (!flagAll(args, 'f', 'filename').length) return fail('error: must specify --filename to replace');
			return applyManifests(k, 'replace');
	}
	return fail(`error: unknown command "${verb}" for "kubectl"`);
}

export const kubectl: CommandSpec = {
	name: 'kubectl',
	summary: 'talk to the Kubernetes API server (get, describe, apply, delete, logs, exec, scale...)',
	subcommands: verbs,
	flagsAfter: flagNamesAfter,
	run(args, ctx) {
		return run(args, ctx);
	},
};
