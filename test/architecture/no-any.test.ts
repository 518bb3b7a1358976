// Issue 12: the Kubernetes objects and the input not yet validated are typed (engine/k8s/kinds.ts,
// object-input.ts), so source/ names no `any` type. Comments and string text are left out of the
// search ("any free port" is English, not a type).
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot} from '../helpers/built-cli.ts';

/** The code of a file with comments and the text of strings and templates blanked (a template's ${...} kept). */
function codeOnly(text: string): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		const next = text[i + 1];
		if (c === '/' && next === '/') {
			while (i < text.length && text[i] !== '\n') i++;
		} else if (c === '/' && next === '*') {
			i = text.indexOf('*/', i + 2) + 2;
		} else if (c === "'" || c === '"') {
			for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
			i++;
			out += '""';
		} else if (c === '`') {
			for (i++; i < text.length && text[i] !== '`'; ) {
				if (text[i] === '\\') i += 2;
				else if (text[i] === '$' && text[i + 1] === '{') {
					let depth = 1;
					let j = i + 2;
					for (; depth > 0 && j < text.length; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
					out += codeOnly(text.slice(i + 2, j - 1));
					i = j;
				} else i++;
			}
			i++;
			out += '""';
		} else {
			out += c;
			i++;
		}
	}
	return out;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

test('source/ names no `any` type (the brief\'s pattern, over code without comments and strings)', () => {
	const pattern = /((:\s*|<|as |\| |, |= )any\b(?!\s*:)|\bany\[\]|Record<string, any>)/g;
	const found: string[] = [];
	for (const file of sourceFiles(join(projectRoot, 'source'))) {
		const hits = codeOnly(readFileSync(file, 'utf8')).match(pattern);
		if (hits) found.push(`${file.slice(projectRoot.length + 1)}: ${hits.join(' | ')}`);
	}
	assert.deepEqual(found, []);
});

test('the search sees an `any` in code and not in a comment or a string', () => {
	const pattern = /(:\s*|<|as |\| |, |= )any\b(?!\s*:)/;
	assert.match(codeOnly('let body: any = {};'), pattern);
	assert.match(codeOnly('const x = `${(y as any).z}`;'), pattern);
	assert.doesNotMatch(codeOnly("port?: number; // 0: any free port\nconst s = 'Error: any valid prefix';"), pattern);
	assert.doesNotMatch(codeOnly("const go = {intstr: 'x', any: 'interface {}'};"), pattern);
});
