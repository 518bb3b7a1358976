// kubectl explain in kubectl 1.32's format (the OpenAPI v3 plaintext template): a kind, a field
// path with the description of the field and of its type, --recursive, and the real errors.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {wordWrap} from '../../../source/shell/commands/kubectl/explain.ts';

test('explain pod.spec.containers: the field, its description and its type\'s, then every field with its own', () => {
	const out = run(sandboxShell(), 'kubectl explain pods.spec.containers').stdout;
	assert.ok(
		out.startsWith(
			'KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n\n\nDESCRIPTION:\n' +
				'    List of containers belonging to the pod. Containers cannot currently be\n    added or removed. There must be at least one container in a Pod. Cannot be\n    updated.\n' +
				'    A single application container that you want to run within a pod.\n    \nFIELDS:\n  args\t<[]string>\n' +
				'    Arguments to the entrypoint. The container image\'s CMD is used if this is\n    not provided. Variable references $(VAR_NAME) are expanded using the\n',
		),
		out.slice(0, 900),
	);
	assert.match(out, /\n {2}name\t<string> -required-\n {4}Name of the container specified as a DNS_LABEL\. Each container in a pod must\n {4}have a unique name \(DNS_LABEL\)\. Cannot be updated\.\n\n/);
	assert.ok(out.endsWith('\n\n\n'));
});

test('explain a kind, a group kind, a primitive field and --recursive', () => {
	const shell = sandboxShell();
	const deploy = run(shell, 'kubectl explain deployment').stdout;
	assert.ok(deploy.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n    Deployment enables declarative updates for Pods and ReplicaSets.\n    \nFIELDS:\n  apiVersion\t<string>\n'), deploy.slice(0, 300));
	assert.match(deploy, /\n {2}spec\t<DeploymentSpec>\n {4}Specification of the desired behavior of the Deployment\.\n\n/);
	assert.equal(run(shell, 'kubectl explain cj.spec.schedule').stdout, 'GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\nFIELD: schedule <string>\n\n\nDESCRIPTION:\n    The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.\n    \n\n');
	const tree = run(shell, 'kubectl explain svc.spec --recursive').stdout;
	assert.match(tree, /\nFIELDS:\n {2}allocateLoadBalancerNodePorts\t<boolean>\n/);
	assert.match(tree, /\n {2}ports\t<\[\]ServicePort>\n {4}appProtocol\t<string>\n {4}name\t<string>\n {4}nodePort\t<integer>\n {4}port\t<integer> -required-\n {4}protocol\t<string>\n {4}enum: SCTP, TCP, UDP\n {4}targetPort\t<IntOrString>\n/);
	assert.equal(run(shell, 'kubectl explain pod.spec.nothere').stderr, 'error: field "nothere" does not exist\n');
	assert.equal(run(shell, 'kubectl explain pod.spec.nodeName.deeper').stderr, 'error: field "deeper" does not exist\n');
	assert.notEqual(run(shell, 'kubectl explain pods').stdout, run(shell, 'kubectl explain pods.spec').stdout, 'a field path is not the top level again');
});

// The real kubectl 1.32's plaintext template, run against an OpenAPI v3 document served for the
// purpose: a field without an enum is followed by two empty lines; one with an enum lists it under
// ENUM: one value a line; field lists add `enum: A, B, C, D, ....` (at most 4) under the type, in
// --recursive too; the description carries the API's "Possible enum values" block.
test('explain prints an enum field\'s values as kubectl 1.32 does (ENUM:, enum: in field lists)', () => {
	const shell = sandboxShell();
	assert.equal(
		run(shell, 'kubectl explain pod.spec.restartPolicy').stdout,
		'KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n' +
			'    Restart policy for all containers within the pod. One of Always, OnFailure,\n    Never. In some contexts, only a subset of those values may be permitted.\n    Default to Always. More info:\n    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n    \n' +
			'    Possible enum values:\n     - `"Always"`\n     - `"Never"`\n     - `"OnFailure"`\n    \n\n',
	);
	assert.match(run(shell, 'kubectl explain pod.spec.containers').stdout, /\n {2}imagePullPolicy\t<string>\n {2}enum: Always, IfNotPresent, Never\n {4}Image pull policy\. One of Always, Never, IfNotPresent\.[\s\S]*?\n {4}Possible enum values:\n {5}- `"Always"` means that kubelet always attempts to pull the latest image\.\n/);
	assert.match(run(shell, 'kubectl explain svc.spec.type').stdout, /\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n/);
	assert.match(run(shell, 'kubectl explain pod.spec --recursive').stdout, /\n {12}operator\t<string> -required-\n {12}enum: DoesNotExist, Exists, Gt, In, \.\.\.\.\n/);
	assert.match(run(shell, 'kubectl explain pc.preemptionPolicy').stdout, /^GROUP: {6}scheduling\.k8s\.io\nKIND: {7}PriorityClass\nVERSION: {4}v1\n\nFIELD: preemptionPolicy <string>\nENUM:\n {4}Never\n {4}PreemptLowerPriority\n\n/);
	assert.equal(run(shell, 'kubectl explain pod.spec --recursive').stderr, '', '--recursive is acted on, not only accepted');
});

test('wordWrap breaks as go-wordwrap: at spaces, never inside a long word, keeping newlines', () => {
	assert.equal(wordWrap('aaa bbb ccc', 7), 'aaa bbb\nccc');
	assert.equal(wordWrap('short https://a.very.long/url/that/does/not/fit end', 10), 'short\nhttps://a.very.long/url/that/does/not/fit\nend');
	assert.equal(wordWrap('one\n\ntwo', 3), 'one\n\ntwo');
});
