import type {HostDisk} from './types.ts';

/** A disk made of a map of paths to contents: for tests, lessons' workspaces and the classroom. */
export function memoryDisk(files: Record<string, string> = {}): HostDisk {
	const normalized = new Map(Object.entries(files).map(([path, content]) => [clean(path), content]));
	const isDirectory = (path: string) => {
		const dir = clean(path);
		if (dir === '') return true;
		return [...normalized.keys()].some(p => p.startsWith(dir + '/'));
	};
	return {
		readFile: path => normalized.get(clean(path)),
		isDirectory,
		listDirectory(path) {
			const dir = clean(path);
			const prefix = dir ? dir + '/' : '';
			const names = new Set<string>();
			for (const p of normalized.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
			return [...names].sort();
		},
	};
}

function clean(path: string): string {
	return path.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/\.\//g, '/');
}
