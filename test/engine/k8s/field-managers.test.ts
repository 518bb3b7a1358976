// Field managers as server-side apply keeps them: ownership by Update and Apply, conflicts and
// their messages (getConflictMessage's words), --force-conflicts, shared ownership of equal values,
// fields an applier stops applying, and the move from client-side apply.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {conflictMessage, fieldsOf, managedFieldsOf, recordApply, recordUpdate, releaseFields, setManagedFields} from '../../../source/engine/k8s/field-managers.ts';
import type {Deployment} from '../../../source/engine/k8s/kinds.ts';

const deployment = (replicas: number, image = 'nginx', extra: Record<string, unknown> = {}): Deployment => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: 't'}, spec: {replicas, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image, ...extra}]}}}});
const time = '2026-01-05T09:00:00Z';

function applied(live: Deployment | undefined, config: Deployment, manager = 'kubectl', force = false): Deployment {
	const own = recordApply(live, config, manager, force, time);
	assert.ok('managedFields' in own, JSON.stringify(own));
	const next = structuredClone(live ?? config);
	Object.assign(next, structuredClone({...config, metadata: next.metadata}));
	releaseFields(next, own.released);
	setManagedFields(next, own.managedFields);
	return next;
}

test('FieldsV1: keyed list items by their key with ".", maps with ".", structs without', () => {
	assert.deepEqual(fieldsOf(deployment(3)), {
		'f:spec': {'f:replicas': {}, 'f:selector': {'f:matchLabels': {'.': {}, 'f:app': {}}}, 'f:template': {'f:metadata': {'f:labels': {'.': {}, 'f:app': {}}}, 'f:spec': {'f:containers': {'k:{"name":"web"}': {'.': {}, 'f:image': {}, 'f:name': {}}}}}},
	});
});

test('kubectl scale after an apply: the next apply conflicts on .spec.replicas; --force-conflicts takes it back', () => {
	const live = applied(undefined, deployment(3));
	const scaled = structuredClone(live);
	scaled.spec.replicas = 5;
	setManagedFields(scaled, recordUpdate(live, scaled, 'kubectl', time, 'scale'));
	assert.deepEqual(managedFieldsOf(scaled).map(e => [e.manager, e.operation, e.subresource ?? '']), [['kubectl', 'Apply', ''], ['kubectl', 'Update', 'scale']]);
	const refused = recordApply(scaled, deployment(3), 'kubectl', false, time);
	assert.ok('conflicts' in refused);
	assert.equal(conflictMessage(refused.conflicts), 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
	const forced = recordApply(scaled, deployment(3), 'kubectl', true, time);
	assert.ok('managedFields' in forced);
	assert.deepEqual(forced.managedFields.map(e => e.manager), ['kubectl'], 'the scale entry owned nothing else and is gone');
});

test('equal values are shared, not conflicts; several conflicts are listed by manager', () => {
	const live = applied(undefined, deployment(3));
	assert.ok('managedFields' in recordApply(live, deployment(3), 'other', false, time), 'same values: co-owned');
	const refused = recordApply(live, deployment(4, 'nginx:1.27'), 'other', false, time);
	assert.ok('conflicts' in refused);
	assert.equal(conflictMessage(refused.conflicts), 'Apply failed with 2 conflicts: conflicts with "kubectl":\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image');
});

test('a field the applier no longer applies, and nobody else owns, is removed', () => {
	const live = applied(undefined, deployment(3, 'nginx', {imagePullPolicy: 'Always'}));
	const next = applied(live, deployment(3));
	assert.equal(next.spec.template.spec.containers[0].imagePullPolicy, undefined);
});

test('from client-side apply: "kubectl" takes over the last-applied fields nobody changed since, not the others', () => {
	const live = deployment(3);
	live.metadata.annotations = {'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(deployment(3))};
	setManagedFields(live, recordUpdate(undefined, live, 'kubectl-client-side-apply', time));
	assert.ok('managedFields' in recordApply(live, deployment(4), 'kubectl', false, time), 'replicas still as last applied: no conflict');
	assert.ok('conflicts' in recordApply(live, deployment(4), 'someone', false, time), 'only for the kubectl manager');
	const scaled = structuredClone(live);
	scaled.spec.replicas = 5;
	setManagedFields(scaled, recordUpdate(live, scaled, 'kubectl', time, 'scale'));
	const refused = recordApply(scaled, deployment(4, 'nginx:1.27'), 'kubectl', false, time);
	assert.ok('conflicts' in refused);
	assert.equal(conflictMessage(refused.conflicts), 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
});
