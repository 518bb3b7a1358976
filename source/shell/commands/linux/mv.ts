// mv and cp for files (the Kubernetes chapters move static-pod manifests in and out of
// /etc/kubernetes/manifests). Directories are refused with coreutils' wording.
import {pathKind, readPath, removePathAt, resolvePath, writePath} from '../../paths.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {external, fail, optionsOf} from './context.ts';

function copyOrMove(name: 'mv' | 'cp', args: string[], ctx: CommandContext): CommandOutcome {
	const given = optionsOf(name, args);
	const operands = given.operands;
	const into = given.value('target-directory'); // -t DIR: every operand is a source
	if (operands.length === 0) return fail(`${name}: missing file operand\nTry '${name} --help' for more information.`);
	if (operands.length === 1 && into === undefined) return fail(`${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.`);
	const target = into ?? operands[operands.length - 1]!;
	const sources = into === undefined ? operands.slice(0, -1) : operands;
	const targetKind = pathKind(ctx.world, ctx.frame, resolvePath(ctx.frame, target));
	const targetIsDir = targetKind === 'dir';
	if (into !== undefined && !targetIsDir) return fail(`${name}: target directory '${into}': ${targetKind ? 'Not a directory' : 'No such file or directory'}`);
	if (sources.length > 1 && !targetIsDir) return fail(`${name}: target '${target}' is not a directory`);
	let world = ctx.world;
	let stderr = '';
	for (const source of sources) {
		const from = resolvePath(ctx.frame, source);
		const kind = pathKind(world, ctx.frame, from);
		if (!kind) {
			stderr += `${name}: cannot stat '${source}': No such file or directory\n`;
			continue;
		}
		if (kind === 'dir') {
			stderr += name === 'cp' ? `cp: -r not specified; omitting directory '${source}'\n` : `[simulator] mv: moving a directory is not simulated here: '${source}'\n`;
			continue;
		}
		const read = readPath(world, ctx.frame, from);
		if ('error' in read) {
			stderr += `${name}: cannot open '${source}' for reading: ${read.error}\n`;
			continue;
		}
		const to = targetIsDir ? `${resolvePath(ctx.frame, target).replace(/\/$/, '')}/${from.split('/').pop()}` : resolvePath(ctx.frame, target);
		if (to === from) {
			stderr += `${name}: '${source}' and '${target}' are the same file\n`;
			continue;
		}
		const written = writePath(world, ctx.frame, to, read.content, false);
		if (!written.ok) {
			stderr += `${name}: cannot create regular file '${target}': ${written.error}\n`;
			continue;
		}
		world = written.world;
		if (name === 'mv') {
			const removed = removePathAt(world, ctx.frame, from);
			if (removed.ok) world = removed.world;
			else stderr += `mv: cannot remove '${source}': ${removed.error}\n`;
		}
	}
	return {stdout: '', stderr, exitCode: stderr ? 1 : 0, world};
}

export const mv: CommandSpec = external({name: 'mv', summary: 'move (rename) files', run: (args, ctx) => copyOrMove('mv', args, ctx)});
export const cp: CommandSpec = external({name: 'cp', summary: 'copy files', run: (args, ctx) => copyOrMove('cp', args, ctx)});
