// curl to the API server with a bearer token or the cluster's CA: a service account's token (kubectl
// create token) is authenticated and RBAC decides for that account; a token it did not issue is a
// 401; --cacert with kubeadm's ca.crt verifies the API server for the names of its certificate.
// Before, a bearer token got the anonymous answer and --cacert was not modelled (only -k).
// Real formats matched:
//   apiserver authentication filter: an invalid bearer token -> responsewriters.Unauthorized: Status
//     {"message": "Unauthorized", "reason": "Unauthorized", "code": 401}, whatever the path
//   bearertoken.Authenticator: the scheme is matched with strings.EqualFold(parts[0], "bearer")
//   forbiddenMessage "User %q cannot %s resource %q in API group %q in the namespace %q"; the user is
//     "system:serviceaccount:NS:NAME"; system:discovery lets an authenticated user GET /api (APIVersions)
//   kubeadm's apiserver serving certificate: DNS [NODE kubernetes kubernetes.default kubernetes.default.svc
//     kubernetes.default.svc.cluster.local], IPs [10.96.0.1 NODE-IP]
//   curl vtls/openssl.c: "SSL: no alternative certificate subject name matches target host name '%s'" (60),
//     "error setting certificate file: %s" (77, curl 7.88.1 on this machine)
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const api = 'https://192.168.56.20:6443';

test('a service account\'s bearer token: RBAC decides for that account; a token not issued here is 401', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'TOKEN=$(kubectl create token default)');
	const pods = JSON.parse(run(shell, `curl -sk -H "Authorization: Bearer $TOKEN" ${api}/api/v1/namespaces/default/pods`).stdout);
	assert.equal(pods.message, 'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"');
	assert.equal(JSON.parse(run(shell, `curl -sk --oauth2-bearer $TOKEN ${api}/`).stdout).message, 'forbidden: User "system:serviceaccount:default:default" cannot get path "/"');
	const versions = JSON.parse(run(shell, `curl -sk -H "authorization: bearer $TOKEN" ${api}/api`).stdout);
	assert.deepEqual(versions, {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '192.168.56.20:6443'}]});
	const bad = run(shell, `curl -sk -H "Authorization: Bearer not-a-token" ${api}/healthz`);
	assert.deepEqual(JSON.parse(bad.stdout), {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401});
	assert.equal(run(shell, `curl -sk ${api}/healthz`).stdout, 'ok', 'without a token: anonymous, as before');
	run(shell, 'kubectl create rolebinding viewer --clusterrole=view --serviceaccount=default:default');
	assert.match(run(shell, `curl -sk -H "Authorization: Bearer $TOKEN" ${api}/api/v1/namespaces/default/pods`).stdout, /^\[simulator\] RBAC lets system:serviceaccount:default:default list \/api\/v1\/namespaces\/default\/pods;/);
});

test('--cacert with the cluster CA verifies the API server for its certificate\'s names only', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'ssh control-plane');
	const ca = '--cacert /etc/kubernetes/pki/ca.crt';
	assert.equal(JSON.parse(run(shell, `curl -s ${ca} ${api}/version`).stdout).major, '1');
	assert.equal(run(shell, `curl -s ${ca} https://control-plane:6443/healthz`).stdout, 'ok');
	const local = run(shell, `curl ${ca} https://127.0.0.1:6443/healthz`);
	assert.equal(local.exitCode, 60);
	assert.match(local.stderr, /^curl: \(60\) SSL: no alternative certificate subject name matches target host name '127\.0\.0\.1'\nMore details here: /);
	assert.match(run(shell, `curl ${ca} https://127.0.0.1:10259/healthz`).stderr, /self-signed certificate in certificate chain/, 'the scheduler\'s own CA is not the cluster\'s');
	assert.match(run(shell, `curl ${ca} https://192.168.56.20:2379/health`).stderr, /unable to get local issuer certificate/, 'etcd\'s certificates come from etcd-ca');
	const missing = run(shell, `curl --cacert /nope.crt ${api}/version`);
	assert.deepEqual([missing.stderr, missing.exitCode], ['curl: (77) error setting certificate file: /nope.crt\n', 77]);
});

test('a pod has its service account\'s token, ca.crt and namespace at /var/run/secrets/kubernetes.io/serviceaccount (the book\'s curl from a pod)', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl run c --image=curlimages/curl -- sleep 9999');
	run(shell, 'sleep 30');
	const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
	assert.equal(run(shell, `kubectl exec c -- ls -1 ${dir}`).stdout, 'ca.crt\nnamespace\ntoken\n');
	assert.equal(run(shell, `kubectl exec c -- cat ${dir}/namespace`).stdout, 'default');
	const fromPod = run(shell, `kubectl exec c -- sh -c 'curl -s --cacert ${dir}/ca.crt -H "Authorization: Bearer $(cat ${dir}/token)" https://kubernetes/api/v1/namespaces/default/pods'`);
	assert.equal(JSON.parse(fromPod.stdout).message, 'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"');
	run(shell, 'kubectl create clusterrolebinding c-view --clusterrole=view --serviceaccount=default:default');
	assert.match(run(shell, `kubectl exec c -- sh -c 'curl -s --cacert ${dir}/ca.crt -H "Authorization: Bearer $(cat ${dir}/token)" https://kubernetes/api/v1/namespaces/default/pods'`).stdout, /^\[simulator\] RBAC lets system:serviceaccount:default:default list/);
});
