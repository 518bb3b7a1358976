// Which program reads a terminal attached to a pod's container (kubectl run -it, kubectl attach -i):
// the one decision the built-in kubectl and the API endpoint share.
import type {World} from '../world.ts';
import {waitsForInput} from './container-behaviour.ts';
import {nodeImage} from './images.ts';

/**
 * The shell waiting on the container's stdin: its program when that is a lone shell, or the image's
 * own shell when it was given no command (`kubectl run -it box --image=busybox`). Undefined for any
 * other program (`-- echo hello`, `sh -c '...'`, nginx), which reads no terminal.
 */
export function attachedShell(w: World, key: string, containerName?: string | null): string | undefined {
	const spec = w.cluster?.store.pods.get(key)?.spec?.containers?.find((c: {name: string}) => !containerName || c.name === containerName);
	const node = w.cluster?.podRuntimes.get(key)?.node;
	const image = spec && node ? nodeImage(w, node, spec.image) : undefined;
	if (!spec || !image || !waitsForInput(spec, image)) return undefined;
	const argv: string[] = [...(spec.command ?? []), ...(spec.args ?? [])];
	return (argv[0] ?? image.command.split(' ')[0] ?? 'sh').split('/').pop();
}
