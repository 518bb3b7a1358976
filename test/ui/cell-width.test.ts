// One measure of terminal cells everywhere: the lesson wrapper, the dashboard's fitting and Ink
// (string-width) agree on every character, so Chinese and emoji lines never overflow or leave gaps.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {displayWidth} from '../../source/lessons/markdown.ts';
import {charWidth, fit, textWidth, truncate} from '../../source/ui/text-width.ts';

// Every 7th code point of the BMP (string-width is ~30 µs a call): the tables this replaced disagreed on
// whole blocks, thousands of code points, which a sample this dense cannot miss.
test('characters across the BMP measure as string-width measures them, in the lessons and in the dashboard', () => {
	const disagreements: string[] = [];
	for (let code = 0; code <= 0xffff; code += 7) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const char = String.fromCodePoint(code);
		const expected = stringWidth(char);
		if (displayWidth(char) !== expected || charWidth(char) !== expected || textWidth(char) !== expected) disagreements.push(code.toString(16));
	}
	assert.deepEqual(disagreements.slice(0, 20), [], `${disagreements.length} code points disagree`);
});

test('fitting mixed Chinese, emoji and ASCII never exceeds the width', () => {
	for (const text of ['节点 worker-1 就绪', '👍🏽 ok 容器', 'kubectl get pods -o wide', 'e\u0301cole 名字空间']) {
		for (let width = 1; width < 24; width++) {
			assert.ok(textWidth(truncate(text, width)) <= width, `${text} @${width}`);
			assert.equal(textWidth(fit(text, width)), width, `fit ${text} @${width}`);
		}
	}
});
