#!/usr/bin/env node
// The entry point. It checks the Node.js version before loading anything that might not run on
// an old one, answers --version without loading the rest, then hands over to the command line.
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
const {main} = await import('./cli.tsx');
await main(args);
