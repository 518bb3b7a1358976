// Simplified Chinese text wraps between characters, but keeps Latin words and punctuation whole.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {breakablePieces} from '../../../source/lessons/line-breaks.ts';
import {wrapText} from '../../../source/lessons/markdown.ts';

test('Chinese breaks between characters; closing punctuation stays with the character before it', () => {
	assert.deepEqual(breakablePieces('容器，很轻。'), ['容', '器，', '很', '轻。']);
	assert.deepEqual(breakablePieces('（VM）是'), ['（VM）', '是']);
	assert.deepEqual(breakablePieces('container-1'), ['container-1']);
	assert.deepEqual(breakablePieces('改成container-1再'), ['改', '成', 'container-1', '再']);
});

test('the plain renderer never cuts a Latin word in Chinese prose, nor starts a line with a comma', () => {
	const text = '然后用 hostname container-1 把这里的主机名改成 container-1，再用 hostname 确认一下。';
	for (const width of [20, 24, 30, 38]) {
		const lines = wrapText(text, width);
		assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''), `nothing lost at ${width}`);
		for (const line of lines) {
			assert.doesNotMatch(line, /^[，。）]/, `no line starts with closing punctuation at ${width}: ${JSON.stringify(lines)}`);
			assert.doesNotMatch(line, /(^|[^a-z])ontainer|containe$/, `container-1 kept whole at ${width}: ${JSON.stringify(lines)}`);
		}
	}
});
