import type {AppIO, AppOptions} from './app-options.ts';

const notYet = (io: AppIO) => {
	io.stderr.write('k8s-tutor: classroom sessions are not built yet.\n');
	return 1;
};

export async function runClassroomHost(_options: AppOptions, io: AppIO, _settings: {port: string; bind: string; chapters?: string; session?: string}): Promise<number> {
	return notYet(io);
}
export async function runClassroomExport(_options: AppOptions, io: AppIO, _dir: string, _format: 'csv' | 'json'): Promise<number> {
	return notYet(io);
}
export async function runJoin(_options: AppOptions, io: AppIO, _settings: {host: string; code: string; name: string}): Promise<number> {
	return notYet(io);
}
