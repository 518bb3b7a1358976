// Runs the built CLI (dist/cli.js, made by `npm run build`, which `npm test` runs first).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const builtCli = join(projectRoot, 'dist/cli.js');
/** The project's pinned Node.js 22 (the `node` dev dependency). */
export const node22 = join(projectRoot, 'node_modules/.bin/node');

export function assertBuilt(): void {
	if (!existsSync(builtCli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
}

export type CliRun = {status: number; stdout: string; stderr: string};

export function runCli(args: string[], options: {input?: string; env?: Record<string, string>; nodeBinary?: string; cwd?: string} = {}): CliRun {
	assertBuilt();
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-test-'));
	const result = spawnSync(options.nodeBinary ?? node22, [builtCli, ...args], {
		input: options.input ?? '',
		encoding: 'utf8',
		cwd: options.cwd ?? projectRoot,
		env: {...process.env, K8S_TUTOR_HOME: home, NO_COLOR: '1', ...options.env},
		timeout: 60_000,
	});
	return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}
