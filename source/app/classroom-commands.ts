// `classroom host`, `classroom export` and `join`: wiring between the command line and source/classroom.
import {createInterface} from 'node:readline';
import {parseChapterList} from '../classroom/chapter-list.ts';
import {resultsCsv, resultsJson} from '../classroom/export.ts';
import {reportCsv, reportJson, reportTable} from '../classroom/report.ts';
import {replayStudent} from '../classroom/replay.ts';
import {runHostCommand} from '../classroom/host-commands.ts';
import {startClassroomHost, type ClassroomHost} from '../classroom/host-server.ts';
import {joinCommand, projectorUrl, reachableAddresses} from '../classroom/join-line.ts';
import {packageRoot} from '../classroom/package-tarball.ts';
import {plainLine} from '../classroom/plain-lines.ts';
import {stuckWatcher} from '../classroom/stuck-watch.ts';
import {defaultSessionDir, openSession, readSession, SessionFolderError} from '../classroom/session-folder.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {sessionChapters} from './classroom-chapters.ts';
import {defaultStuckRule, pacingOf} from '../classroom/room.ts';
import {openRefs} from '../classroom/protocol.ts';
import {parseDuration} from '../classroom/duration.ts';
import {messages} from '../i18n/catalog.ts';

export {runJoin} from './classroom-join.ts';

type HostSettings = {port: string; bind: string; chapters?: string; session?: string; stuckAfter?: string; hints?: boolean; solutions?: boolean};

export async function runClassroomHost(options: AppOptions, io: AppIO, settings: HostSettings): Promise<number> {
	const say = (text: string) => io.stdout.write(text + '\n');
	const complain = (text: string) => {
		io.stderr.write(`k8s-tutor: ${text}\n`);
		return 1;
	};
	const replies = messages(options.lang).hostCommand;
	const port = Number(settings.port);
	if (!/^\d+$/.test(settings.port) || port > 65535) return complain(replies.badPort(settings.port));
	let chapters: string[];
	if (settings.chapters) {
		const parsed = parseChapterList(settings.chapters, replies);
		if ('error' in parsed) return complain(parsed.error);
		chapters = parsed.chapters;
	} else chapters = sessionChapters(options);

	let rule = defaultStuckRule;
	if (settings.stuckAfter !== undefined) {
		const idleMs = parseDuration(settings.stuckAfter);
		if (idleMs === undefined || idleMs < 10_000) return complain(replies.badStuckAfter(settings.stuckAfter));
		rule = {...defaultStuckRule, idleMs};
	}

	const dir = settings.session ?? defaultSessionDir(new Date());
	// Installed (not run from source): the host offers its own package, and the join line uses it.
	const ownPackage = packageRoot();
	let host: ClassroomHost;
	let resumed: boolean;
	try {
		const exam = {noHints: settings.hints === false, noSolutions: settings.solutions === false};
		const session = await openSession(dir, {chapters, appVersion: options.version, now: Date.now(), exam});
		if (session.resumed && (exam.noHints !== Boolean(session.meta.exam?.noHints) || exam.noSolutions !== Boolean(session.meta.exam?.noSolutions))) {
			say(replies.examKept(dir, Boolean(session.meta.exam?.noHints), Boolean(session.meta.exam?.noSolutions)));
		}
		resumed = session.resumed;
		if (session.loaded.truncatedBytes > 0) say(replies.cutHalfWritten(session.loaded.truncatedBytes, dir));
		if (session.loaded.skippedLines > 0) say(replies.skippedLines(session.loaded.skippedLines, dir));
		if (resumed && settings.chapters && settings.chapters !== session.meta.chapters.join(',')) say(replies.chaptersKept(dir, session.meta.chapters.join(', ')));
		try {
			host = await startClassroomHost(session, {bind: settings.bind, port, appVersion: options.version, stuckRule: rule, ...(ownPackage ? {packageRoot: ownPackage} : {})});
		} catch (error) {
			await session.log.close();
			session.release();
			throw error;
		}
	} catch (error) {
		if (error instanceof SessionFolderError) return complain(replies.sessionProblem(error.problem));
		const {code, syscall} = error as NodeJS.ErrnoException;
		if (code === 'EADDRINUSE') return complain(replies.portInUse(port, settings.bind));
		if (code === 'EADDRNOTAVAIL') return complain(replies.notAnAddress(settings.bind));
		// The folder comes first: a refused mkdir or write is the folder's, a refused listen the port's.
		if (code === 'EACCES' && syscall === 'listen') return complain(replies.portDenied(port));
		if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') return complain(replies.cannotWrite(dir, (error as Error).message));
		throw error;
	}

	const room = host.room;
	const joinLines = reachableAddresses(settings.bind).map(address => joinCommand(address, host.port, room.code, ownPackage !== undefined, options.lang));
	const projector = projectorUrl(reachableAddresses(settings.bind)[0]!, host.port, host.projectorKey);
	const stopped = new Promise<number>(resolve => {
		io.onSignal(() => {
			host.close().then(() => resolve(0), () => resolve(1));
		});
	});

	if (!options.plain) {
		const {runInstructorDashboard} = await import('../ui/classroom/run-dashboard.tsx');
		const code = await runInstructorDashboard(host, options, io, {joinLines, projectorUrl: projector, sessionDir: dir, resumed, stuckRule: rule});
		// Quitting the dashboard ends the class: students are told, instead of retrying forever.
		await host.end();
		return code;
	}

	const text = messages(options.lang).host;
	say(text.started(resumed, room.code, room.chapters.join(', '), dir));
	for (const line of joinLines) say(text.join(line));
	say(text.projector(projector));
	if (resumed) say(text.soFar(room.studentOrder.length, room.eventCount, openRefs(pacingOf(room)).join(', ') || text.none, room.paused));
	say(replies.help);
	const stuckLines = stuckWatcher(rule, text);
	const sayStuck = () => stuckLines(room, Date.now(), id => host.isConnected(id)).forEach(say);
	sayStuck(); // a resumed room may have students stuck already
	host.subscribe(change => {
		const line = plainLine(change, room, Date.now(), text);
		if (line) say(line);
		if (change.kind !== 'rejected') sayStuck();
	});
	const stuckTimer = setInterval(sayStuck, 15_000);
	// Typed commands when someone is there; in the background stdin just ends, and the host keeps running.
	const reader = createInterface({input: io.stdin, terminal: false});
	reader.on('line', line => {
		runHostCommand(host, line, Date.now(), {say: replies, rule}).then(
			reply => reply && say(reply),
			error => say(replies.error((error as Error).message)),
		);
	});
	const code = await stopped;
	clearInterval(stuckTimer);
	reader.close();
	return code;
}

