// The real kubectl 1.32 to measure against. The Google Cloud SDK's `kubectl` on PATH is a
// dispatcher that reports v1.32.x-dispatcher but runs the kubectl.1.NN beside it that matches
// the server's minor version (1.31 for this simulated cluster): then the 1.32 beside it is used,
// through a link named kubectl.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, realpathSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

function clientVersion(binary: string): string | undefined {
	const found = spawnSync(binary, ['version', '--client', '-o', 'json'], {encoding: 'utf8'});
	if (found.error || found.status !== 0) return undefined;
	try {
		return JSON.parse(found.stdout).clientVersion?.gitVersion as string | undefined;
	} catch {
		return undefined;
	}
}

/** The kubectl 1.32 binary, or why there is none. */
export function realKubectl(): {binary: string} | {problem: string} {
	const version = clientVersion('kubectl');
	if (!version) return {problem: 'kubectl is not on PATH'};
	let binary = 'kubectl';
	let actual = version;
	if (version.endsWith('-dispatcher')) {
		const which = spawnSync('sh', ['-c', 'command -v kubectl'], {encoding: 'utf8'}).stdout.trim();
		const sibling = which ? join(dirname(realpathSync(which)), 'kubectl.1.32') : '';
		if (!sibling || !existsSync(sibling)) return {problem: `kubectl on PATH is a dispatcher (${version}) with no kubectl.1.32 beside it`};
		// Named kubectl, as a learner's is: the API server takes the field manager of kubectl scale from the program's name.
		binary = join(mkdtempSync(join(tmpdir(), 'k8s-tutor-kubectl-')), 'kubectl');
		symlinkSync(sibling, binary);
		actual = clientVersion(binary) ?? '';
	}
	if (!actual.startsWith('v1.32.')) return {problem: `kubectl on PATH is ${actual}, the yardstick is 1.32`};
	return {binary};
}
