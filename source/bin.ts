#!/usr/bin/env node
// The entry point. It checks the Node.js version before loading anything that might not run on
// an old one, answers --version without loading the rest, then hands over to the command line.
import {statSync} from 'node:fs';
import nodeModule from 'node:module';
import {tmpdir} from 'node:os';
import packageJson from '../package.json' with {type: 'json'};
import {nodeVersionProblem} from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
	process.stderr.write(problem + '\n');
	process.exit(1);
}
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
	process.stdout.write(packageJson.version + '\n');
	process.exit(0);
}
// From the bundle, later starts reuse V8's cached code for the program instead of parsing it again.
const bundled = process.env.K8S_TUTOR_BUNDLED === 'true';
// Only under a temp folder that exists: Node makes the cache's folder with `mkdir -p`, which spins
// forever under a TMPDIR like /proc/nonexistent.
if (bundled && statSync(tmpdir(), {throwIfNoEntry: false})?.isDirectory()) nodeModule.enableCompileCache?.();
const {main} = await import('./cli.tsx');
// Written now: the program may end by a signal, and the cache is otherwise saved only at a normal exit.
if (bundled) nodeModule.flushCompileCache?.();
await main(args);
