// `npm run bench`: runs every benchmark in scripts/bench/ in turn (each prints its own numbers).
// Pass names to run only some: `npm run bench -- startup cluster`.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';

const only = process.argv.slice(2);
const benches = readdirSync(new URL('./bench/', import.meta.url))
	.filter(name => name.endsWith('.ts'))
	.filter(name => only.length === 0 || only.includes(name.replace(/\.ts$/, '')))
	.sort();
let failed = 0;
for (const name of benches) {
	console.log(`\n== ${name.replace(/\.ts$/, '')}`);
	const run = spawnSync(process.execPath, ['--expose-gc', '--import', './scripts/bench/fixtures/render-caches-hook.mjs', '--import', 'tsx', `scripts/bench/${name}`], {stdio: 'inherit'});
	if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
