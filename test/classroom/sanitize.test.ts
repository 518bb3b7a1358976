import assert from 'node:assert/strict';
import {test} from 'node:test';
import {codesMatch, hashToken, newJoinCode, tokenMatches} from '../../source/classroom/credentials.ts';
import {nameKey, sanitizeName, sanitizeText} from '../../source/classroom/sanitize.ts';

test('escape sequences, controls and bidi overrides are stripped', () => {
	assert.equal(sanitizeText('\u001b[31mred\u001b[0m'), 'red');
	assert.equal(sanitizeText('a\u001b]0;title\u0007b'), 'ab');
	assert.equal(sanitizeText('a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b'), 'alinkb');
	assert.equal(sanitizeText('\u009b2Jc1\u009d0;t\u009cz'), 'c1z');
	assert.equal(sanitizeText('evil\u202eexe.txt'), 'evilexe.txt');
	assert.equal(sanitizeText('tab\there\r\nnext\u0000\u007f'), 'tab here next');
	assert.equal(sanitizeText('  spaced    out  '), 'spaced out');
	assert.equal(sanitizeText('王小明'), '王小明');
});

test('text is cut to the limit in characters, not bytes', () => {
	assert.equal(sanitizeText('王'.repeat(10), 5), '王王王王…');
	assert.equal([...sanitizeText('x'.repeat(500))].length, 300);
});

test('names: empty after cleaning is refused; case does not make a new name', () => {
	assert.equal(sanitizeName('\u001b[2J'), undefined);
	assert.equal(sanitizeName('  '), undefined);
	assert.equal(sanitizeName('Alice\u0007'), 'Alice');
	assert.equal(nameKey('ALICE'), nameKey('alice'));
	assert.equal(nameKey('Ａｌｉｃｅ'), nameKey('alice')); // full-width letters
});

test('join codes avoid look-alike characters and compare loosely', () => {
	for (let i = 0; i < 50; i++) assert.match(newJoinCode(), /^[A-HJKMNP-Z2-9]{6}$/);
	assert.ok(codesMatch('ABC234', 'abc-234'));
	assert.ok(codesMatch('ABC234', ' abc 234 '));
	assert.ok(!codesMatch('ABC234', 'ABC235'));
	assert.ok(!codesMatch('ABC234', ''));
});

test('tokens are checked against their hash only', () => {
	const hash = hashToken('secret');
	assert.ok(tokenMatches(hash, 'secret'));
	assert.ok(!tokenMatches(hash, 'Secret'));
	assert.ok(!tokenMatches(hash, undefined));
});
