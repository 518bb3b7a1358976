import assert from 'node:assert/strict';
import {test} from 'node:test';
import {eventLine} from '../../source/app/event-lines.ts';
import type {WorldEvent} from '../../source/engine/world.ts';

const event = (overrides: Partial<WorldEvent>): WorldEvent => ({seq: 1, time: 0, type: 'Normal', component: 'default-scheduler', reason: 'Scheduled', object: 'pod/default/kubia-7x2kq', message: 'Successfully assigned default/kubia-7x2kq to worker-2', ...overrides});

test('an event reads object first, then what happened, then who did it', () => {
	assert.equal(eventLine(event({})), '  · pod/kubia-7x2kq: Successfully assigned default/kubia-7x2kq to worker-2 (default-scheduler)');
	assert.equal(
		eventLine(event({component: 'kubelet/worker-2', reason: 'Started', object: 'pod/kube-system/etcd', message: 'Started container etcd'})),
		'  · pod/kube-system/etcd: Started container etcd (kubelet/worker-2)',
	);
});

test('warnings say so; an event without a message falls back to its reason', () => {
	assert.equal(eventLine(event({type: 'Warning', reason: 'OOMKilled', object: 'container/web', message: ''})), '  · warning: container/web: OOMKilled (default-scheduler)');
	assert.equal(eventLine(event({object: '', message: 'node worker-1 rebooted', component: 'kernel'})), '  · node worker-1 rebooted (kernel)');
});
