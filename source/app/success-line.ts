// A passed step's message as one plain line ("✓ learner/kubia is in the registry: ..."): markdown
// marks (backticks, stars) removed and exactly one tick, wherever it is shown (scrollback,
// status bar, lesson pane).
import {renderMarkdownPlain} from '../lessons/markdown.ts';

export function successLine(message: string): string {
	const plain = renderMarkdownPlain(message.replace(/^\s*✓\s*/, ''), {width: 100_000})
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean)
		.join(' ');
	return `✓ ${plain}`;
}
