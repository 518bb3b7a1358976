// A pull the real Docker Hub might answer but the tutor's offline copy of it cannot. The daemon's
// error stays the real one (a learner must know what a missing tag looks like); a marked line after
// it says that the image may well exist on the real hub, so no learner takes "does not exist" for a fact.
import {dockerHub, parseImageRef} from '../engine/docker/image-ref.ts';
import {lookupImage} from '../engine/k8s/images.ts';
import type {Pod} from '../engine/k8s/kinds.ts';
import type {World} from '../engine/world.ts';

/** For a pull of `refText` that failed: the note, when the image was to come from Docker Hub (whose only failures here are a missing repository or tag). */
export function offlineHubNote(world: World, refText: string): string {
	const ref = parseImageRef(refText);
	if ('error' in ref || ref.registry !== dockerHub) return '';
	const repository = world.registry.repositories.get(ref.path);
	if (!repository) return `[simulator] ${ref.familiar} is not in k8s-tutor's offline copy of Docker Hub; the real Docker Hub may have it\n`;
	const tags = Object.keys(repository.tags).sort();
	const wanted = ref.digest ? `${ref.familiar}@${ref.digest}` : `${ref.familiar}:${ref.tag}`;
	return `[simulator] k8s-tutor's offline copy of Docker Hub holds ${ref.familiar} only as ${tags.join(', ')}; the real Docker Hub may have ${wanted}\n`;
}

/** The note for each image a pod's kubelet could not pull because the offline hub lacks it. */
export function podPullNotes(world: World, pod: Pod): string {
	const notes = new Set<string>();
	for (const status of pod.status?.containerStatuses ?? []) {
		const reason = status.state?.waiting?.reason;
		if (reason !== 'ErrImagePull' && reason !== 'ImagePullBackOff') continue;
		if (!lookupImage(world, status.image).ok) notes.add(offlineHubNote(world, status.image));
	}
	return [...notes].join('');
}
