import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {lintLessonPack} from '../../source/lessons/lint.ts';

function pack(yaml: string, en: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-lint-'));
	mkdirSync(join(dir, '01-x', 'text'), {recursive: true});
	writeFileSync(join(dir, '01-x', 'chapter.yaml'), yaml);
	writeFileSync(join(dir, '01-x', 'text', 'en.md'), en);
	return dir;
}
const text = '# X\n\n## a: A\n\nDo it.\n\n### hints\n\n- h\n';

test('lint catches a check that already passes before the learner acts', () => {
	const report = lintLessonPack(pack('id: x\nsteps:\n  - id: a\n    check: {file: {path: /etc/hostname, exists: true}}\n    solution: [echo]\n', text));
	assert.equal(report.errors, 1);
	assert.match(report.problems.find(p => p.severity === 'error')!.message, /already passes on the step's starting world/);
	assert.equal(report.problems.find(p => p.severity === 'error')!.line, 3);
});

test('lint catches a solution that does not pass its check, naming what is unmet and the failing command', () => {
	const report = lintLessonPack(pack('id: x\nsteps:\n  - id: a\n    check: {file: {path: /root/a.txt, contains: yes}}\n    solution: [echo no > /root/a.txt, nosuchcommand]\n', text));
	const error = report.problems.find(p => p.severity === 'error')!;
	assert.match(error.message, /does not contain "yes"/);
	assert.match(error.message, /nosuchcommand` exited 127/);
});

test('lint catches a check that passes when time passes with nobody acting', () => {
	const report = lintLessonPack(pack('id: x\nsteps:\n  - id: a\n    check: {not: {file: {path: /tmp/x, exists: true}}}\n    setup: [echo > /tmp/x]\n    solution: [echo]\n', text));
	// The not-check passes right away? No: /tmp/x exists after setup, so "not exists" fails on start.
	// It also cannot pass with time alone, and the solution does not remove it: one error.
	assert.equal(report.errors, 1, JSON.stringify(report.problems));
});

test('a clean chapter lints clean (a missing translation is only a warning)', () => {
	const report = lintLessonPack(pack('id: x\nsteps:\n  - id: a\n    check: {file: {path: /root/a.txt, contains: yes}}\n    solution: [echo yes > /root/a.txt]\n', text));
	assert.equal(report.errors, 0, JSON.stringify(report.problems));
	assert.equal(report.warnings, 1);
});
