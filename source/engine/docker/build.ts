// `docker build` with the classic builder: each instruction runs on the image of the step before;
// ADD/COPY/RUN make a layer whose digest is the hash of its content, metadata instructions make
// empty layers, and a step whose parent and input were seen before is taken from the cache.
// RUN is not executed for real: common commands (mkdir, touch, echo > file, rm, apt-get/apk/npm
// installs, useradd) change the layer's files as they would; anything else leaves them alone.
// Longer than ~300 lines because the Dockerfile instructions and the build cache share one step loop.
import {recordEvent} from '../events.ts';
import {sha256Of, digestHex} from '../hash.ts';
import {lookupFile, normalizePath} from '../host/filesystem.ts';
import type {FileNode, Filesystem} from '../host/types.ts';
import {randomHex} from '../rng.ts';
import type {World} from '../world.ts';
import {execForm, goStringList, keyValues, parseDockerfile, substitute, type Instruction} from './dockerfile.ts';
import {parseImageRef, tagKey} from './image-ref.ts';
import {applyPull, planPull, pullTimeMs} from './registry.ts';
import {defaultPath, findExecutable, resolveImage} from './runtime.ts';
import {shortId} from './units.ts';
import type {HistoryEntry, Image, ImageConfig} from './types.ts';

/** The build context: files relative to the context directory. */
export type ContextReader = {
	readFile(path: string): string | undefined;
	isDirectory(path: string): boolean;
	listDirectory(path: string): string[];
};

export type BuildRequest = {
	dockerfile: string; // its text
	context: ContextReader;
	tags: string[]; // "kubia", "kubia:v1"
	buildArgs?: Record<string, string>;
	noCache?: boolean;
	pull?: boolean;
};

export type BuildResult = {ok: boolean; output: string; imageId?: string; timeMs: number; error?: string};

type Stage = {image: Image | undefined; config: ImageConfig; layers: string[]; history: HistoryEntry[]; stepIds: (string | null)[]; parentId: string; vars: Record<string, string>; cmdSetHere?: boolean};

const emptyConfig = (): ImageConfig => ({env: {}, workdir: '/', exposedPorts: [], labels: {}, arch: 'amd64', os: 'linux'});

/** Files under a context path (recursively), relative paths, honouring .dockerignore patterns. */
export function contextFiles(context: ContextReader, path = '', ignore: RegExp[] = []): string[] {
	const clean = path.replace(/^\.\/?/, '').replace(/\/+$/, '');
	if (!context.isDirectory(clean)) return context.readFile(clean) !== undefined && !ignored(clean, ignore) ? [clean] : [];
	const out: string[] = [];
	for (const name of context.listDirectory(clean)) {
		const child = clean ? `${clean}/${name}` : name;
		if (ignored(child, ignore)) continue;
		out.push(...contextFiles(context, child, ignore));
	}
	return out;
}

export function dockerignorePatterns(text: string | undefined): RegExp[] {
	if (!text) return [];
	return text.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#') && !l.startsWith('!')).map(pattern => {
		const body = pattern.replace(/^\.?\//, '').replace(/\/$/, '').split('**').map(part => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('.*');
		return new RegExp(`^${body}(/.*)?$`);
	});
}

function ignored(path: string, ignore: RegExp[]): boolean {
	return ignore.some(re => re.test(path));
}

/** The size `docker build` reports sending: the context as a tar stream (512-byte blocks). */
export function contextTarSize(context: ContextReader, files: string[]): number {
	let size = 1024;
	for (const file of files) size += 512 + Math.ceil((context.readFile(file)?.length ?? 0) / 512) * 512;
	return size;
}

function stageFilesystem(stage: Stage): Filesystem {
	return {id: 'build', kind: 'overlay', lower: [...stage.layers].reverse(), upper: new Map()};
}

