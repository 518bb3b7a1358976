// The built-in `docker` command run on the served host for an API request, so a request changes
// the world exactly as the same command typed in the tutor would (events, pane, lesson checks).
import type {World} from '../engine/world.ts';
import {quoteLine} from '../shell/commands/docker/inside.ts';
import type {CommandContext, ShellFrame, ShellRuntime} from '../shell/types.ts';
import type {DockerShell} from './docker-types.ts';

/** The learner's login shell on the host (`-bash`), or init: the frame the daemon's client runs from. */
export function loginFrame(world: World, host: string): ShellFrame {
	const processes = [...(world.hosts.get(host)?.processes.values() ?? [])];
	const login = processes.find(p => p.command === '-bash' && p.user === 'root');
	return {host, pid: login?.pid ?? 1, user: 'root', cwd: '/root', kind: 'login'};
}

export function builtInDocker(runtime: Pick<ShellRuntime, 'commands' | 'disk' | 'programs'>, host: string): DockerShell {
	return (world, argv, stdin = '') => {
		const docker = runtime.commands.get('docker');
		if (!docker) return {world, stdout: '', stderr: '[simulator] this shell has no docker command\n', exitCode: 127};
		const frame = loginFrame(world, host);
		const ctx: CommandContext = {
			world,
			session: {frames: [frame], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root'}, lastExit: 0, history: [], namespace: 'default'},
			frame,
			stdin,
			disk: runtime.disk,
			runtime: {commands: runtime.commands, disk: runtime.disk, programs: runtime.programs},
			commandLine: quoteLine(['docker', ...argv]),
		};
		const outcome = docker.run(argv, ctx);
		return {world: outcome.world ?? world, stdout: outcome.stdout, stderr: outcome.stderr ?? '', exitCode: outcome.exitCode};
	};
}

/** The command line a request is recorded as, quoted as a shell would need it. */
export function dockerLine(argv: string[]): string {
	return quoteLine(['docker', ...argv]);
}
