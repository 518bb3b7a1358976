// What an app's processes look like once it runs: the entrypoint script execs the server, which
// renames itself (nginx's master sets its title to "nginx: master process nginx -g daemon off;")
// and forks its workers (worker_processes auto: one per CPU), running as the nginx user (uid 101).
import {spawnProcess} from '../host/processes.ts';
import type {Host, Process} from '../host/types.ts';
import type {World} from '../world.ts';
import {effectiveCommand} from './programs.ts';
import type {AppProfile} from './types.ts';

/** The command line ps shows for the main process: what the entrypoint exec'd, under the title the app gives itself. */
export function mainProcessTitle(profile: AppProfile | undefined, command: string[]): string {
	const argv = effectiveCommand(command);
	if (profile?.name === 'nginx' && (argv[0] ?? '').split('/').pop() === 'nginx') return `nginx: master process ${argv.join(' ')}`;
	return argv.join(' ');
}

/** Forks the app's worker processes under its main process. Call on a draft. */
export function spawnAppWorkers(w: World, host: Host, main: Process, profile: AppProfile | undefined): void {
	if (profile?.name !== 'nginx' || !main.command.startsWith('nginx: master process')) return;
	for (let i = 0; i < Math.max(1, host.cpus); i++) {
		spawnProcess(w, host, {parentPid: main.pid, command: 'nginx: worker process', user: 'nginx', uid: 101, memoryBytes: 3 * 1024 * 1024});
	}
}