/** Runs a build on a host's daemon. Call on a draft; advance the clock by timeMs afterwards. */
export function buildImage(w: World, hostName: string, request: BuildRequest): BuildResult {
	const daemon = w.dockers.get(hostName)!;
	const parsed = parseDockerfile(request.dockerfile);
	let output = '';
	let timeMs = 0;
	if (!parsed.ok) return {ok: false, output, timeMs, error: `Error response from daemon: ${parsed.error}`};
	for (const tag of request.tags) {
		const ref = parseImageRef(tag);
		if ('error' in ref) return {ok: false, output, timeMs, error: `invalid argument "${tag}" for "-t, --tag" flag: ${ref.error}`};
	}
	const instructions = parsed.instructions;
	const ignore = dockerignorePatterns(request.context.readFile('.dockerignore'));
	const globalArgs: Record<string, string> = {};
	let stage: Stage | undefined;
	const stages = new Map<string, Stage>();
	const fail = (error: string): BuildResult => ({ok: false, output, timeMs, error});
	for (let index = 0; index < instructions.length; index++) {
		const ins = instructions[index]!;
		output += `Step ${index + 1}/${instructions.length} : ${ins.original}\n`;
		timeMs += 120;
		if (ins.keyword === 'ARG' && !stage) {
			const [name, value] = argPair(ins.args);
			globalArgs[name] = request.buildArgs?.[name] ?? value;
			continue;
		}
		if (ins.keyword === 'FROM') {
			const from = fromStage(w, hostName, ins, globalArgs, request, stages);
			output += from.output;
			timeMs += from.timeMs;
			if (!from.stage) return fail(from.error!);
			stage = from.stage;
			output += ` ---> ${stage.image ? shortId(stage.image.id) : 'scratch'}\n`;
			continue;
		}
		if (!stage) return fail('no build stage in current context');
		const step = runStep(w, hostName, stage, ins, request, ignore);
		if (step.error) {
			output += step.output;
			return fail(step.error);
		}
		const contentKey = step.contentKey ?? '';
		const cacheKey = `${stage.parentId}\n${ins.keyword} ${substitute(ins.args, stage.vars)}\n${contentKey}`;
		const cachedId = request.noCache ? undefined : daemon.buildCache.get(cacheKey);
		const cached = cachedId ? daemon.images.get(cachedId) : undefined;
		if (cached) {
			output += ` ---> Using cache\n ---> ${shortId(cached.id)}\n`;
			stage = {...stage, image: cached, config: structuredCloneConfig(cached.config), layers: [...cached.layers], history: [...cached.history], stepIds: [...(cached.stepIds ?? [])], parentId: cached.id, vars: {...stage.vars, ...step.vars}};
			continue;
		}
		const containerId = randomHex(w, 12);
		if (step.runsContainer) output += ` ---> Running in ${containerId}\n`;
		output += step.output;
		timeMs += step.timeMs;
		if (step.layer) {
			const layerId = sha256Of(`layer:${digestHex(contentKey + '\n' + serializeFiles(step.layer.files))}`);
			if (!w.layers.has(layerId)) w.layers.set(layerId, {id: layerId, sizeBytes: step.layer.size, createdBy: step.createdBy, files: step.layer.files});
			daemon.layers.add(layerId);
			stage.layers = [...stage.layers, layerId];
			stage.history = [...stage.history, {createdBy: step.createdBy, layerId, created: w.time}];
		} else {
			stage.history = [...stage.history, {createdBy: step.createdBy, created: w.time}];
		}
		stage.config = step.config ?? stage.config;
		stage.vars = {...stage.vars, ...step.vars};
		const id = sha256Of(`image:${cacheKey}:${JSON.stringify(stage.layers)}`);
		stage.stepIds = [...stage.stepIds, id];
		const image: Image = {id, layers: stage.layers, config: stage.config, created: w.time, parent: stage.parentId || undefined, history: stage.history, stepIds: stage.stepIds, intermediate: true, dockerVersion: daemon.version};
		if (!daemon.images.has(id)) daemon.images.set(id, image);
		daemon.buildCache.set(cacheKey, id);
		if (step.runsContainer) output += ` ---> Removed intermediate container ${containerId}\n`;
		output += ` ---> ${shortId(id)}\n`;
		stage.image = daemon.images.get(id)!;
		stage.parentId = id;
		const stageName = [...stages].find(([, s]) => s === stage)?.[0];
		if (stageName) stages.set(stageName, stage);
	}
	if (!stage?.image) return fail('no build stage in current context');
	const final = stage.image;
	// A Dockerfile that is only FROM builds the base image itself: it was never intermediate (and may be the registry's shared object).
	if (final.intermediate) final.intermediate = false;
	output += `Successfully built ${shortId(final.id)}\n`;
	for (const tag of request.tags) {
		const ref = parseImageRef(tag);
		if ('error' in ref) continue;
		daemon.tags.set(tagKey(ref), final.id);
		output += `Successfully tagged ${tagKey(ref)}\n`;
	}
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Built', object: `image/${request.tags[0] ?? shortId(final.id)}`, message: `Built image ${shortId(final.id)} (${final.layers.length} layers)`, host: hostName});
	return {ok: true, output, imageId: final.id, timeMs};
}

