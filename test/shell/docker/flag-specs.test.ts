// One flag spec per docker subcommand (flag-specs.ts + docker 28's help texts): what the parser
// accepts, what --help prints and what Tab offers. Refusals compared with the real docker CLI 28
// (flag errors need no daemon): `docker kill -t 1 x`, `docker create -d nginx`, `docker container
// prune -a`, `docker image prune --volumes`.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {modelledFlags} from '../../../source/shell/commands/docker/flag-specs.ts';
import {dockerHelpTexts} from '../../../source/shell/commands/docker/help-texts.ts';
import {dockerShell, run} from './helpers.ts';

/** Flags docker keeps hidden (deprecated aliases): real, but not in --help. */
const hidden: Record<string, string[]> = {stop: ['--time'], restart: ['--time'], run: ['--net'], create: ['--net'], 'volume create': ['--name'], build: ['--progress']};

test('every flag the simulation models is one docker 28 has for that subcommand', () => {
	const invented: string[] = [];
	for (const [sub, specs] of Object.entries(modelledFlags)) {
		const help = dockerHelpTexts[sub];
		assert.ok(help, `no help text for docker ${sub}`);
		for (const name of specs.flatMap(spec => spec.names)) {
			const listed = new RegExp(`^ {2}(-\\w, )? *${name}[ \\n]|^ {2}${name}, `, 'm').test(help);
			if (!listed && !hidden[sub]?.includes(name)) invented.push(`docker ${sub} ${name}`);
		}
	}
	assert.deepEqual(invented, []);
});

test('a real flag the simulation does not model is accepted with a note; a flag docker lacks is refused in its words', () => {
	const shell = dockerShell();
	const said = (line: string) => {
		const r = run(shell, line);
		return {code: r.exitCode, stderr: r.stderr ?? ''};
	};
	assert.deepEqual(said('docker volume ls --cluster'), {code: 0, stderr: '[simulator] --cluster is accepted, not simulated here\n'});
	assert.match(said('docker pull --platform linux/amd64 busybox').stderr, /^\[simulator\] --platform is accepted, not simulated here\n$/);
	assert.match(said('docker history --platform linux/amd64 busybox').stderr, /--platform is accepted, not simulated here/);
	assert.equal(said('docker run --rm -q busybox true').code, 0, 'run -q is docker run --quiet');
	assert.deepEqual(said('docker kill -t 1 nope'), {code: 125, stderr: "unknown shorthand flag: 't' in -t\n\nUsage:  docker kill [OPTIONS] CONTAINER [CONTAINER...]\n\nRun 'docker kill --help' for more information\n"});
	assert.match(said('docker create -d busybox').stderr, /^unknown shorthand flag: 'd' in -d\n/);
	assert.match(said('docker container prune -a').stderr, /^unknown shorthand flag: 'a' in -a\n/);
	assert.match(said('docker image prune --volumes').stderr, /^unknown flag: --volumes\n/);
});
