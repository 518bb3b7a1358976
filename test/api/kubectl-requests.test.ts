// Replays the requests a real kubectl 1.32 made for a fixed script (recorded once with -v=9 against
// this endpoint: method, URL, Accept, Content-Type and body, in fixtures/kubectl-1.32-requests.json)
// and checks each answer's status and the kubectl command each command is recorded as. Runs
// everywhere, with or without a kubectl on PATH.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {actionLine} from '../../source/api/api-server.ts';
import {handleRequest} from '../../source/api/handle-request.ts';

type Recorded = {command: string; method: string; url: string; headers: Record<string, string>; body?: string; status: number};

const recorded: Recorded[] = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/kubectl-1.32-requests.json'), 'utf8'));

/** The command each kubectl command line must be recorded as, for lesson checks. */
const expectedActions: Record<string, string> = {
	'kubectl get nodes': 'kubectl get nodes',
	'kubectl run web --image=nginx': 'kubectl run pods web',
	'kubectl apply -f deploy.yaml': 'kubectl apply deployments kubia',
	'kubectl get pods -o wide': 'kubectl get pods',
	'kubectl describe pod web': 'kubectl describe pods web',
	'kubectl scale deployment kubia --replicas=3': 'kubectl scale deployments kubia',
	'kubectl label pod web tier=front': 'kubectl label pods web',
	'kubectl logs web': 'kubectl logs pods web',
	'kubectl get pod nope': 'kubectl get pods nope',
	'kubectl delete pod web --wait=false': 'kubectl delete pods web',
};

test('the requests of a real kubectl 1.32 session get the answers they got from the endpoint', () => {
	let world = tick(createSandboxWorld({seed: 7}), 60_000);
	const actions = new Map<string, string[]>();
	let command = '';
	for (const r of recorded) {
		if (r.command !== command) {
			command = r.command;
			world = tick(world, 5_000); // the session paused between commands
		}
		const url = new URL(r.url, 'https://127.0.0.1');
		// kubectl asks for an object's events by the uid it just read: this world's uid, not the recording's.
		const fields = url.searchParams.get('fieldSelector');
		const name = fields?.match(/involvedObject\.name=([^,]+)/)?.[1];
		if (fields && name) url.searchParams.set('fieldSelector', fields.replace(/involvedObject\.uid=[^,]+/, `involvedObject.uid=${world.cluster!.store.pods.get(`default/${name}`)?.metadata.uid}`));
		const handled = handleRequest({method: r.method, path: url.pathname, query: url.searchParams, headers: {...r.headers}, body: r.body}, world);
		assert.equal(handled.response.status, r.status, `${r.command}: ${r.method} ${r.url} answered ${JSON.stringify(handled.response.body).slice(0, 300)}`);
		if (handled.world) world = handled.world;
		if (handled.action) actions.set(r.command, [...(actions.get(r.command) ?? []), actionLine(handled.action)]);
	}
	assert.deepEqual(Object.keys(expectedActions).sort(), [...new Set(recorded.map(r => r.command))].sort());
	for (const [line, action] of Object.entries(expectedActions)) assert.ok(actions.get(line)?.includes(action), `${line} recorded as ${JSON.stringify(actions.get(line))}, not ${action}`);
	assert.equal(world.cluster!.store.deployments.get('default/kubia')!.spec.replicas, 3);
	assert.equal(world.cluster!.store.pods.get('default/web')?.metadata.labels?.tier ?? 'gone', world.cluster!.store.pods.has('default/web') ? 'front' : 'gone');
});