export async function runClassroomReport(options: AppOptions, io: AppIO, dir: string, format: 'text' | 'csv' | 'json'): Promise<number> {
	return withSession(options, io, dir, ({room}) => {
		io.stdout.write(format === 'json' ? reportJson(room) : format === 'csv' ? reportCsv(room) : reportTable(room, messages(options.lang).afterClass));
		return 0;
	});
}

export async function runClassroomReplay(options: AppOptions, io: AppIO, dir: string, name: string): Promise<number> {
	return withSession(options, io, dir, ({loaded}) => {
		const replay = replayStudent(loaded.records, name, messages(options.lang).afterClass);
		if ('error' in replay) {
			io.stderr.write(`k8s-tutor: ${replay.error}\n`);
			return 1;
		}
		io.stdout.write(replay.lines.join('\n') + '\n');
		return 0;
	});
}

function withSession(options: AppOptions, io: AppIO, dir: string, use: (session: ReturnType<typeof readSession>) => number): number {
	const replies = messages(options.lang).hostCommand;
	try {
		const session = readSession(dir);
		if (session.loaded.skippedLines > 0) io.stderr.write(`k8s-tutor: ${replies.skippedLines(session.loaded.skippedLines, dir)}\n`);
		return use(session);
	} catch (error) {
		if (error instanceof SessionFolderError) {
			io.stderr.write(`k8s-tutor: ${replies.sessionProblem(error.problem)}\n`);
			return 1;
		}
		throw error;
	}
}

export async function runClassroomExport(options: AppOptions, io: AppIO, dir: string, format: 'csv' | 'json'): Promise<number> {
	return withSession(options, io, dir, ({meta, room}) => {
		io.stdout.write(format === 'json' ? resultsJson(room, meta) : resultsCsv(room));
		return 0;
	});
}
