// The control plane's and the nodes' other daemons listen on the simulated network as on a kubeadm
// 1.31 cluster (they all refused connections before): etcd :2379/:2380 (+ metrics 127.0.0.1:2381),
// the kubelet :10250 (+ healthz 127.0.0.1:10248, read-only :10255 off), kube-scheduler :10259 and
// kube-controller-manager :10257 on 127.0.0.1 only, kube-proxy :10256 (+ metrics 127.0.0.1:10249).
// Real formats matched:
//   kubelet server.go InstallAuthFilter: resp.WriteErrorString(http.StatusUnauthorized, "Unauthorized")
//     (kubeadm's KubeletConfiguration: authentication.anonymous.enabled: false; readOnlyPort 0)
//   apiserver DelegatingAuthorizationOptions.AlwaysAllowPaths: /healthz, /readyz, /livez; anything else
//     is asked of the apiserver: responsewriters.forbiddenMessage "User %q cannot %s path %q"
//   client-go cert.GenerateSelfSignedCertKeyWithFixtures: "Generate cert, followed by ca" (the chain
//     ends in a self-signed CA): OpenSSL 3 X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN "self-signed certificate in certificate chain"
//   curl vtls/openssl.c: failf(data, OSSL_PACKAGE " SSL_read: %s, errno %d") with OpenSSL 3's
//     "error:0A00045C:SSL routines::tlsv13 alert certificate required" (SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED);
//     reproduced with curl 7.88.1/OpenSSL 3.0.19 against `openssl s_server -Verify 1`
//   Go crypto/tls handshake_server.go processCertsFromClient: no client certificate under
//     RequireAndVerifyClientCert -> alertBadCertificate (42) in TLS 1.2 (busybox's), certificate_required in 1.3 (curl's)
//   busybox networking/tls.c: bb_error_msg_and_die("TLS %s from peer (alert code %d): %s", "error", ...)
//     (alert_text() names 20, 40, 50, 51, 80, 112, else the number); wget.c fgets_trim_sanitize():
//     bb_simple_perror_msg_and_die("error getting response")
//   etcdhttp /health: {"health":"true","reason":""}
//   kube-proxy proxy_health.go: `{"lastUpdated": %q,"currentTime": %q, "nodeEligible": %v}`;
//     server.go serveMetrics: /proxyMode writes the mode
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const caText = 'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n';
const certificateRequired = 'curl: (56) OpenSSL SSL_read: OpenSSL/3.0.13: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0\n';
const refused = (ip: string, port: number) => `curl: (7) Failed to connect to ${ip} port ${port} after 0 ms: Couldn't connect to server\n`;

test('from the lab host: etcd wants a client certificate, the kubelet says Unauthorized, the 127.0.0.1-only ports refuse', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	const etcd = run(shell, 'curl -k https://192.168.56.20:2379/health');
	assert.equal(etcd.exitCode, 56);
	assert.equal(etcd.stderr, certificateRequired);
	const etcdVerified = run(shell, 'curl https://192.168.56.20:2379/version');
	assert.equal(etcdVerified.exitCode, 60, 'the server certificate fails first: etcd-ca is in no trust store');
	assert.equal(etcdVerified.stderr, `curl: (60) SSL certificate problem: unable to get local issuer certificate\n${caText}`);
	assert.equal(run(shell, 'curl -k https://192.168.56.20:2380').exitCode, 56, 'the peer port too');
	const kubelet = run(shell, 'curl -k https://192.168.56.21:10250/pods');
	assert.equal(kubelet.stdout, 'Unauthorized');
	assert.equal(kubelet.exitCode, 0);
	assert.equal(run(shell, 'curl -sk https://192.168.56.21:10250/healthz').stdout, 'Unauthorized', 'the kubelet authenticates every path');
	assert.match(run(shell, 'curl -kI https://192.168.56.20:10250/').stdout, /^HTTP\/2 401 \r\n/, 'the control plane has a kubelet too');
	const selfSigned = run(shell, 'curl https://192.168.56.21:10250/pods');
	assert.equal(selfSigned.exitCode, 60);
	assert.equal(selfSigned.stderr, `curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n${caText}`);
	for (const [ip, port] of [['192.168.56.20', 10259], ['192.168.56.20', 10257], ['192.168.56.20', 2381], ['192.168.56.21', 10248], ['192.168.56.21', 10249], ['192.168.56.21', 10255]] as const) {
		assert.equal(run(shell, `curl -k https://${ip}:${port}/healthz`).stderr, refused(ip, port), `${port} is not open on the node's address`);
	}
	assert.match(run(shell, 'curl 192.168.56.21:10256/healthz').stdout, /^\{"lastUpdated": "2026-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9}","currentTime": "[^"]+", "nodeEligible": true\}$/);
});

