// Shared helpers for the docker shell tests: a sandbox with the book's kubia files on its disk.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {resolveImage, findContainer} from '../../../source/engine/docker/runtime.ts';
import {sandboxShell, run} from '../../helpers/shell.ts';

const kubiaDir = fileURLToPath(new URL('../../scripts/kubia/', import.meta.url));

export const kubiaFiles = {
	'kubia/Dockerfile': readFileSync(kubiaDir + 'Dockerfile', 'utf8'),
	'kubia/app.js': readFileSync(kubiaDir + 'app.js', 'utf8'),
	'kubia/Dockerfile.v2': readFileSync(kubiaDir + 'Dockerfile.v2', 'utf8'),
	'kubia/app-v2.js': readFileSync(kubiaDir + 'app-v2.js', 'utf8'),
};

export type Shell = ReturnType<typeof sandboxShell>;

export function dockerShell(files: Record<string, string> = kubiaFiles, host?: string): Shell {
	return sandboxShell({files, host});
}

/** Runs a line and asserts its exact stdout, stderr and exit code. */
export function expectLine(shell: Shell, line: string, stdout: string, stderr = '', exitCode = 0): void {
	const result = run(shell, line);
	assert.equal(result.stdout, stdout, `stdout of: ${line}`);
	assert.equal(result.stderr, stderr, `stderr of: ${line}`);
	assert.equal(result.exitCode, exitCode, `exit code of: ${line}`);
}

export function containerId(shell: Shell, name: string, host = 'host-1'): string {
	const c = findContainer(shell.state.world.dockers.get(host)!, name);
	assert.ok(c, `container ${name}`);
	return c.id;
}

export function imageId(shell: Shell, ref: string, host = 'host-1'): string {
	const image = resolveImage(shell.state.world.dockers.get(host)!, ref);
	assert.ok(image, `image ${ref}`);
	return image.id.slice(7, 19);
}

export function layerShortIds(shell: Shell, ref: string, host = 'host-1'): string[] {
	return resolveImage(shell.state.world.dockers.get(host)!, ref)!.layers.map(l => l.slice(7, 19));
}

export const legacyWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/

`;

export {run};
