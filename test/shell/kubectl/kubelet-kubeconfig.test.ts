// /etc/kubernetes/kubelet.conf on a node is the kubelet's complete kubeconfig (user system:node:NAME,
// its client certificate in O=system:nodes); kubectl with it acts as that node, which kubeadm's
// --authorization-mode=Node,RBAC and the NodeRestriction admission plugin limit. It had no context,
// so kubectl said there was no server.
// Real formats matched (plugin/pkg/auth/authorizer/node/node_authorizer.go, 1.31, AuthorizeNodeWithSelectors off):
//   authorizeReadNamespacedObject: "can only read namespaced object of this type"; authorize(): "No Object name found",
//     "no relationship found between node '%s' and this object"; other types: bootstrappolicy.NodeRules()
//   the union authorizer joins the reasons after the forbidden message: "%s is forbidden: User %q cannot ... : <reason>"
//   plugin/pkg/admission/noderestriction: "pod does not have %q annotation, node %q can only create mirror pods"
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const asNode = 'kubectl --kubeconfig /etc/kubernetes/kubelet.conf';

test('kubelet.conf names the node\'s own user in its current context', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'ssh worker-1');
	const conf = run(shell, 'cat /etc/kubernetes/kubelet.conf').stdout;
	assert.match(conf, /^current-context: system:node:worker-1@kubernetes$/m);
	assert.match(conf, /^- name: system:node:worker-1\n {2}user:\n {4}client-certificate: \/var\/lib\/kubelet\/pki\/kubelet-client-current\.pem$/m);
	assert.match(conf, /^ {4}server: https:\/\/192\.168\.56\.20:6443$/m);
	const whoami = run(shell, `${asNode} auth whoami`);
	assert.equal(whoami.stdout, 'ATTRIBUTE   VALUE\nUsername    system:node:worker-1\nGroups      [system:nodes system:authenticated]\n');
});

test('as the node: nodes and pods may be read, secrets only those of its own pods, and it creates no ordinary pod', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl create secret generic s1 --from-literal=a=b');
	run(shell, 'kubectl create secret generic s2 --from-literal=a=b');
	run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: uses-s2\nspec:\n  nodeName: worker-1\n  containers:\n  - name: c\n    image: busybox\n    command: [sleep, "9999"]\n    envFrom:\n    - secretRef:\n        name: s2\nEOF');
	run(shell, 'ssh worker-1');
	const nodes = run(shell, `${asNode} get nodes`);
	assert.equal(nodes.exitCode, 0, nodes.stderr);
	assert.match(nodes.stdout, /^worker-2 /m);
	assert.equal(run(shell, `${asNode} get pods -A`).exitCode, 0);
	const forbidden = (what: string, scope: string, reason: string) => `Error from server (Forbidden): ${what} is forbidden: User "system:node:worker-1" cannot ${scope}: ${reason}\n`;
	assert.equal(run(shell, `${asNode} get secrets -A`).stderr, forbidden('secrets', 'list resource "secrets" in API group "" at the cluster scope', 'can only read namespaced object of this type'));
	assert.equal(run(shell, `${asNode} get secrets`).stderr, forbidden('secrets', 'list resource "secrets" in API group "" in the namespace "default"', 'No Object name found'));
	assert.equal(run(shell, `${asNode} get secret s1`).stderr, forbidden('secrets "s1"', 'get resource "secrets" in API group "" in the namespace "default"', "no relationship found between node 'worker-1' and this object"));
	const own = run(shell, `${asNode} get secret s2`);
	assert.equal(own.exitCode, 0, own.stderr);
	assert.match(own.stdout, /^s2 +Opaque +1 /m);
	assert.equal(run(shell, `${asNode} get deployments`).stderr, 'Error from server (Forbidden): deployments.apps is forbidden: User "system:node:worker-1" cannot list resource "deployments" in API group "apps" in the namespace "default"\n');
	assert.equal(run(shell, `${asNode} run x --image=nginx`).stderr, 'Error from server (Forbidden): pods "x" is forbidden: pod does not have "kubernetes.io/config.mirror" annotation, node "worker-1" can only create mirror pods\n');
	assert.equal(run(shell, 'kubectl get nodes').exitCode, 1, 'without --kubeconfig a node has no kubeconfig of its own');
});
