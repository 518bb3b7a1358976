#!/usr/bin/env node
// The entry point. It checks the Node.js version before loading anything that might not run on
// an old one, then hands over to the command line.
import {nodeVersionProblem} from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
	process.stderr.write(problem + '\n');
	process.exit(1);
}
const {main} = await import('./cli.tsx');
await main(process.argv.slice(2));
