// What a container script reaches outside its own interpreter: its files, its programs, its host
// name (ScriptIo, built over the world by process-io.ts), and what a program it runs returns.

/** What one program run by a script returned; `sleepMs` and `exit` are for the shell's own sleep and exit. */
export type ProgramResult = {stdout: string; stderr: string; status: number; sleepMs?: number; exit?: boolean};

/** What a script can reach: its files, its programs, its host name. Built over the world by process-io.ts. */
export type ScriptIo = {
	epochMs: number; // wall-clock ms at virtual time 0
	hostname: string;
	pid: number; // $$, as seen inside its pid namespace
	read(path: string): {content: string} | {error: string};
	kind(path: string): 'file' | 'dir' | undefined;
	write(path: string, content: string, append: boolean): string | undefined; // an error text, or undefined
	mkdir(path: string): string | undefined;
	remove(path: string): string | undefined;
	list(path: string): string[] | undefined;
	/** Whether `program` is an executable in the image (on PATH or by path). */
	hasProgram(program: string, path: string): boolean;
	/** Runs a program the script engine does not implement itself (ls, ps, wget...): output only. */
	external(argv: string[], stdin: string, env: Record<string, string>, cwd: string): ProgramResult;
};
