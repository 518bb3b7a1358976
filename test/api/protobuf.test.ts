// Protobuf request bodies as kubectl 1.32 sends them (recorded with -v=9 against this endpoint:
// fixtures/kubectl-1.32-protobuf.json): decoded into the JSON a JSON client would have sent, and
// served through the HTTPS endpoint (create deployment, auth can-i, create token).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {request as httpsRequest} from 'node:https';
import {after, before, test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {decodeProtobufBody} from '../../source/api/protobuf.ts';

const recorded = JSON.parse(readFileSync(new URL('fixtures/kubectl-1.32-protobuf.json', import.meta.url), 'utf8')) as Record<string, {command: string; body: string}>;
const body = (name: string) => Buffer.from(recorded[name]!.body, 'hex');
const decoded = (name: string) => {
	const result = decodeProtobufBody(body(name));
	assert.ok('value' in result, JSON.stringify(result));
	return result.value;
};

test('kubectl create deployment --replicas=0: a pointer field keeps its zero, value fields drop theirs, empty structs stay', () => {
	assert.deepEqual(decoded('deployment'), {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name: 'pbweb', labels: {app: 'pbweb'}},
		spec: {replicas: 0, selector: {matchLabels: {app: 'pbweb'}}, template: {metadata: {labels: {app: 'pbweb'}}, spec: {containers: [{name: 'nginx', image: 'nginx', ports: [{containerPort: 8080}], resources: {}}]}}, strategy: {}},
		status: {},
	});
});

test('Role rules, Secret bytes as base64, Quantity and IntOrString as their JSON forms, a PriorityClass value of 0', () => {
	assert.deepEqual(decoded('role').rules, [{verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['web']}]);
	assert.deepEqual(decoded('secret').data, {pass: Buffer.from('s3cr3t').toString('base64')});
	assert.deepEqual((decoded('quota').spec as {hard: unknown}).hard, {cpu: '2', pods: '10'});
	assert.equal((decoded('pdb').spec as {maxUnavailable: unknown}).maxUnavailable, '50%');
	assert.deepEqual([decoded('pc').value, decoded('pc').preemptionPolicy], [0, 'PreemptLowerPriority']);
	assert.deepEqual(decoded('token').spec, {audiences: ['foo'], expirationSeconds: 7200});
});

test('a body without the k8s envelope, a truncated one, or a kind with no schema is refused plainly', () => {
	assert.match(JSON.stringify(decodeProtobufBody(Buffer.from('{"kind":"Pod"}'))), /no k8s\\\\0 prefix/);
	assert.match(JSON.stringify(decodeProtobufBody(body('deployment').subarray(0, 60))), /unable to decode the protobuf body: truncated/);
	const other = Buffer.from(recorded.role!.body.replace(Buffer.from('Role').toString('hex'), Buffer.from('Rolf').toString('hex')), 'hex');
	assert.match(JSON.stringify(decodeProtobufBody(other)), /\[simulator\] this endpoint cannot decode a protobuf Rolf/);
});

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;

before(async () => {
	credentials = await createCredentials();
	live = standaloneWorld(tick(createSandboxWorld({seed: 1}), 60_000));
	server = await startApiServer({live, credentials, port: 0});
});
after(() => server.close());

function post(path: string, payload: Buffer, headers: Record<string, string> = {}): Promise<{status: number; json: any}> {
	return new Promise((resolve, reject) => {
		const req = httpsRequest(`${server.url}${path}`, {method: 'POST', ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`, 'content-type': 'application/vnd.kubernetes.protobuf', accept: 'application/vnd.kubernetes.protobuf,application/json', ...headers}}, res => {
			const chunks: Buffer[] = [];
			res.on('data', c => chunks.push(c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8'))}));
		});
		req.on('error', reject);
		req.end(payload);
	});
}

test('through the endpoint: the deployment is created with replicas 0, auth can-i is answered, a token is issued', async () => {
	const created = await post('/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&fieldValidation=Strict', body('deployment'));
	assert.equal(created.status, 201, JSON.stringify(created.json));
	assert.equal(live.world().cluster!.store.deployments.get('default/pbweb')!.spec.replicas, 0);
	const review = await post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body('ssar'), {'impersonate-user': 'jane'});
	assert.deepEqual([review.status, review.json.status.allowed], [201, false]);
	const token = await post('/api/v1/namespaces/default/serviceaccounts/default/token', body('token'));
	assert.equal(token.status, 201, JSON.stringify(token.json));
	const claims = JSON.parse(Buffer.from(token.json.status.token.split('.')[1], 'base64url').toString('utf8'));
	assert.deepEqual([claims.aud, claims.sub, claims.exp - claims.iat, token.json.spec.expirationSeconds], [['foo'], 'system:serviceaccount:default:default', 7200, 7200]);
	const missing = await post('/api/v1/namespaces/default/serviceaccounts/nope/token', body('token'));
	assert.deepEqual([missing.status, missing.json.reason, missing.json.message], [404, 'NotFound', 'serviceaccounts "nope" not found']);
});

test('a protobuf body of a kind the simulation does not model is answered with its [simulator] line, in any version kubectl posts it', async () => {
	// kubectl autoscale posts an autoscaling/v1 HorizontalPodAutoscaler; no schema is kept for it.
	const hpa = Buffer.from(recorded.role!.body.replace(Buffer.from('Role').toString('hex'), Buffer.from('Rolf').toString('hex')), 'hex');
	const answer = await post('/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers?fieldManager=kubectl-autoscale', hpa);
	assert.deepEqual([answer.status, answer.json.message], [405, '[simulator] horizontalpodautoscalers.autoscaling are not modelled in this simulated cluster']);
	const modelled = await post('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', hpa);
	assert.deepEqual([modelled.status, modelled.json.reason], [415, 'UnsupportedMediaType']);
});
