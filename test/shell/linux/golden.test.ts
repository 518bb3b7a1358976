// Golden transcripts: each file in golden/ is a command sequence with the exact output expected
// (stdout then stderr, then `[exit N]` when the exit code is not 0). Lines starting with `#` are
// comments. Set RECORD_GOLDEN=1 to rewrite the files from the current output (then review the diff).
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {labWorld} from './lab-world.ts';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'golden');

type Step = {command: string; expected: string};

function parse(text: string): {header: string[]; steps: Step[]} {
	const header: string[] = [];
	const steps: Step[] = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('$ ')) steps.push({command: line.slice(2), expected: ''});
		else if (steps.length === 0) header.push(line);
		else steps[steps.length - 1]!.expected += line + '\n';
	}
	for (const s of steps) s.expected = s.expected.replace(/\n+$/, '\n').replace(/^\n$/, '');
	return {header, steps};
}

function transcript(result: {stdout: string; stderr: string; exitCode: number}): string {
	return result.stdout + result.stderr + (result.exitCode !== 0 ? `[exit ${result.exitCode}]\n` : '');
}

for (const file of readdirSync(dir).filter(f => f.endsWith('.txt')).sort()) {
	test(`golden transcript: ${file}`, () => {
		const path = join(dir, file);
		const {header, steps} = parse(readFileSync(path, 'utf8'));
		const shell = sandboxShell({world: labWorld()});
		const actual = steps.map(s => ({command: s.command, output: transcript(run(shell, s.command))}));
		if (process.env.RECORD_GOLDEN) {
			writeFileSync(path, [...header.filter(Boolean), ...actual.map(a => `$ ${a.command}\n${a.output}`)].join('\n').replace(/\n*$/, '\n'));
			return;
		}
		for (let i = 0; i < steps.length; i++) assert.equal(actual[i]!.output, steps[i]!.expected, `${file}: output of \`${steps[i]!.command}\``);
	});
}