function structuredCloneConfig(config: ImageConfig): ImageConfig {
	return {...config, env: {...config.env}, labels: {...config.labels}, exposedPorts: [...config.exposedPorts]};
}

function serializeFiles(files: Map<string, FileNode>): string {
	return [...files].map(([path, node]) => `${path}:${node.type}:${node.type === 'file' ? node.content : ''}`).join('\n');
}

function argPair(args: string): [string, string] {
	const eq = args.indexOf('=');
	return eq < 0 ? [args.trim(), ''] : [args.slice(0, eq).trim(), args.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')];
}

function fromStage(w: World, hostName: string, ins: Instruction, globalArgs: Record<string, string>, request: BuildRequest, stages: Map<string, Stage>): {stage?: Stage; output: string; timeMs: number; error?: string} {
	const words = substitute(ins.args, globalArgs).split(/\s+/);
	const ref = words[0]!;
	const alias = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
	let output = '';
	let timeMs = 0;
	const previous = stages.get(ref);
	let stage: Stage;
	if (previous) stage = {...previous, vars: {...previous.vars}};
	else if (ref === 'scratch') stage = {image: undefined, config: emptyConfig(), layers: [], history: [], stepIds: [], parentId: '', vars: {}};
	else {
		const daemon = w.dockers.get(hostName)!;
		let image = request.pull ? undefined : resolveImage(daemon, ref);
		if (!image) {
			const planned = planPull(w, hostName, ref);
			if (!planned.ok) return {output, timeMs, error: planned.error};
			const plan = planned.plan;
			if (!plan.upToDate) {
				output += `${plan.ref.tag}: Pulling from ${plan.ref.path}\n`;
				for (const layer of plan.layers) output += `${shortId(layer.id)}: ${layer.present ? 'Already exists' : 'Pull complete'}\n`;
				output += `Digest: ${plan.manifestDigest}\nStatus: Downloaded newer image for ${tagKey(plan.ref)}\n`;
			}
			applyPull(w, hostName, plan);
			timeMs += pullTimeMs(plan);
			image = daemon.images.get(plan.image.id)!;
		}
		const stepIds = image.stepIds ? [...image.stepIds] : image.history.map((_, i) => (i === image!.history.length - 1 ? image!.id : null));
		stage = {image, config: structuredCloneConfig(image.config), layers: [...image.layers], history: [...image.history], stepIds, parentId: image.id, vars: {...image.config.env}};
		stage.config.appProfile = undefined;
		if (image.config.labels['tutor.app'] === undefined) stage.config.app = undefined;
	}
	if (alias) stages.set(alias, stage);
	return {stage, output, timeMs};
}

type StepResult = {
	output: string;
	timeMs: number;
	createdBy: string;
	config?: ImageConfig;
	vars?: Record<string, string>;
	layer?: {files: Map<string, FileNode>; size: number};
	contentKey?: string;
	runsContainer: boolean;
	error?: string;
};

const notSimulated = new Set(['VOLUME', 'ONBUILD', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL']);

function runStep(w: World, hostName: string, stage: Stage, ins: Instruction, request: BuildRequest, ignore: RegExp[]): StepResult {
	const vars = {...request.buildArgs, ...stage.vars};
	const args = ['RUN', 'CMD', 'ENTRYPOINT'].includes(ins.keyword) ? ins.args : substitute(ins.args, vars);
	const config = structuredCloneConfig(stage.config);
	const meta = (text: string): StepResult => ({output: '', timeMs: 50, createdBy: `/bin/sh -c #(nop)  ${text}`, config, runsContainer: true});
	switch (ins.keyword) {
		case 'ENV': {
			const pairs = keyValues(args);
			for (const [k, v] of pairs) config.env[k] = v;
			return {...meta(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`), vars: Object.fromEntries(pairs)};
		}
		case 'ARG': {
			const [name, value] = argPair(args);
			const given = request.buildArgs?.[name] ?? value;
			return {...meta(`ARG ${name}${value ? `=${value}` : ''}`), vars: given ? {[name]: given} : {}};
		}
		case 'LABEL':
		case 'MAINTAINER': {
			const pairs = ins.keyword === 'MAINTAINER' ? [['maintainer', args] as [string, string]] : keyValues(args);
			for (const [k, v] of pairs) config.labels[k] = v;
			return meta(ins.keyword === 'MAINTAINER' ? `MAINTAINER ${args}` : `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
		}
		case 'EXPOSE': {
			const ports = args.split(/\s+/).map(p => (p.includes('/') ? p : `${p}/tcp`));
			const bad = ports.find(p => !/^\d+(-\d+)?\/(tcp|udp|sctp)$/.test(p));
			if (bad) return {output: '', timeMs: 0, createdBy: '', runsContainer: false, error: `invalid containerPort: ${bad.split('/')[0]}`};
			config.exposedPorts = [...new Set([...config.exposedPorts, ...ports])];
			return meta(`EXPOSE ${args.split(/\s+/).join(' ')}`);
		}
		case 'USER':
			config.user = args;
			return meta(`USER ${args}`);
		case 'WORKDIR': {
			const dir = normalizePath(args, config.workdir);
			config.workdir = dir;
			const exists = lookupFile(w, stageFilesystem(stage), dir);
			if (exists) return meta(`WORKDIR ${dir}`);
			const files = new Map<string, FileNode>();
			addDirs(files, dir, true);
			return {...meta(`WORKDIR ${dir}`), layer: {files, size: 0}, contentKey: `workdir:${dir}`};
		}
		case 'CMD':
		case 'ENTRYPOINT': {
			const form = execForm(args) ?? (args === '' ? [] : [...(config.shell ?? ['/bin/sh', '-c']), args]);
			if (ins.keyword === 'CMD') {
				config.cmd = form;
				stage.cmdSetHere = true;
			} else {
				config.entrypoint = form;
				// Setting ENTRYPOINT drops a CMD inherited from the base image, as docker does.
				if (!stage.cmdSetHere) config.cmd = undefined;
			}
			return meta(`${ins.keyword} ${goStringList(form)}`);
		}
		case 'ADD':
		case 'COPY':
			return copyStep(w, stage, ins.keyword, args, request.context, ignore, config);
		case 'RUN':
			return runInstruction(w, stage, args, config, vars);
		default:
			if (notSimulated.has(ins.keyword)) return {...meta(`${ins.keyword} ${args}`), output: `[simulator] ${ins.keyword} is accepted, not simulated here\n`};
			return meta(`${ins.keyword} ${args}`);
	}
}

function addDirs(files: Map<string, FileNode>, path: string, includeSelf: boolean): void {
	const parts = path.split('/').filter(Boolean);
	for (let i = 1; i <= parts.length - (includeSelf ? 0 : 1); i++) {
		const dir = '/' + parts.slice(0, i).join('/');
		if (!files.has(dir)) files.set(dir, {type: 'dir'});
	}
}

function copyStep(w: World, stage: Stage, keyword: 'ADD' | 'COPY', args: string, context: ContextReader, ignore: RegExp[], config: ImageConfig): StepResult {
	const words = (execForm(args) ?? args.split(/\s+/)).filter(word => !word.startsWith('--'));
	const flags = (execForm(args) ? [] : args.split(/\s+/)).filter(word => word.startsWith('--'));
	const failure = (error: string): StepResult => ({output: '', timeMs: 0, createdBy: '', runsContainer: false, error: `${keyword} failed: ${error}`});
	if (words.length < 2) return {output: '', timeMs: 0, createdBy: '', runsContainer: false, error: `Error response from daemon: dockerfile parse error: ${keyword} requires at least two arguments, but only one was provided. Destination could not be determined.`};
	if (flags.some(f => f.startsWith('--from='))) return {output: '', timeMs: 0, createdBy: '', runsContainer: false, error: `${keyword} --from is accepted but multi-stage copies are not simulated here`};
	const sources = words.slice(0, -1);
	const destRaw = words[words.length - 1]!;
	const dest = normalizePath(destRaw, config.workdir);
	const destIsDir = destRaw.endsWith('/') || sources.length > 1 || lookupFile(w, stageFilesystem(stage), dest)?.node.type === 'dir';
	const files = new Map<string, FileNode>();
	let size = 0;
	let note = '';
	const inputs: string[] = [];
	for (const source of sources) {
		if (/^https?:\/\//.test(source)) {
			if (keyword === 'COPY') return failure(`source can't be a URL for COPY`);
			const name = source.split('/').pop() || 'index.html';
			const target = destIsDir ? `${dest === '/' ? '' : dest}/${name}` : dest;
			addDirs(files, target, false);
			files.set(target, {type: 'file', content: `(downloaded from ${source}; downloads are not simulated here)\n`});
			note += `(ADD of a URL is accepted; the download is not simulated here)\n`;
			inputs.push(source);
			continue;
		}
		const clean = normalizePath(source, '/').slice(1);
		if (source.startsWith('..') || source.startsWith('/..')) return failure(`forbidden path outside the build context: ${source} ()`);
		const matches = source.includes('*') || source.includes('?') ? globContext(context, clean, ignore) : contextFiles(context, clean, ignore);
		if (matches.length === 0 && !(context.isDirectory(clean) && !ignored(clean, ignore))) {
			return failure(`file not found in build context or excluded by .dockerignore: stat ${source}: file does not exist`);
		}
		const sourceIsDir = context.isDirectory(clean);
		for (const file of matches) {
			const content = context.readFile(file) ?? '';
			const relative = sourceIsDir ? file.slice(clean ? clean.length + 1 : 0) : file.split('/').pop()!;
			const target = destIsDir || sourceIsDir ? `${dest === '/' ? '' : dest}/${relative}` : dest;
			addDirs(files, target, false);
			files.set(target, {type: 'file', content});
			size += content.length;
			inputs.push(`${file}:${digestHex(content)}`);
		}
		if (sourceIsDir) addDirs(files, dest, true);
	}
	const kind = sources.length === 1 && !context.isDirectory(normalizePath(sources[0]!, '/').slice(1)) && !sources[0]!.includes('*') ? 'file' : sources.length > 1 ? 'multi' : 'dir';
	const contentHash = digestHex(inputs.join('\n'));
	return {
		output: note,
		timeMs: 200,
		createdBy: `/bin/sh -c #(nop) ${keyword} ${kind}:${contentHash} in ${destRaw.startsWith('/') ? destRaw : dest} `,
		config,
		layer: {files, size},
		contentKey: `${keyword}:${dest}:${contentHash}`,
		runsContainer: false,
	};
}

function globContext(context: ContextReader, pattern: string, ignore: RegExp[]): string[] {
	const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
	return contextFiles(context, '', ignore).filter(file => re.test(file));
}

/** Known RUN commands and what they leave behind. */
function runInstruction(w: World, stage: Stage, args: string, config: ImageConfig, vars: Record<string, string>): StepResult {
	const exec = execForm(args);
	const script = exec ? exec.join(' ') : args;
	const createdBy = exec ? `${exec.join(' ')}` : `/bin/sh -c ${args}`;
	const fs = stageFilesystem(stage);
	const files = new Map<string, FileNode>();
	let output = '';
	let size = 0;
	let timeMs = 300;
	let cwd = config.workdir;
	const read = (path: string): string | undefined => {
		const own = files.get(path);
		if (own) return own.type === 'file' ? own.content : undefined;
		const found = lookupFile(w, fs, path);
		return found?.node.type === 'file' ? found.node.content : undefined;
	};
	const write = (path: string, content: string) => {
		addDirs(files, path, false);
		files.set(path, {type: 'file', content});
		size += content.length;
	};
	const failWith = (code: number, message: string): StepResult => ({output: output + message, timeMs, createdBy, runsContainer: true, error: `The command '${exec ? goStringList(exec) : `/bin/sh -c ${args}`}' returned a non-zero code: ${code}`});
	// A segment's status ends the step when `&&` follows it or it is the last one (after `;` sh goes on).
	const parts = script.split(/\s*(&&|;)\s*/);
	const segments = parts.flatMap((part, i) => (i % 2 === 0 && part.trim() ? [{segment: part.trim(), decides: parts[i + 1] !== ';'}] : []));
	for (const {segment, decides} of segments) {
		const redirect = segment.match(/^(.*?)\s*(>>?)\s*(\S+)$/);
		const commandText = redirect ? redirect[1]! : segment;
		const words = (commandText.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map(word => substitute(word.replace(/^(["'])(.*)\1$/, '$2'), {...config.env, ...vars}));
		const program = words[0] ?? '';
		if (program === 'false' && !segment.includes('||')) {
			if (decides) return failWith(1, '');
			continue;
		}
		if (['set', 'export', 'true', 'false', ':', 'cd', 'exit'].includes(program)) {
			if (program === 'cd' && words[1]) cwd = normalizePath(words[1], cwd);
			if (program === 'exit' && words[1] && words[1] !== '0') return failWith(Number(words[1]) || 1, '');
			continue;
		}
		if (!findExecutable(w, fs, program, config.env['PATH'] ?? defaultPath) && !files.has(program)) {
			return failWith(127, `/bin/sh: 1: ${program}: not found\n`);
		}
		const target = (word: string) => normalizePath(word, cwd);
		const text = words.slice(1).join(' ');
		if (program === 'echo' || program === 'printf') {
			const body = (program === 'echo' ? text.replace(/^-n\s+/, '') : text.replace(/\\n/g, '\n')) + (program === 'echo' && !text.startsWith('-n') ? '\n' : '');
			if (redirect) write(target(redirect[3]!), (redirect[2] === '>>' ? (read(target(redirect[3]!)) ?? '') : '') + body);
			else output += body;
		} else if (program === 'mkdir') {
			for (const dir of words.slice(1).filter(word => !word.startsWith('-'))) addDirs(files, target(dir), true);
		} else if (program === 'touch') {
			for (const file of words.slice(1).filter(word => !word.startsWith('-'))) write(target(file), read(target(file)) ?? '');
		} else if (program === 'rm') {
			for (const path of words.slice(1).filter(word => !word.startsWith('-'))) files.set(target(path), {type: 'whiteout'});
		} else if (program === 'cp' && words.length >= 3) {
			const content = read(target(words[words.length - 2]!));
			if (content !== undefined) write(target(words[words.length - 1]!), content);
		} else if (program === 'apt-get' || program === 'apt') {
			if (words.includes('update')) {
				const release = read('/etc/os-release') ?? '';
				const codename = release.match(/VERSION_CODENAME=(\w+)/)?.[1] ?? release.match(/\((\w+)\)/)?.[1] ?? 'bookworm';
				output += /ID=ubuntu/.test(release)
					? `Get:1 http://archive.ubuntu.com/ubuntu ${codename} InRelease [256 kB]\nGet:2 http://security.ubuntu.com/ubuntu ${codename}-security InRelease [126 kB]\nGet:3 http://archive.ubuntu.com/ubuntu ${codename}/main amd64 Packages [1808 kB]\nFetched 2190 kB in 1s (1873 kB/s)\nReading package lists...\n`
					: `Get:1 http://deb.debian.org/debian ${codename} InRelease [151 kB]\nGet:2 http://deb.debian.org/debian ${codename}/main amd64 Packages [8792 kB]\nFetched 8943 kB in 2s (4471 kB/s)\nReading package lists...\n`;
				timeMs += 2000;
			}
			const packages = words.slice(words.indexOf('install') + 1).filter(word => !word.startsWith('-') && words.includes('install'));
			for (const pkg of packages) {
				write(`/usr/share/doc/${pkg}/copyright`, `${pkg}: installed by apt-get\n`);
				if (/^[a-z0-9+.-]+$/.test(pkg)) files.set(`/usr/bin/${pkg}`, {type: 'file', content: `\u007fELF (simulated x86-64 executable: ${pkg})\n`, mode: 0o755});
				size += 3_000_000 + (parseInt(digestHex(pkg, 6), 16) % 20_000_000);
			}
			if (packages.length) {
				output += `Reading package lists...\nBuilding dependency tree...\nThe following NEW packages will be installed:\n  ${packages.join(' ')}\n0 upgraded, ${packages.length} newly installed, 0 to remove and 0 not upgraded.\n`;
				timeMs += 1500 * packages.length;
			}
		} else if (program === 'apk') {
			const packages = words.slice(words.indexOf('add') + 1).filter(word => !word.startsWith('-'));
			for (const pkg of packages) {
				files.set(`/usr/bin/${pkg}`, {type: 'file', content: `\u007fELF (simulated x86-64 executable: ${pkg})\n`, mode: 0o755});
				size += 500_000 + (parseInt(digestHex(pkg, 6), 16) % 5_000_000);
				output += `(1/1) Installing ${pkg}\n`;
			}
			output += `OK: ${Math.round(size / 1_000_000) + 8} MiB in ${15 + packages.length} packages\n`;
			timeMs += 800;
		} else if (program === 'npm' || program === 'yarn') {
			const pkgJson = read(target('package.json'));
			const deps = pkgJson ? Object.keys((safeJson(pkgJson) as {dependencies?: Record<string, string>}).dependencies ?? {}) : words.slice(2).filter(word => !word.startsWith('-'));
			for (const dep of deps) write(target(`node_modules/${dep}/package.json`), `{"name": "${dep}"}\n`);
			write(target('node_modules/.package-lock.json'), '{}\n');
			size += 400_000 * Math.max(1, deps.length) * 6;
			output += `\nadded ${deps.length * 6 + 1} packages, and audited ${deps.length * 6 + 2} packages in 3s\n\nfound 0 vulnerabilities\n`;
			timeMs += 3000;
		} else if (program === 'useradd' || program === 'adduser' || program === 'groupadd' || program === 'addgroup') {
			const name = words[words.length - 1]!;
			if (program === 'useradd' || program === 'adduser') {
				write('/etc/passwd', (read('/etc/passwd') ?? '') + `${name}:x:1001:1001::/home/${name}:/bin/sh\n`);
				addDirs(files, `/home/${name}`, true);
			} else write('/etc/group', (read('/etc/group') ?? '') + `${name}:x:1001:\n`);
		} else if (program === 'ln' && words.length >= 3) {
			write(target(words[words.length - 1]!), read(target(words[words.length - 2]!)) ?? '');
		} else if (redirect) {
			write(target(redirect[3]!), '');
		}
	}
	const contentKey = `run:${digestHex(script)}`;
	return {output, timeMs, createdBy, config, layer: {files, size}, contentKey, runsContainer: true};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}
