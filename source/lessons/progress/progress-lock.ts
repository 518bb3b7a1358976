// The progress file's lock, tried once and never waited for: a change that finds it held stays in
// memory and is saved on a later try (progress-store.ts). The lock file holds its owner's pid, so
// a lock left by a process that is gone is taken over at once.
import {closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync} from 'node:fs';

export type LockAttempt = {held: true} | {held: false; holder?: number} | {held: false; unlockable: true};

/** A lock file without a pid younger than this is being written; older, it is foreign and stale. */
const unnamedLockGraceMs = 1_000;

export function tryLock(lockPath: string): LockAttempt {
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			try {
				writeSync(fd, String(process.pid));
			} finally {
				closeSync(fd);
			}
			return {held: true};
		} catch (error) {
			// A folder that cannot hold a lock (read-only): work unlocked, the write will say why it failed.
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return {held: false, unlockable: true};
		}
		const holder = lockHolder(lockPath);
		if (holder === 'gone') continue;
		if (holder === 'fresh') return {held: false};
		if (holder !== 'stale') return {held: false, holder};
		try {
			unlinkSync(lockPath);
		} catch {
			// another process took it over first: try once more
		}
	}
	return {held: false};
}

export function releaseLock(lockPath: string): void {
	try {
		if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
	} catch {
		// already gone
	}
}

/** Who holds the lock: a live pid, 'stale' (a dead process, or no pid for a while), 'fresh' (no pid yet), or 'gone'. */
function lockHolder(lockPath: string): number | 'stale' | 'fresh' | 'gone' {
	let text: string;
	let age: number;
	try {
		text = readFileSync(lockPath, 'utf8').trim();
		age = Date.now() - statSync(lockPath).mtimeMs;
	} catch {
		return 'gone';
	}
	const pid = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(pid) || pid <= 0) return age > unnamedLockGraceMs ? 'stale' : 'fresh';
	// Our own pid: every save in this process is synchronous, so nothing of ours holds it now.
	if (pid === process.pid) return 'stale';
	return alive(pid) ? pid : 'stale';
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
