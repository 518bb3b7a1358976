// `edit FILE`: opens the learner's $EDITOR on a file of their real disk (the directory the tutor
// started in), then returns to the tutor. The screen does the opening; the command only asks.
import type {CommandSpec} from './types.ts';

export const editCommand: CommandSpec = {
	name: 'edit',
	summary: 'open a file of your working directory in $EDITOR (e.g. edit pod.yaml)',
	usage: 'edit FILE',
	run(args, ctx) {
		const files = args.filter(a => !a.startsWith('-'));
		if (files.length !== 1) return {stdout: '', stderr: 'edit: usage: edit FILE\n', exitCode: 2};
		if (!ctx.disk.displayPath) return {stdout: '', stderr: 'edit: this session has no files on your disk to edit\n', exitCode: 1};
		if (ctx.disk.isDirectory(files[0]!)) return {stdout: '', stderr: `edit: ${files[0]}: Is a directory\n`, exitCode: 1};
		return {stdout: '', exitCode: 0, effects: [{kind: 'edit', path: files[0]!}]};
	},
};
