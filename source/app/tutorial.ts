import type {AppIO, AppOptions} from './app-options.ts';

/** `k8s-tutor` and `k8s-tutor start <chapter>`: the lesson flow (built by the lessons engine). */
export async function runTutorial(options: AppOptions, io: AppIO, request: {chapter?: string}): Promise<number> {
	void options;
	void request;
	io.stderr.write('k8s-tutor: the lessons are not built yet; try `k8s-tutor sandbox`.\n');
	return 1;
}
