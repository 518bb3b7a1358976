// Screens that must be whole (issue 13 §7). Below the minimum size: at 20x5 the sentences do not fit, so
// the sizes alone are said, never a sentence cut off before the size it needs. The ? keys screen at 80x24.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {minimumSize} from '../../source/ui/layout.ts';
import {tooSmallLines} from '../../source/ui/too-small.tsx';
import {textWidth} from '../../source/ui/text-width.ts';
import {messages} from '../../source/i18n/catalog.ts';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';
import {dashboard, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

const need = `${minimumSize.columns}x${minimumSize.rows}`;

for (const locale of ['en', 'zh-CN'] as const) {
	test(`too small (${locale}): every size from 20x5 up gets the needed and the actual size, whole`, () => {
		for (const [columns, rows] of [[20, 5], [24, 6], [40, 8], [63, 17]] as const) {
			const lines = tooSmallLines(messages(locale).ui, columns, rows);
			assert.ok(lines.length <= rows, `${columns}x${rows}: ${lines.length} lines`);
			for (const line of lines) assert.ok(textWidth(line) <= columns, `${columns}x${rows}: ${line}`);
			const text = lines.join(' ');
			assert.ok(text.includes(need) && text.includes(`${columns}x${rows}`), `${columns}x${rows}: ${text}`);
		}
	});
}

test('the dashboard at 20x5 shows the whole message', async () => {
	const ui = renderUi(dashboard(sandboxController()).element, {columns: 20, rows: 5});
	const frame = await ui.waitForText('20x5');
	assert.match(frame, new RegExp(need));
	assert.match(frame, /q quits/);
});

for (const locale of ['en', 'zh-CN'] as const) {
	test(`the ? keys screen fits 80x24 whole (${locale}): no line cut off`, async () => {
		const ui = renderUi(dashboard(sandboxController(), {locale}).element, {columns: 80, rows: 24});
		await ui.waitForText('root@host-1:~#');
		ui.type('?');
		const frame = await ui.waitFor(f => f.includes('Alt-p') && f.includes('Ctrl-L') && f.includes('Enter'), 'the keys screen');
		for (const line of frame.split('\n')) {
			assert.ok(textWidth(line) <= 80, line);
			assert.doesNotMatch(line, /…/, `cut off: ${line}`);
		}
	});
}
