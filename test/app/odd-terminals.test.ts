// Odd terminals: TERM=dumb gets plain mode and one line saying so; control characters from the
// simulated world never reach the real terminal raw, in plain mode as on the screen.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {terminalMode} from '../../source/app/terminal-mode.ts';
import {visibleText} from '../../source/app/visible-text.ts';
import {outputLines} from '../../source/ui/shell/shell-lines.ts';
import {plainLine} from '../../source/ui/frame/styled-line.ts';
import {runCli} from '../helpers/built-cli.ts';

test('TERM=dumb on a terminal: plain mode, with one line saying why', () => {
	const dumb = terminalMode({plainFlag: false, stdinTTY: true, stdoutTTY: true, term: 'dumb'});
	assert.equal(dumb.plain, true);
	assert.match(dumb.notice!, /^TERM=dumb: .*plain mode/);
	assert.equal(dumb.notice!.includes('\n'), false);
	assert.deepEqual(terminalMode({plainFlag: false, stdinTTY: true, stdoutTTY: true, term: 'xterm-256color'}), {plain: false});
	assert.deepEqual(terminalMode({plainFlag: false, stdinTTY: false, stdoutTTY: true, term: 'xterm'}), {plain: true});
	assert.deepEqual(terminalMode({plainFlag: true, stdinTTY: true, stdoutTTY: true, term: 'dumb'}), {plain: true});
});

test('control characters are shown in caret notation, newlines and tabs kept', () => {
	assert.equal(visibleText('a\x1b[2Jb\x07\tc\nd\x7f\x9b'), 'a^[[2Jb^G\tc\nd^?M-^[');
});

test('a hostile file name prints no escape sequence in plain mode, nor on the screen', () => {
	const run = runCli(['sandbox', '--plain'], {input: `touch "$(printf 'x\\033]0;pwned\\007\\033[2Jy')"\nls\n`});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(/[\x00-\x08\x0b-\x1f\x7f]/.test(run.stdout + run.stderr), false, JSON.stringify(run.stdout));
	assert.match(run.stdout, /x\^\[\]0;pwned\^G\^\[\[2Jy/);
	const screen = outputLines([{id: 1, kind: 'stdout', text: 'x\x1b[2Jy'}], 40, {} as never, 10).map(plainLine);
	assert.deepEqual(screen, ['x^[[2Jy']);
});
