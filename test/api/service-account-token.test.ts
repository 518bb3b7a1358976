// A token from `kubectl create token NAME` authenticates that service account at the endpoint
// (kubectl --token=...): RBAC decides its requests with the API server's 403s, `auth whoami`
// names it (UID, credential-id), and an expired token, a forged one or one whose account is gone
// gets 401, as on a real cluster.
import assert from 'node:assert/strict';
import {request as httpsRequest} from 'node:https';
import {after, before, test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;

before(async () => {
	credentials = await createCredentials();
	live = standaloneWorld(tick(createSandboxWorld({seed: 1}), 60_000));
	server = await startApiServer({live, credentials, port: 0});
});
after(() => server.close());

function call(method: string, path: string, token: string, body?: unknown): Promise<{status: number; json: any}> {
	return new Promise((resolve, reject) => {
		const req = httpsRequest(`${server.url}${path}`, {method, ca: credentials.caPem, headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json'}}, res => {
			const chunks: Buffer[] = [];
			res.on('data', c => chunks.push(c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8'))}));
		});
		req.on('error', reject);
		req.end(body === undefined ? undefined : JSON.stringify(body));
	});
}

test('kubectl --token=$(kubectl create token default): RBAC for system:serviceaccount:default:default; 401 when forged, expired or orphaned', async () => {
	const admin = credentials.token;
	const issued = await call('POST', '/api/v1/namespaces/default/serviceaccounts/default/token', admin, {apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {}});
	assert.equal(issued.status, 201);
	const token: string = issued.json.status.token;
	const refused = await call('GET', '/api/v1/namespaces/default/pods', token);
	assert.deepEqual([refused.status, refused.json.message], [403, 'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"']);
	const whoami = await call('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', token, {apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview'});
	const account = live.world().cluster!.store.serviceaccounts.get('default/default')!;
	assert.deepEqual(whoami.json.status.userInfo, {username: 'system:serviceaccount:default:default', uid: account.metadata.uid, groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'], extra: {'authentication.kubernetes.io/credential-id': [`JTI=${JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti}`]}});
	const bound = await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', admin, {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: {name: 'sa-view'}, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view'}, subjects: [{kind: 'ServiceAccount', name: 'default', namespace: 'default'}]});
	assert.equal(bound.status, 201);
	assert.equal((await call('GET', '/api/v1/namespaces/default/pods', token)).status, 200);
	const [head, payload] = token.split('.');
	const forged = `${head}.${Buffer.from(JSON.stringify({...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'system:serviceaccount:kube-system:admin'})).toString('base64url')}.${token.split('.')[2]}`;
	assert.equal((await call('GET', '/api/v1/namespaces/default/pods', forged)).status, 401);
	live.set(tick(live.world(), 3_601_000));
	assert.equal((await call('GET', '/api/v1/namespaces/default/pods', token)).status, 401, 'expired after its hour');
});
