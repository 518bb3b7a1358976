// One composition root (engine/world-behaviour.ts): how the world answers does not depend on
// which modules a process imported, or in which order. Before, Docker's responders existed only
// once something had imported engine/docker/http.ts (the shell's docker commands did), so an
// engine-only process heard "OK from a" where the tutor heard "You've hit a".
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const fixture = fileURLToPath(new URL('fixtures/world-answers.ts', import.meta.url));
const answersAfter = (mode: 'engine' | 'shell-first') => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fixture, mode], {encoding: 'utf8'})) as Record<string, unknown>;

test('a fresh process that imports only the engine hears the same HTTP answers, CoreDNS and kube-proxy as the tutor', () => {
	const engineOnly = answersAfter('engine');
	const withShell = answersAfter('shell-first');
	assert.deepEqual(engineOnly, withShell);
	assert.deepEqual(engineOnly['http 8080'], [200, "You've hit a\n"]);
	assert.deepEqual(engineOnly['http 8081'], [200, "You've hit a\n"]);
	assert.deepEqual(engineOnly.connect, ['refused', ['kube-proxy']]);
	assert.equal(engineOnly.dns, 'NOERROR');
});

// Container scripts run their tools through the runtime's `programs` (ctx.runtime.programs). The
// engine's entry points default to "not simulated" so the engine runs alone; outside the engine a
// call that forgets them would quietly print [simulator] lines in a learner's container logs.
test('outside the engine, every call that advances the world passes the runtime\'s programs', () => {
	const root = fileURLToPath(new URL('../../source/', import.meta.url));
	const missing: string[] = [];
	const argumentsOf = (text: string, open: number): string[] => {
		const args: string[] = [];
		let depth = 0;
		let start = open + 1;
		for (let i = open + 1; i < text.length; i++) {
			const c = text[i]!;
			if ('([{'.includes(c)) depth++;
			else if (')]}'.includes(c)) {
				if (depth === 0) return [...args, text.slice(start, i)].map(a => a.trim()).filter(Boolean);
				depth--;
			} else if (c === ',' && depth === 0) {
				args.push(text.slice(start, i));
				start = i + 1;
			}
		}
		return args;
	};
	const needs: Record<string, (args: string[]) => boolean> = {
		tick: args => args.length >= 3,
		reconcileContainers: args => args.length >= 3,
		startContainer: args => /programs/.test(args[4] ?? ''),
		followFor: args => args.length >= 4,
		pullOnHost: args => args.length >= 4,
	};
	for (const file of readdirSync(root, {recursive: true, encoding: 'utf8'})) {
		if (!/\.tsx?$/.test(file) || file.startsWith('engine/')) continue;
		const text = readFileSync(root + file, 'utf8');
		for (const [name, ok] of Object.entries(needs)) {
			for (const m of text.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
				if (/function\s+$/.test(text.slice(Math.max(0, m.index - 9), m.index))) continue;
				const args = argumentsOf(text, m.index + name.length);
				if (!ok(args)) missing.push(`${file}: ${name}(${args.join(', ')})`);
			}
		}
	}
	assert.deepEqual(missing, []);
});
