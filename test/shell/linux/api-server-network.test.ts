// kube-apiserver listens on the simulated network (the control plane's :6443, the `kubernetes`
// Service's 10.96.0.1:443) and answers as a kubeadm cluster does to a client without credentials.
// It said "Connection refused" (a wrong fact: the API server is reachable from every pod).
// Real formats matched:
//   apiserver responsewriters.forbiddenMessage: "User %q cannot %s path %q",
//     "User %q cannot %s resource %q in API group %q in the namespace %q" / "... at the cluster scope"
//   apierrors.NewForbidden: "forbidden: %v", "%s is forbidden: %v"
//   RBAC system:public-info-viewer (bound to system:unauthenticated): /healthz /livez /readyz /version
//   net/http (Go) to a plain request on a TLS port: "Client sent an HTTP request to an HTTPS server."
//   curl tool_operate.c: "curl: (%d) %s" + CURL_CA_CERT_ERRORMSG for CURLE_PEER_FAILED_VERIFICATION (60)
//   busybox networking/wget.c: "Connecting to %s (%s)", "note: TLS certificate validation not implemented",
//     "server returned error: %s"
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const forbiddenRoot = '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}';

test('curl -k to the API server from the lab host: /version and /healthz anonymously, 403 Status elsewhere', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	const version = run(shell, 'curl -k https://192.168.56.20:6443/version');
	assert.equal(version.exitCode, 0);
	assert.deepEqual(Object.keys(JSON.parse(version.stdout)), ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
	assert.match(version.stdout, /"gitVersion": "v1\.\d+\.\d+"/);
	assert.equal(run(shell, 'curl -sk https://192.168.56.20:6443/healthz').stdout, 'ok');
	assert.equal(run(shell, 'curl -k https://192.168.56.20:6443/').stdout, forbiddenRoot);
	const pods = JSON.parse(run(shell, 'curl -k https://192.168.56.20:6443/api/v1/namespaces/default/pods').stdout);
	assert.equal(pods.message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
	const deployments = JSON.parse(run(shell, 'curl --insecure https://192.168.56.20:6443/apis/apps/v1/deployments').stdout);
	assert.equal(deployments.message, 'deployments.apps is forbidden: User "system:anonymous" cannot list resource "deployments" in API group "apps" at the cluster scope');
	assert.deepEqual(deployments.details, {group: 'apps', kind: 'deployments'});
	// Over TLS curl and Go agree on h2 (ALPN): curl's "HTTP/2 %03d " line, lowercase names, Go's http2 writes content-length and date last.
	assert.match(run(shell, 'curl -kI https://192.168.56.20:6443/').stdout, /^HTTP\/2 403 \r\ncache-control: no-cache, private\r\ncontent-type: application\/json\r\nx-content-type-options: nosniff\r\ncontent-length: \d+\r\ndate: .* GMT\r\n\r\n$/);
});

test('curl without -k fails on the cluster CA (60); plain HTTP to :6443 gets Go\'s 400', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	const untrusted = run(shell, 'curl https://192.168.56.20:6443/version');
	assert.equal(untrusted.exitCode, 60);
	assert.equal(untrusted.stderr, 'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n');
	assert.equal(run(shell, 'curl -s https://192.168.56.20:6443/version').stderr, '', '-s hides it');
	const plain = run(shell, 'curl -i 192.168.56.20:6443');
	assert.equal(plain.stdout, 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
	assert.equal(run(shell, 'curl -k https://192.168.56.21:6443').exitCode, 7, 'a worker has no API server: refused');
});

test('busybox wget in a pod reaches the API server through the kubernetes Service', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl run bb --image=busybox -- sleep 9999');
	run(shell, 'sleep 30');
	const root = run(shell, 'kubectl exec bb -- wget https://kubernetes.default.svc');
	assert.equal(root.stderr, 'Connecting to kubernetes.default.svc (10.96.0.1:443)\nwget: note: TLS certificate validation not implemented\nwget: server returned error: HTTP/1.1 403 Forbidden\ncommand terminated with exit code 1\n');
	const version = run(shell, 'kubectl exec bb -- wget -qO- https://10.96.0.1/version');
	assert.equal(version.stderr, 'wget: note: TLS certificate validation not implemented\n', 'the note even under -q');
	assert.equal(JSON.parse(version.stdout).major, '1');
	assert.equal(run(shell, 'kubectl exec bb -- wget -q --no-check-certificate -O- https://kubernetes/livez').text, 'ok');
	assert.equal(run(shell, 'kubectl exec bb -- wget -qO- 10.96.0.1:443').stderr, 'wget: server returned error: HTTP/1.0 400 Bad Request\ncommand terminated with exit code 1\n');
});
