// The pod-template-hash (and DaemonSet/StatefulSet revision hashes) depend on the template, not on
// the order its keys were written in: a real kubectl sends JSON with sorted keys, the built-in one
// the manifest's order, and both must name the ReplicaSet the same (found by the conformance test).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {templateHash as deploymentHash} from '../../../source/engine/k8s/controllers/deployment.ts';
import {templateHash as daemonHash} from '../../../source/engine/k8s/controllers/daemonset.ts';

const written = {metadata: {labels: {app: 'kubia'}}, spec: {containers: [{name: 'kubia', image: 'luksa/kubia'}]}};
const sorted = {metadata: {labels: {app: 'kubia'}}, spec: {containers: [{image: 'luksa/kubia', name: 'kubia'}]}};

test('a template hashes the same whatever the order of its keys', () => {
	assert.equal(deploymentHash(written), deploymentHash(sorted));
	assert.equal(daemonHash(written), daemonHash(sorted));
	assert.notEqual(deploymentHash(written), deploymentHash({...written, spec: {containers: [{name: 'kubia', image: 'luksa/kubia:v2'}]}}));
});
