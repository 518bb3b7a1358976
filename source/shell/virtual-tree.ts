// A tree of files served from the world rather than stored (paths.ts lists them).
import type {World} from '../engine/world.ts';
import type {ShellFrame} from './types.ts';

export type PathResult = {ok: true; world: World} | {ok: false; error: string};

/** A virtual tree such as /proc or /sys/fs/cgroup, served by the engine rather than stored. */
export type VirtualTree = {
	prefix: string; // "/sys/fs/cgroup"
	read(world: World, frame: ShellFrame, path: string): string | undefined;
	list(world: World, frame: ShellFrame, path: string): string[] | undefined;
	isDirectory(world: World, frame: ShellFrame, path: string): boolean;
	write?(world: World, frame: ShellFrame, path: string, content: string): PathResult;
	mkdir?(world: World, frame: ShellFrame, path: string): PathResult;
	remove?(world: World, frame: ShellFrame, path: string): PathResult;
};
