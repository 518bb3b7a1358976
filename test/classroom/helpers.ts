// Shared setup for the classroom tests: a host on 127.0.0.1 (never another address) in a
// temporary session folder, students over loopback, and bounded waits.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {connectStudent, type StudentLink} from '../../source/classroom/client.ts';
import {memoryStore, type ClientStore} from '../../source/classroom/client-store.ts';
import {startClassroomHost, type ClassroomHost} from '../../source/classroom/host-server.ts';
import type {GuardLimits} from '../../source/classroom/join-guard.ts';
import type {ExamRules} from '../../source/classroom/protocol.ts';
import {openSession} from '../../source/classroom/session-folder.ts';

export const appVersion = '0.1.0-test';

export function tempDir(t: {after(fn: () => void): void}): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-classroom-'));
	t.after(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

export async function startHost(dir: string, options: {chapters?: string[]; capacity?: number; clock?: () => number; guard?: Partial<GuardLimits>; exam?: ExamRules; helloTimeoutMs?: number} = {}): Promise<ClassroomHost> {
	const session = await openSession(dir, {chapters: options.chapters ?? ['1', '2', '3'], appVersion, now: 0, exam: options.exam});
	return startClassroomHost(session, {bind: '127.0.0.1', port: 0, appVersion, capacity: options.capacity, clock: options.clock, guard: options.guard, ...(options.helloTimeoutMs ? {helloTimeoutMs: options.helloTimeoutMs} : {})});
}

export function student(host: {port: number; room: {code: string}}, name: string, options: {store?: ClientStore; code?: string; protocol?: number; port?: number} = {}): StudentLink {
	return connectStudent({
		url: `ws://127.0.0.1:${options.port ?? host.port}`,
		code: options.code ?? host.room.code,
		name,
		appVersion,
		store: options.store ?? memoryStore(),
		retry: {initialMs: 30, maxMs: 200},
		connectTimeoutMs: 2000,
		...(options.protocol !== undefined ? {protocolOverride: options.protocol} : {}),
	});
}

/** Polls `predicate` every 5 ms; fails with `what` after `timeoutMs` (bounded: no test hangs). */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const start = performance.now();
	while (!predicate()) {
		if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

export const stepEntered = (chapterId: string, stepIndex: number, stepCount = 3) => ({
	kind: 'step-entered' as const,
	chapterId,
	chapterNumber: Number(chapterId.replace(/\D/g, '')) || 1,
	stepId: `step-${stepIndex + 1}`,
	stepIndex,
	stepCount,
	title: `Step ${stepIndex + 1}`,
});
