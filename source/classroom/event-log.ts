// The append-only event log. `append` resolves only once the record is on disk (fdatasync),
// so an acknowledged event survives the host being killed. Appends that arrive while a sync
// is running are written and synced together (group commit): one sync for many students.
import {existsSync, readFileSync, truncateSync} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import {logRecordSchema, type LogRecord} from './log-records.ts';

export type EventLog = {
	append(record: LogRecord): Promise<void>;
	close(): Promise<void>;
};

export type LoadedLog = {
	records: LogRecord[];
	/** Complete lines that were not valid records (foreign damage), skipped. */
	skippedLines: number;
	/** Bytes of a torn last line (the host died mid-write) that were cut off. */
	truncatedBytes: number;
};

/** Reads every valid record; a torn last line is cut from the file so appends stay well-formed. */
export function loadLog(path: string, repair = true): LoadedLog {
	if (!existsSync(path)) return {records: [], skippedLines: 0, truncatedBytes: 0};
	const bytes = readFileSync(path);
	const end = bytes.lastIndexOf(0x0a) + 1; // everything after the last newline is torn
	const truncatedBytes = bytes.length - end;
	if (truncatedBytes > 0 && repair) truncateSync(path, end);
	const records: LogRecord[] = [];
	let skippedLines = 0;
	for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
		if (!line.trim()) continue;
		const record = parseRecord(line);
		if (record) records.push(record);
		else skippedLines++;
	}
	return {records, skippedLines, truncatedBytes};
}

function parseRecord(line: string): LogRecord | undefined {
	try {
		const parsed = logRecordSchema.safeParse(JSON.parse(line));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

export async function openEventLog(path: string): Promise<EventLog> {
	const handle: FileHandle = await open(path, 'a');
	let pending: {line: string; done: () => void; fail: (error: unknown) => void}[] = [];
	let flushing: Promise<void> | undefined;
	let closed = false;

	const flush = async () => {
		while (pending.length > 0) {
			const batch = pending;
			pending = [];
			try {
				await handle.write(batch.map(entry => entry.line).join(''));
				await handle.datasync();
				for (const entry of batch) entry.done();
			} catch (error) {
				for (const entry of batch) entry.fail(error);
			}
		}
		flushing = undefined;
	};

	return {
		append(record) {
			if (closed) return Promise.reject(new Error('the event log is closed'));
			return new Promise<void>((done, fail) => {
				pending.push({line: JSON.stringify(record) + '\n', done, fail});
				flushing ??= flush();
			});
		},
		async close() {
			closed = true;
			await flushing;
			await handle.close();
		},
	};
}
