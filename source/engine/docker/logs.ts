// A container's log (what `docker logs` prints): the last 2,000 lines it wrote.
import type {Container} from './types.ts';

export function appendLog(container: Container, text: string): void {
	for (const line of text.replace(/\n$/, '').split('\n')) container.logs.push(line);
	if (container.logs.length > 2000) container.logs.splice(0, container.logs.length - 2000);
}
