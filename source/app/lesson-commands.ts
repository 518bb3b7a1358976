import type {AppIO, AppOptions} from './app-options.ts';

const notYet = (io: AppIO) => {
	io.stderr.write('k8s-tutor: lessons and progress are not built yet.\n');
	return 1;
};

export async function runLessonsList(_options: AppOptions, io: AppIO): Promise<number> {
	return notYet(io);
}
export async function runReset(_options: AppOptions, io: AppIO, _request: {chapter?: string; yes: boolean}): Promise<number> {
	return notYet(io);
}
export async function runProgressExport(_options: AppOptions, io: AppIO, _file: string): Promise<number> {
	return notYet(io);
}
export async function runProgressImport(_options: AppOptions, io: AppIO, _file: string): Promise<number> {
	return notYet(io);
}
export async function runLint(_options: AppOptions, io: AppIO, _dir?: string): Promise<number> {
	return notYet(io);
}
