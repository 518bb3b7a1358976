import type {Locale} from '../i18n/locale.ts';
import {createSimulation} from './simulation.ts';
import type {HostDisk, ShellRuntime} from './types.ts';

/** The learner's shell: every command family, "did you mean" for typos, files from `disk`. */
export function learnerRuntime(disk: HostDisk, locale?: Locale): ShellRuntime {
	return createSimulation().runtime(disk, locale);
}
