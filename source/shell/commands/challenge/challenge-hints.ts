// `challenge hint`: advice about what is wrong right now, read from the world (not from a script),
// so it fits whichever incident the seed brought and whatever the learner already did.
import {powerOffLike} from './world-facts.ts';
import type {World} from '../../../engine/world.ts';
import type {ChallengeState} from '../../../engine/challenge/challenge-types.ts';
import {messages} from '../../../i18n/catalog.ts';
import type {Locale} from '../../../i18n/locale.ts';

export function currentHint(w: World, ch: ChallengeState, locale: Locale = 'en'): string {
	const say = messages(locale).challenge.hints;
	const c = w.cluster!;
	const fired = ch.incidents.filter(i => i.fired);
	const deployment = c.store.deployments.get(`${ch.app.namespace}/${ch.app.deployment}`);
	const image = deployment?.spec?.template?.spec?.containers?.[0]?.image;
	if (image && image !== ch.app.image) return say.badImage(ch.app.deployment, image);
	const dead = fired.find(i => i.kind === 'node-failure' && powerOffLike(w, i.target));
	const stuckOnDead = dead ? [...(c.podsByNode.get(dead.target) ?? [])].map(k => c.store.pods.get(k)).filter(p => p && !p.metadata.deletionTimestamp && p.metadata.namespace === ch.app.namespace && p.metadata.labels?.app === ch.app.selector.app) : [];
	if (dead && stuckOnDead.length > 0) return say.deadNode(dead.target);
	const batch = fired.find(i => i.kind === 'overcommit');
	const batchObject = batch ? c.store.deployments.get(`${ch.app.namespace}/${batch.target}`) : undefined;
	const pending = [...c.store.pods.values()].filter(p => p.metadata.namespace === ch.app.namespace && p.metadata.labels?.app === ch.app.selector.app && !p.spec?.nodeName && !p.metadata.deletionTimestamp);
	if (batchObject && (batchObject.spec?.replicas ?? 0) > 0 && pending.length > 0) return say.overcommit(batch!.target);
	const cordoned = [...c.store.nodes.values()].find(n => n.spec?.unschedulable);
	if (pending.length > 0 && cordoned) return say.cordoned(cordoned.metadata.name);
	if (pending.length > 0) return say.pending;
	if (ch.serving < ch.app.desired) return say.fewer(ch.app.desired);
	return say.allServe(ch.app.desired);
}
