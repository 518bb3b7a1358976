// `k8s-tutor join HOST[:PORT] --code CODE --name NAME`: the normal tutor, with progress
// mirrored to the instructor's host, and the host's pacing, broadcasts and pauses shown.
import {homedir} from 'node:os';
import {join} from 'node:path';
import {connectStudent, joinUrl, type StudentLink} from '../classroom/client.ts';
import {fileStore} from '../classroom/client-store.ts';
import {commandsOnlyDriver} from '../classroom/lesson-mirror.ts';
import {showLinkOn, statusNotice} from '../classroom/link-notices.ts';
import {limits} from '../classroom/protocol.ts';
import {sanitizeName} from '../classroom/sanitize.ts';
import {createSandboxWorld, learnerHost} from '../engine/scenarios/sandbox.ts';
import {allCommands} from '../shell/all-commands.ts';
import {createShellState} from '../shell/session.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {runPlainSession} from './plain-session.ts';
import {createTutorController} from './tutor-controller.ts';

export type JoinSettings = {host: string; code: string; name: string};

export async function runJoin(options: AppOptions, io: AppIO, settings: JoinSettings): Promise<number> {
	const complain = (text: string) => {
		io.stderr.write(`k8s-tutor: ${text}\n`);
		return 1;
	};
	const name = sanitizeName(settings.name, limits.nameLength);
	if (!name) return complain('--name: choose a name with at least one letter or digit');
	const store = fileStore(options.configDir ?? join(homedir(), '.config', 'k8s-tutor'), settings.host, name);
	const hadToken = store.load().token !== undefined;
	const link = connectStudent({url: joinUrl(settings.host), code: settings.code, name, appVersion: options.version, store});
	const contact = await link.firstContact();
	if (contact.state === 'rejected') {
		await link.close();
		return complain(`cannot join: ${contact.error?.message ?? 'the host refused'}`);
	}
	if (contact.state !== 'online') {
		if (!hadToken) {
			await link.close();
			return complain(contact.error?.message ?? `cannot reach the classroom host at ${settings.host}`);
		}
		// We joined this room before: keep working, the link retries and sends what is queued.
		io.stderr.write(`k8s-tutor: ${contact.error?.message ?? 'the host is unreachable'}; working offline, progress is sent when it is back.\n`);
	}
	const code = await runMirroredTutor(options, io, link);
	const drained = await link.drain(3000);
	const left = link.status().queued;
	await link.close();
	if (!drained && left > 0) io.stderr.write(`k8s-tutor: ${left} progress events are kept on this computer and sent the next time you join.\n`);
	return code;
}

async function runMirroredTutor(options: AppOptions, io: AppIO, link: StudentLink): Promise<number> {
	const shell = createShellState(createSandboxWorld({seed: 1}), learnerHost);
	const controller = createTutorController(shell, {commands: allCommands(), disk: options.disk}, commandsOnlyDriver(event => link.report(event)));
	// Plain mode prints the instructor's messages the moment they arrive; the screen puts them in the scrollback.
	const stopShowing = showLinkOn(link, options.plain ? {setNotice: notice => controller.setNotice(notice), appendSystem: text => io.stdout.write(text + '\n')} : controller);
	try {
		if (options.plain) {
			let lastState = `${link.status().state}/${link.status().pacing?.paused}`;
			return await runPlainSession(controller, options, io, {
				intro: () => statusNotice(link.status()),
				interceptLine(line) {
					if (line === 'classroom') return statusNotice(link.status());
					if (link.status().pacing?.paused && line) return 'The instructor paused the room: eyes on the front. (Your command was not run.)';
					return undefined;
				},
				afterCommand() {
					// A line when the connection changes, not for every event waiting for its acknowledgement.
					const status = link.status();
					const state = `${status.state}/${status.pacing?.paused}`;
					if (state === lastState) return '';
					lastState = state;
					return statusNotice(status);
				},
			});
		}
		const {runInteractive} = await import('../ui/run-interactive.tsx');
		return await runInteractive(controller, options, io, {title: 'Classroom'});
	} finally {
		stopShowing();
	}
}