test('on the control plane: the 127.0.0.1 listeners answer; scheduler and controller-manager allow only the health paths', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'ssh control-plane');
	assert.equal(run(shell, 'curl -k https://127.0.0.1:10259/healthz').stdout, 'ok');
	assert.equal(run(shell, 'curl -sk https://localhost:10257/livez').stdout, 'ok');
	assert.equal(run(shell, 'curl -k https://127.0.0.1:10257/readyz').stdout, 'ok');
	const metrics = JSON.parse(run(shell, 'curl -k https://127.0.0.1:10259/metrics').stdout);
	assert.equal(metrics.message, 'forbidden: User "system:anonymous" cannot get path "/metrics"');
	assert.equal(metrics.code, 403);
	// Their RequestInfoFactory has no API prefixes: /api/... is a path there too.
	assert.equal(JSON.parse(run(shell, 'curl -k https://127.0.0.1:10257/api/v1/pods').stdout).message, 'forbidden: User "system:anonymous" cannot get path "/api/v1/pods"');
	assert.equal(run(shell, 'curl https://127.0.0.1:10259/healthz').stderr, `curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n${caText}`);
	assert.equal(run(shell, 'curl -k https://127.0.0.1:2379/health').stderr, certificateRequired, 'etcd on 127.0.0.1 as on the node address');
	assert.equal(run(shell, 'curl -k https://127.0.0.1:2380').stderr, refused('127.0.0.1', 2380), 'the peer port is on the node address only');
	assert.equal(run(shell, 'curl http://127.0.0.1:2381/health').stdout, '{"health":"true","reason":""}');
	assert.equal(run(shell, 'curl 127.0.0.1:10248/healthz').stdout, 'ok');
	assert.equal(run(shell, 'curl 127.0.0.1:10248/pods').stdout, '404 page not found\n');
	assert.equal(run(shell, 'curl 127.0.0.1:10249/proxyMode').stdout, 'iptables');
	assert.equal(run(shell, 'curl 127.0.0.1:10249/healthz').stdout, 'ok');
	assert.equal(run(shell, 'curl 127.0.0.1:10255/').exitCode, 7, 'no read-only kubelet port');
});

test('busybox wget in a pod: the node addresses answer as from anywhere; etcd ends busybox\'s TLS with alert 42', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl run bb --image=busybox -- sleep 9999');
	run(shell, 'sleep 30');
	const etcd = run(shell, 'kubectl exec bb -- wget -O- https://192.168.56.20:2379/health');
	assert.equal(etcd.stderr, 'Connecting to 192.168.56.20:2379 (192.168.56.20:2379)\nwget: note: TLS certificate validation not implemented\nwget: TLS error from peer (alert code 42): 42\nwget: error getting response: Connection reset by peer\ncommand terminated with exit code 1\n');
	const kubelet = run(shell, 'kubectl exec bb -- wget -qO- https://192.168.56.21:10250/pods');
	assert.equal(kubelet.stderr, 'wget: note: TLS certificate validation not implemented\nwget: server returned error: HTTP/1.1 401 Unauthorized\ncommand terminated with exit code 1\n');
	assert.match(run(shell, 'kubectl exec bb -- wget -qO- 192.168.56.22:10256/healthz').stdout, /"nodeEligible": true\}$/);
	assert.equal(run(shell, 'kubectl exec bb -- wget -qO- https://192.168.56.20:10259/healthz').stderr, "wget: can't connect to remote host (192.168.56.20): Connection refused\ncommand terminated with exit code 1\n");
	assert.equal(run(shell, 'kubectl exec bb -- wget -qO- 127.0.0.1:10248/healthz').stderr, "wget: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1\n", "a pod's own loopback is not the node's");
});
