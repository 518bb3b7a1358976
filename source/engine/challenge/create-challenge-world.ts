// The world of the final challenge (chapter 10): the sandbox cluster running the app that the learner must keep
// serving (deployment/web, 4 replicas), settled, with a game waiting for `challenge start`.
import {produce} from 'immer';
import {createObject} from '../k8s/api-server.ts';
import type {NewObject} from '../k8s/object-input.ts';
import {createSandboxWorld} from '../scenarios/sandbox.ts';
import {tick} from '../tick.ts';
import type {World} from '../world.ts';
import {challengeApp, newChallenge} from './plan-challenge.ts';

/** The app's manifest, as the learner's web.yaml holds it. */
export function webDeployment(): NewObject<'Deployment'> {
	const {deployment, selector, desired, image, namespace} = challengeApp;
	return {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name: deployment, namespace, labels: {...selector}},
		spec: {
			replicas: desired,
			selector: {matchLabels: {...selector}},
			template: {
				metadata: {labels: {...selector}},
				spec: {containers: [{name: 'web', image, ports: [{containerPort: 8080}], resources: {requests: {cpu: '250m', memory: '128Mi'}}}]},
			},
		},
	};
}

/** How long the app runs before the learner arrives, so every replica serves. */
const appWarmUpMs = 90_000;

export function createChallengeWorld(seed = 1): World {
	const world = produce(createSandboxWorld({seed}), w => {
		createObject(w, webDeployment());
		w.challenge = newChallenge(seed);
	});
	return tick(world, appWarmUpMs);
}
