// File tools on the simulated host, as the frame's mount namespace sees it: ls, cat, mkdir,
// rmdir, rm, touch, readlink, tee. /proc and /sys/fs/cgroup are served by their virtual trees.
// Longer than ~300 lines because the eight tools share the path, mount and virtual-tree handling.
import {startFolderPath} from '../../learner-files.ts';
import {readDisk} from '../../read-disk.ts';
import {worldEpoch, type World} from '../../../engine/world.ts';
import {listPath, makeDirectoryPath, pathKind, readPath, removePathAt, resolvePath, writePath} from '../../paths.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {cgroupMount} from './cgroup-tree.ts';
import {usesBusybox} from './busybox.ts';
import {callerOf, external, fail, lostShell, ok, optionsOf} from './context.ts';
import type {ParsedOptions} from '../../options.ts';
import {procLink} from './proc-tree.ts';

function dateText(ms: number): string {
	const d = new Date(worldEpoch + ms);
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Lays names out in columns down then across, as ls does on an 80-column terminal. */
export function columns(names: string[], width = 80): string {
	if (names.length === 0) return '';
	if (names.join('  ').length <= width) return names.join('  ') + '\n';
	for (let rows = 2; rows <= names.length; rows++) {
		const cols = Math.ceil(names.length / rows);
		const colWidths = Array.from({length: cols}, (_, c) => Math.max(...names.slice(c * rows, c * rows + rows).map(n => n.length)));
		const total = colWidths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
		if (total <= width) {
			const lines: string[] = [];
			for (let r = 0; r < rows; r++) {
				const cells: string[] = [];
				for (let c = 0; c < cols; c++) {
					const name = names[c * rows + r];
					if (name !== undefined) cells.push(c === cols - 1 || names[(c + 1) * rows + r] === undefined ? name : name.padEnd(colWidths[c]! + 2));
				}
				lines.push(cells.join('').trimEnd());
			}
			return lines.join('\n') + '\n';
		}
	}
	return names.join('\n') + '\n';
}

function ownerOf(path: string): string {
	const m = path.match(/^\/home\/([^/]+)/);
	return m ? m[1]! : 'root';
}

type LongEntry = {mode: string; links: string; owner: string; size: string; time: string; name: string};

function longEntry(ctx: CommandContext, path: string, name: string): LongEntry {
	const kind = pathKind(ctx.world, ctx.frame, path);
	const caller = callerOf(ctx.world, ctx.frame);
	const time = dateText(caller?.host.bootTime ?? 0);
	const link = path.startsWith('/proc/') ? procLink(ctx.world, ctx.frame, path) : undefined;
	const owner = ownerOf(path);
	const virtual = path.startsWith('/proc') || path.startsWith(cgroupMount);
	if (link !== undefined) return {mode: 'lrwxrwxrwx', links: '1', owner: 'root', size: '0', time, name: `${name} -> ${/[:[\]]/.test(link) ? `'${link}'` : link}`};
	if (kind === 'dir') return {mode: path.startsWith('/proc') ? 'dr-xr-xr-x' : 'drwxr-xr-x', links: '2', owner, size: virtual ? '0' : '4096', time, name};
	if (virtual) {
		const writable = path.startsWith(cgroupMount) && /(\.max|\.procs|\.kill|subtree_control|\.high|\.low|\.min|\.weight|\.threads|\.freeze|\.group|\.burst|\.idle|\.reclaim)$/.test(path);
		return {mode: writable ? '-rw-r--r--' : '-r--r--r--', links: '1', owner: 'root', size: '0', time, name};
	}
	const read = readPath(ctx.world, ctx.frame, path);
	const size = 'content' in read ? new TextEncoder().encode(read.content).length : 0;
	return {mode: '-rw-r--r--', links: '1', owner, size: String(size), time, name};
}

/** ls -l lines, each column as wide as its widest cell. */
function longLines(entries: LongEntry[]): string[] {
	const w = (key: keyof LongEntry) => Math.max(...entries.map(e => e[key].length));
	return entries.map(e => `${e.mode} ${e.links.padStart(w('links'))} ${e.owner.padEnd(w('owner'))} ${e.owner.padEnd(w('owner'))} ${e.size.padStart(w('size'))} ${e.time} ${e.name}`);
}

/** Whether this command's output goes to a pipe or a file (ls then prints one name per line). */
function outputNotTerminal(ctx: CommandContext, name: string): boolean {
	return new RegExp(`(^|[;&|]\\s*)${name}\\b[^;&|]*(\\|(?!\\|)|>)`).test(ctx.commandLine);
}

/** The most folders one `ls -R` lists (a recursive listing of /proc or / is very long). */
const lsRecursionBound = 2000;

export const ls: CommandSpec = external({
	name: 'ls',
	summary: 'list directory contents (-l, -a)',
	run(rawArgs, ctx) {
		// external() has answered --help and a bad option from ls's spec (option-specs.ts).
		const given = optionsOf('ls', rawArgs, ctx);
		const targets = given.operands;
		const long = given.has('l') || given.has('numeric-uid-gid');
		const all = given.has('all');
		const almost = given.has('almost-all');
		const onePerLine = given.has('1') || outputNotTerminal(ctx, 'ls');
		let stdout = '';
		let stderr = '';
		let exitCode = 0;
		const list = targets.length ? targets : ['.'];
		const files: string[] = [];
		const dirs: string[] = [];
		for (const t of list) {
			const path = resolvePath(ctx.frame, t);
			const kind = pathKind(ctx.world, ctx.frame, path) ?? (procLink(ctx.world, ctx.frame, path) !== undefined ? 'file' : undefined);
			if (!kind) {
				// busybox's ls (coreutils/ls.c): bb_simple_perror_msg(fullname), G.exit_code = EXIT_FAILURE.
				const busybox = usesBusybox(ctx.world, ctx.frame);
				stderr += busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`;
				exitCode = busybox ? 1 : 2;
			} else if (kind === 'dir' && !given.has('directory')) dirs.push(t);
			else files.push(t);
		}
		if (files.length) stdout += long ? longLines(files.map(f => longEntry(ctx, resolvePath(ctx.frame, f), f))).join('\n') + '\n' : onePerLine ? files.join('\n') + '\n' : columns(files);
		// -R: each folder's subfolders after it, depth first, as `a/b:` blocks (never into . and ..).
		const recursive = given.has('recursive');
		const queue = [...dirs];
		let listed = 0;
		while (queue.length) {
			const d = queue.shift()!;
			if (++listed > lsRecursionBound) {
				stderr += `[simulator] ls -R stopped after ${lsRecursionBound} directories (the simulator bounds it so the tutor keeps responding)\n`;
				break;
			}
			const path = resolvePath(ctx.frame, d);
			let names = listPath(ctx.world, ctx.frame, path) ?? [];
			if (!all && !almost) names = names.filter(n => !n.startsWith('.'));
			if (all) names = ['.', '..', ...names];
			if (list.length > 1 || recursive) stdout += `${stdout ? '\n' : ''}${d}:\n`;
			const childPath = (n: string) => (n === '.' ? path : n === '..' ? resolvePath(ctx.frame, `${path}/..`) : `${path === '/' ? '' : path}/${n}`);
			if (long) {
				const lines = names.length ? longLines(names.map(n => longEntry(ctx, childPath(n), n))) : [];
				const blocks = path.startsWith('/proc') || path.startsWith(cgroupMount) ? 0 : names.length * 4;
				stdout += `total ${blocks}\n` + (lines.length ? lines.join('\n') + '\n' : '');
			} else stdout += onePerLine ? names.map(n => n + '\n').join('') : columns(names);
			if (recursive) {
				const subfolders = names.filter(n => n !== '.' && n !== '..' && pathKind(ctx.world, ctx.frame, childPath(n)) === 'dir' && procLink(ctx.world, ctx.frame, childPath(n)) === undefined);
				queue.unshift(...subfolders.map(n => `${d.endsWith('/') ? d : `${d}/`}${n}`));
			}
		}
		return {stdout, stderr, exitCode};
	},
});

export const cat: CommandSpec = external({
	name: 'cat',
	summary: 'print files (or stdin)',
	run(args, ctx) {
		const given = optionsOf('cat', args, ctx);
		const files = given.operands;
		if (files.length === 0) return ok(catFormat(ctx.stdin, given));
		let stdout = '';
		let stderr = '';
		let exitCode = 0;
		for (const f of files) {
			if (f === '-') {
				stdout += ctx.stdin;
				continue;
			}
			const path = resolvePath(ctx.frame, f);
			const link = path.startsWith('/proc/') ? procLink(ctx.world, ctx.frame, path) : undefined;
			if (link !== undefined && /\/ns\/[a-z_]+$/.test(path)) {
				stderr += `cat: ${f}: Invalid argument\n`;
				exitCode = 1;
				continue;
			}
			const read = readPath(ctx.world, ctx.frame, f);
			// The files in the folder the tutor started in (a lesson's Dockerfile, manifests) are what
			// `kubectl apply -f` and `docker build` read; on the learner's own shell, cat shows them too.
			const startFolder = 'error' in read ? startFolderPath(ctx.frame, f) : undefined;
			const onDisk = startFolder ? readDisk(ctx.disk, startFolder) : undefined;
			if (onDisk?.ok) stdout += onDisk.content;
			else if (onDisk && onDisk.problem !== 'missing') {
				// A real file that exists but is not read (too big, a FIFO or device, unreadable) says why, never "No such file".
				stderr += `cat: ${f}: ${onDisk.problem === 'directory' ? 'Is a directory' : onDisk.problem === 'unreadable' ? onDisk.message[0]!.toUpperCase() + onDisk.message.slice(1) : `[simulator] ${onDisk.message}`}\n`;
				exitCode = 1;
			} else if ('error' in read) {
				stderr += `cat: ${f}: ${read.error}\n`;
				exitCode = 1;
			} else if (path.startsWith(cgroupMount) && path.endsWith('/cgroup.kill')) {
				stderr += `cat: ${f}: Invalid argument\n`;
				exitCode = 1;
			} else stdout += read.content;
		}
		return {stdout: catFormat(stdout, given), stderr, exitCode};
	},
});

/** cat -n, -b, -s, -E, -T (and -A, -e, -t, which add -v: nothing to show in these files) as GNU cat prints them. */
function catFormat(text: string, given: ParsedOptions): string {
	const has = (...keys: string[]) => keys.some(key => given.has(key));
	const [nonblank, number, squeeze] = [has('number-nonblank'), has('number'), has('squeeze-blank')];
	const [ends, tabs] = [has('show-ends', 'show-all', 'e'), has('show-tabs', 'show-all', 't')];
	if (!(nonblank || number || squeeze || ends || tabs) || text === '') return text;
	const closed = text.endsWith('\n');
	const lines = (closed ? text.slice(0, -1) : text).split('\n');
	const out: string[] = [];
	let count = 0;
	let previousBlank = false;
	lines.forEach((line, i) => {
		const blank = line === '';
		if (squeeze && blank && previousBlank) return;
		previousBlank = blank;
		const numbered = nonblank ? !blank : number;
		const body = (tabs ? line.replaceAll('\t', '^I') : line) + (ends && (i < lines.length - 1 || closed) ? '$' : '');
		out.push((numbered ? `${String(++count).padStart(6)}\t` : '') + body);
	});
	return out.join('\n') + (closed ? '\n' : '');
}

export const readlink: CommandSpec = external({
	name: 'readlink',
	summary: 'print where a symbolic link points (/proc/$$/ns/uts)',
	run(args, ctx) {
		const given = optionsOf('readlink', args);
		const files = given.operands;
		const canonical = given.has('canonicalize') || given.has('canonicalize-existing') || given.has('canonicalize-missing');
		if (files.length === 0) return fail("readlink: missing operand\nTry 'readlink --help' for more information.");
		// coreutils: -n drops the newline of a single name only.
		const noNewline = given.has('no-newline') && files.length === 1;
		let stdout = '';
		let exitCode = 0;
		for (const f of files) {
			const path = resolvePath(ctx.frame, f);
			const link = path.startsWith('/proc') ? procLink(ctx.world, ctx.frame, path) : undefined;
			if (link === undefined) exitCode = 1;
			else stdout += (canonical && !link.startsWith('/') && !link.includes(':[') ? `/proc/${link}` : link) + (noNewline ? '' : '\n');
		}
		return {stdout, exitCode, ...(given.has('no-newline') && files.length > 1 ? {stderr: 'readlink: ignoring --no-newline with multiple arguments\n'} : {})};
	},
});

function pathError(tool: string, verb: string, target: string, error: string, quote: (s: string) => string = s => `'${s}'`): string {
	return `${tool}: ${verb} ${quote(target)}: ${error}\n`;
}

const curly = (s: string) => `‘${s}’`;

/** What one target of a file command did: a changed world, error lines, or nothing (skipped). */
type TargetStep = {world?: World; error?: string};

/**
 * Runs `step` on each target in turn, each seeing the world the ones before it left, and
 * collects their error lines: `mkdir a b`, `rm x y`... go on past a failed target, as the tools do.
 */
function eachTarget(world: World, targets: string[], step: (world: World, target: string) => TargetStep): {world: World; stderr: string} {
	let stderr = '';
	for (const target of targets) {
		const done = step(world, target);
		if (done.error) stderr += done.error;
		if (done.world) world = done.world;
	}
	return {world, stderr};
}

const outcomeOf = ({world, stderr}: {world: World; stderr: string}, stdout = ''): CommandOutcome => ({stdout, stderr, exitCode: stderr ? 1 : 0, world});

export const mkdir: CommandSpec = external({
	name: 'mkdir',
	summary: 'make directories (-p), or cgroups under /sys/fs/cgroup',
	run(rawArgs, ctx) {
		const given = optionsOf('mkdir', rawArgs);
		const parents = given.has('parents');
		const targets = given.operands;
		if (targets.length === 0) return fail("mkdir: missing operand\nTry 'mkdir --help' for more information.");
		const cannot = (t: string, error: string) => pathError('mkdir', 'cannot create directory', t, error, curly);
		return outcomeOf(
			eachTarget(ctx.world, targets, (world, t) => {
				const path = resolvePath(ctx.frame, t);
				if (!parents) {
					const made = makeDirectoryPath(world, ctx.frame, path, false);
					return made.ok ? {world: made.world} : {error: cannot(t, made.error)};
				}
				// Create each missing ancestor in turn (cgroups need it too: mkdir -p /sys/fs/cgroup/a/b).
				const parts = path.split('/').filter(Boolean);
				for (let i = 1; i <= parts.length; i++) {
					const sub = '/' + parts.slice(0, i).join('/');
					const kind = pathKind(world, ctx.frame, sub);
					if (kind === 'dir') continue;
					if (kind === 'file') return {world, error: cannot(t, 'Not a directory')};
					const made = makeDirectoryPath(world, ctx.frame, sub, true);
					if (!made.ok) return {world, error: cannot(t, made.error)};
					world = made.world;
				}
				return {world};
			}),
		);
	},
});

export const rmdir: CommandSpec = external({
	name: 'rmdir',
	summary: 'remove empty directories (and cgroups)',
	run(args, ctx) {
		const targets = optionsOf('rmdir', args).operands;
		if (targets.length === 0) return fail("rmdir: missing operand\nTry 'rmdir --help' for more information.");
		return outcomeOf(
			eachTarget(ctx.world, targets, (world, t) => {
				const failed = (error: string) => ({error: pathError('rmdir', 'failed to remove', t, error)});
				const path = resolvePath(ctx.frame, t);
				const kind = pathKind(world, ctx.frame, path);
				if (!kind) return failed('No such file or directory');
				if (kind !== 'dir') return failed('Not a directory');
				if (!path.startsWith(cgroupMount) && (listPath(world, ctx.frame, path) ?? []).length > 0) return failed('Directory not empty');
				const removed = removePathAt(world, ctx.frame, path);
				return removed.ok ? {world: removed.world} : failed(removed.error);
			}),
		);
	},
});

export const rm: CommandSpec = external({
	name: 'rm',
	summary: 'remove files or directories (-r, -f)',
	run(rawArgs, ctx) {
		const given = optionsOf('rm', rawArgs);
		const recursive = given.has('recursive') || given.has('R');
		const force = given.has('force');
		const targets = given.operands;
		if (targets.length === 0) return force ? ok() : fail("rm: missing operand\nTry 'rm --help' for more information.");
		return outcomeOf(
			eachTarget(ctx.world, targets, (world, t) => {
				const cannot = (file: string, error: string) => pathError('rm', 'cannot remove', file, error);
				const path = resolvePath(ctx.frame, t);
				const kind = pathKind(world, ctx.frame, path);
				if (!kind) return force ? {} : {error: cannot(t, 'No such file or directory')};
				if (kind === 'dir' && !recursive) return {error: cannot(t, 'Is a directory')};
				if (path === '/') return {error: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"};
				if (path.startsWith('/proc') || path.startsWith(cgroupMount)) {
					// Kernel files cannot be unlinked; a cgroup goes away with rmdir.
					const inside = kind === 'dir' ? (listPath(world, ctx.frame, path) ?? []).map(n => `${t.replace(/\/$/, '')}/${n}`) : [t];
					return {error: inside.map(f => cannot(f, 'Operation not permitted')).join('')};
				}
				const removed = removePathAt(world, ctx.frame, path);
				return removed.ok ? {world: removed.world} : {error: cannot(t, removed.error)};
			}),
		);
	},
});

export const touch: CommandSpec = external({
	name: 'touch',
	summary: 'create empty files',
	run(args, ctx) {
		const targets = optionsOf('touch', args).operands;
		if (targets.length === 0) return fail("touch: missing file operand\nTry 'touch --help' for more information.");
		return outcomeOf(
			eachTarget(ctx.world, targets, (world, t) => {
				if (pathKind(world, ctx.frame, t)) return {};
				const written = writePath(world, ctx.frame, t, '', true);
				return written.ok ? {world: written.world} : {error: pathError('touch', 'cannot touch', t, written.error)};
			}),
		);
	},
});

export const tee: CommandSpec = external({
	name: 'tee',
	summary: 'copy stdin to files and stdout (echo 100M | tee memory.max)',
	run(args, ctx): CommandOutcome {
		const given = optionsOf('tee', args);
		const append = given.has('append');
		const targets = given.operands;
		return outcomeOf(
			eachTarget(ctx.world, targets, (world, t) => {
				const written = writePath(world, ctx.frame, t, ctx.stdin, append);
				return written.ok ? {world: written.world} : {error: `tee: ${t}: ${written.error.replace(/^write error: /, '')}\n`};
			}),
			ctx.stdin,
		);
	},
});
