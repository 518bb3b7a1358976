// docker build: the classic builder, reading the Dockerfile and context from the learner's disk
// (ctx.disk, relative to where the tutor started) or, when the directory exists inside the
// simulated host (files written there with cat > / echo >), from the simulated filesystem.
import {flagErrorText} from './usage-lines.ts';
import {produce} from 'immer';
import {buildImage, contextTarSize, type BuildResult, type ContextReader} from '../../../engine/docker/build.ts';
import {snapshotContext} from './build-context.ts';
import {readDisk} from '../../read-disk.ts';
import {humanSize} from '../../../engine/docker/units.ts';
import {normalizePath} from '../../../engine/host/filesystem.ts';
import {tick} from '../../../engine/tick.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';
import {startFolderPath} from '../../learner-files.ts';
import {listPath, pathKind, readPath, resolvePath} from '../../paths.ts';
import type {DockerCall} from './context.ts';
import {fail, notSimulatedNote} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, parseFlags} from './flags.ts';
import {pushChunks, stderrChunk} from '../../output-chunks.ts';

export const legacyBuilderWarning = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/

`;

/** base/path for the disk reader: relative stays relative (to where the tutor started), absolute stays absolute. */
function join(base: string, path: string): string {
	const absolute = base.startsWith('/');
	const joined = normalizePath(path, absolute ? base : '/' + base);
	return absolute ? joined : joined.slice(1);
}

/** A context directory on the learner's disk. */
function diskContext(ctx: CommandContext, dir: string): ContextReader {
	const disk = ctx.disk.scope?.(dir) ?? ctx.disk;
	const at = (path: string) => (path ? join(dir, path) : dir.replace(/^\.?\/?$/, ''));
	return {
		readFile: path => disk.readFile(at(path)),
		isDirectory: path => (at(path) === '' ? true : disk.isDirectory(at(path))),
		listDirectory: path => disk.listDirectory(at(path)),
	};
}

/** A context directory inside the simulated host, as the shell frame sees it. */
function hostContext(ctx: CommandContext, dir: string): ContextReader {
	const at = (path: string) => (path ? `${dir}/${path}` : dir);
	return {
		readFile(path) {
			const r = readPath(ctx.world, ctx.frame, at(path));
			return 'content' in r ? r.content : undefined;
		},
		isDirectory: path => pathKind(ctx.world, ctx.frame, at(path)) === 'dir',
		listDirectory: path => listPath(ctx.world, ctx.frame, at(path)) ?? [],
	};
}

export function dockerBuild(args: string[], call: DockerCall): CommandOutcome {
	const {ctx} = call;
	const parsed = parseFlags(args, dockerFlags('build'));
	if (!parsed.ok) return fail(flagErrorText(parsed.error, 'build'), 125);
	const {flags} = parsed;
	const [dir, ...extra] = flags.positionals;
	if (!dir || extra.length) return fail(`docker: 'docker build' requires 1 argument\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information`, 1);
	if (/^(https?|git):\/\//.test(dir)) return fail(`(building from a URL is accepted, not simulated here: clone it and build the directory)`, 1);
	const dockerfileFlag = flagValue(flags, '-f');
	let context: ContextReader;
	let dockerfile: string | undefined;
	let where: string;
	if (dir === '-') {
		context = {readFile: () => undefined, isDirectory: () => false, listDirectory: () => []};
		dockerfile = ctx.stdin;
		where = '-';
	} else {
		const simDir = resolvePath(ctx.frame, dir);
		const simDockerfile = dockerfileFlag ? resolvePath(ctx.frame, dockerfileFlag) : `${simDir === '/' ? '' : simDir}/Dockerfile`;
		const inSim = pathKind(ctx.world, ctx.frame, simDir) === 'dir' && pathKind(ctx.world, ctx.frame, simDockerfile) === 'file';
		if (inSim) {
			context = hostContext(ctx, simDir === '/' ? '' : simDir);
			const r = readPath(ctx.world, ctx.frame, simDockerfile);
			dockerfile = 'content' in r ? r.content : undefined;
			where = simDockerfile;
		} else {
			// Not in the simulated host: the folder the tutor started in, from the learner's own shell at home (learner-files.ts).
			const diskDir = startFolderPath(ctx.frame, dir, {absolute: true});
			const inStartFolder = diskDir !== undefined && (diskDir === '' || ctx.disk.isDirectory(diskDir));
			if (!inStartFolder && pathKind(ctx.world, ctx.frame, simDir) !== 'dir') {
				const outside = diskDir ? readDisk(ctx.disk, diskDir) : undefined;
				if (outside && !outside.ok && outside.problem === 'outside') return fail(`unable to prepare context: [simulator] ${dir}: ${outside.message}`, 1);
				return fail(`unable to prepare context: path "${dir}" not found`, 1);
			}
			context = inStartFolder ? diskContext(ctx, diskDir) : hostContext(ctx, simDir === '/' ? '' : simDir);
			const dfPath = !inStartFolder ? undefined : dockerfileFlag ? startFolderPath(ctx.frame, dockerfileFlag, {absolute: true}) : diskDir ? `${diskDir}/Dockerfile` : 'Dockerfile';
			const read = dfPath === undefined ? undefined : readDisk(ctx.disk, dfPath);
			if (read && !read.ok && read.problem !== 'missing') return fail(`unable to prepare context: [simulator] cannot read the Dockerfile ${dockerfileFlag ?? dfPath}: ${read.message}`, 1);
			dockerfile = read?.ok ? read.content : undefined;
			// The daemon names the Dockerfile by its path in the simulated host, never by the real folder's.
			where = simDockerfile;
		}
	}
	if (dockerfile === undefined) return fail(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${where}: no such file or directory`, 1);
	const snapshot = snapshotContext(context);
	if (!snapshot.ok) return fail(snapshot.error, 1);
	context = snapshot.context;
	const files = snapshot.files;
	const sending = dir === '-' ? '' : `Sending build context to Docker daemon  ${humanSize(contextTarSize(context, files), 4)}\n`;
	const buildArgs: Record<string, string> = {};
	for (const pair of flagValues(flags, '--build-arg')) {
		const eq = pair.indexOf('=');
		if (eq < 0) {
			const value = ctx.session.env[pair];
			if (value !== undefined) buildArgs[pair] = value;
		} else buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
	}
	let result: BuildResult | undefined;
	let world = produce(call.world, w => {
		result = buildImage(w, call.host, {dockerfile, context, tags: flagValues(flags, '-t'), buildArgs, noCache: flagSet(flags, '--no-cache'), pull: flagSet(flags, '--pull')});
	});
	const built = result!;
	world = tick(world, Math.max(1, Math.round(built.timeMs)), ctx.runtime.programs);
	const stderr = legacyBuilderWarning + notSimulatedNote(flags.notSimulated);
	if (!built.ok) {
		// A failed build keeps what it cached so far, as docker does.
		// The terminal shows the notice first, then the steps, then the error.
		const stdout = flagSet(flags, '-q') ? '' : sending + built.output;
		const chunks = pushChunks(stderrChunk(stderr), [{stream: 'stdout', text: stdout}, ...stderrChunk(built.error + '\n')]);
		return {stdout, stderr: stderr + built.error + '\n', chunks, exitCode: 1, world};
	}
	// The deprecation notice is printed before the build starts.
	if (flagSet(flags, '-q')) return {stdout: built.imageId + '\n', stderr, exitCode: 0, world, stderrFirst: true};
	return {stdout: sending + built.output, stderr, exitCode: 0, world, stderrFirst: true};
}
