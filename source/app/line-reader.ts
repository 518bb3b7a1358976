import {createInterface} from 'node:readline';

/**
 * Reads command lines from a stream, joining a here-document (`cmd <<EOF ... EOF`) and
 * backslash-continued lines into one entry, as a shell would.
 */
export async function* commandEntries(input: NodeJS.ReadableStream): AsyncGenerator<string> {
	const reader = createInterface({input, crlfDelay: Infinity, terminal: false});
	let pending: string[] = [];
	let heredocEnd: string | undefined;
	for await (const raw of reader) {
		const line = raw.replace(/\r$/, '');
		if (heredocEnd !== undefined) {
			pending.push(line);
			if (line.trim() === heredocEnd) {
				yield pending.join('\n');
				pending = [];
				heredocEnd = undefined;
			}
			continue;
		}
		if (line.endsWith('\\') && !line.endsWith('\\\\')) {
			pending.push(line.slice(0, -1));
			continue;
		}
		pending.push(line);
		const marker = line.match(/<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/);
		if (marker) {
			heredocEnd = marker[2]!;
			continue;
		}
		yield pending.join(pending.length > 1 && !marker ? '' : '\n');
		pending = [];
	}
	if (pending.length > 0) yield pending.join('\n');
}
