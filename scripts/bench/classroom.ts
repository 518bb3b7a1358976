// Classroom load: a host with its instructor dashboard in this process, 100 simulated students
// and an open projector page (its event stream) in a child process (so they do not share the
// host's event loop), all on loopback. Each student passes steps and runs commands for a bounded
// time. Prints events per second, dashboard update latency (student's report -> the first
// dashboard frame Ink renders after the host applied it: written then when it changed the screen)
// p50/p95, projector update latency (a step passed -> the projector's
// stream shows it) p50/p95, host memory at its peak and after the room sits idle with the
// dashboard ticking, and events lost (must be 0).
//   BENCH_CLASSROOM_SECONDS (default 15; the issue's full run is 60)
//   BENCH_CLASSROOM_IDLE_SECONDS (default 30; the issue's full run is 300)
//   BENCH_CLASSROOM_STUDENTS (default 100), BENCH_CLASSROOM_RATE events per student per second (default 2)
import {spawn} from 'node:child_process';
import {get as httpGet} from 'node:http';
import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {connectStudent} from '../../source/classroom/client.ts';
import {memoryStore} from '../../source/classroom/client-store.ts';
import {startClassroomHost} from '../../source/classroom/host-server.ts';
import type {ProgressEvent} from '../../source/classroom/protocol.ts';
import {openSession, readSession} from '../../source/classroom/session-folder.ts';

const seconds = Number(process.env.BENCH_CLASSROOM_SECONDS ?? 15);
const studentCount = Number(process.env.BENCH_CLASSROOM_STUDENTS ?? 100);
const rate = Number(process.env.BENCH_CLASSROOM_RATE ?? 2);
const idleSeconds = Number(process.env.BENCH_CLASSROOM_IDLE_SECONDS ?? 30);
const preciseNow = () => performance.timeOrigin + performance.now();

if (process.argv[2] === '--students') await runStudents(Number(process.argv[3]), process.argv[4]!, process.argv[5]!);
else await runHost();

async function runHost() {
	// React as the published bundle runs it (the build defines NODE_ENV=production); set before React loads.
	process.env.NODE_ENV = 'production';
	const {render} = await import('ink');
	const {createElement} = await import('react');
	const {InstructorDashboard} = await import('../../source/ui/classroom/instructor-dashboard.tsx');
	const {wallClock, dashboardRenderOptions} = await import('../../source/ui/classroom/run-dashboard.tsx');
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-bench-classroom-'));
	const session = await openSession(dir, {chapters: ['1', '2', '3'], appVersion: 'bench', now: Date.now()});
	const host = await startClassroomHost(session, {bind: '127.0.0.1', port: 0, appVersion: 'bench', capacity: studentCount + 10});

	// The real dashboard, drawn into a terminal-sized sink. An event is on screen once Ink has
	// rendered a frame after the host applied it: Ink writes that frame at once, or nothing when the
	// event changed nothing the screen shows (a command on a passed step, a step in another chapter).
	let bytesWritten = 0;
	const screen = Object.assign(new EventEmitter(), {columns: 140, rows: 40, isTTY: true, write: (frame: string) => frameWritten(frame)});
	const waiting: {reportedAt: number; appliedAt: number}[] = []; // events applied but not yet rendered
	const unwritten: number[] = []; // ... and not yet followed by a frame written
	const latencies: number[] = [];
	const appliedToRendered: number[] = [];
	const toNextWrite: number[] = [];
	const toHost: number[] = []; // report -> host received it
	const toRoom: number[] = []; // host received -> synced and applied
	let frames = 0;
	host.subscribe(change => {
		if (change.kind === 'record' && change.record.r === 'event') {
			const now = preciseNow();
			waiting.push({reportedAt: change.record.clientAt, appliedAt: now});
			unwritten.push(change.record.clientAt);
			toHost.push(change.record.at - change.record.clientAt);
			toRoom.push(now - change.record.at);
		}
	});
	const loopDelay = monitorEventLoopDelay({resolution: 10});
	loopDelay.enable();
	function frameRendered() {
		frames++;
		const now = preciseNow();
		for (const event of waiting) {
			latencies.push(now - event.reportedAt);
			appliedToRendered.push(now - event.appliedAt);
		}
		waiting.length = 0;
	}
	function frameWritten(frame: string) {
		bytesWritten += Buffer.byteLength(frame);
		const now = preciseNow();
		for (const at of unwritten) toNextWrite.push(now - at);
		unwritten.length = 0;
		return true;
	}
	const stdin = Object.assign(new EventEmitter(), {isTTY: true, setRawMode() {}, setEncoding() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null});
	const app = render(createElement(InstructorDashboard, {host, joinLines: ['bench'], sessionDir: dir, clock: wallClock, onQuit() {}}), {
		...dashboardRenderOptions,
		stdout: screen as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		patchConsole: false,
		onRender: frameRendered,
	});

	const started = performance.now();
	const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--students', String(host.port), host.room.code, host.projectorKey], {stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	child.stdout.on('data', chunk => (output += chunk));
	const peak = {rss: 0, heap: 0};
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		peak.rss = Math.max(peak.rss, usage.rss);
		peak.heap = Math.max(peak.heap, usage.heapUsed);
	}, 250);
	const code = await new Promise<number>(resolve => child.on('exit', status => resolve(status ?? 1)));
	const elapsed = (performance.now() - started) / 1000;
	// The room sits idle (students gone) with the dashboard still drawn every second: memory must not climb.
	const rssAfterLoad = process.memoryUsage().rss;
	await new Promise(resolve => setTimeout(resolve, idleSeconds * 1000));
	const rssAfterIdle = process.memoryUsage().rss;
	clearInterval(sampler);
	app.unmount();
	const report = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {reported: number; unacked: number; activeSeconds: number; projector: number[]; projectorUpdates: number};
	const live = host.room.eventCount;
	await host.close();
	const onDisk = readSession(dir).room.eventCount;
	rmSync(dir, {recursive: true, force: true});

	const percentile = (values: number[], p: number) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
	};
	const pct = (p: number) => percentile(latencies, p);
	const lost = report.reported - onDisk;
	const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
	console.log(`${studentCount} students on loopback, ${rate} events/s each, ${seconds} s of reporting (${elapsed.toFixed(1)} s with joins and the final drain)`);
	console.log(`  events: ${report.reported} reported, ${live} applied live, ${onDisk} in the synced log -> ${(onDisk / report.activeSeconds).toFixed(0)} events/s`);
	console.log(`  dashboard update latency (report -> first frame rendered after it): p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, ${frames} frames rendered, ${(bytesWritten / 1024).toFixed(0)} KB written`);
	console.log(`    of which report -> host: p50 ${percentile(toHost, 50).toFixed(1)} ms, p95 ${percentile(toHost, 95).toFixed(1)} ms; host -> synced and applied: p50 ${percentile(toRoom, 50).toFixed(1)} ms, p95 ${percentile(toRoom, 95).toFixed(1)} ms; applied -> rendered: p50 ${percentile(appliedToRendered, 50).toFixed(1)} ms, p95 ${percentile(appliedToRendered, 95).toFixed(1)} ms`);
	console.log(`    (report -> the next frame written, which for an event that changed nothing shown is an unrelated later change: p50 ${percentile(toNextWrite, 50).toFixed(1)} ms, p95 ${percentile(toNextWrite, 95).toFixed(1)} ms)`);
	console.log(`  projector update latency (step passed -> the projector's stream shows it): p50 ${percentile(report.projector, 50).toFixed(1)} ms, p95 ${percentile(report.projector, 95).toFixed(1)} ms, ${report.projectorUpdates} updates`);
	console.log(`  host event-loop delay: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`);
	console.log(`  host memory (this process: host + dashboard): peak rss ${mb(peak.rss)}, peak heap ${mb(peak.heap)}; rss ${mb(rssAfterLoad)} after the load, ${mb(rssAfterIdle)} after ${idleSeconds} s idle`);
	console.log(`  events lost: ${lost}${report.unacked ? ` (${report.unacked} still unacknowledged)` : ''}`);
	process.exit(code === 0 && lost === 0 ? 0 : 1);
}

/** The projector page's event stream, as a browser holds it: each snapshot's arrival time and steps passed in total. */
function watchProjector(port: number, key: string, seen: (at: number, passed: number) => void): () => void {
	const request = httpGet(`http://127.0.0.1:${port}/room/events?key=${key}`, response => {
		let buffer = '';
		response.on('data', chunk => {
			buffer += chunk;
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const frame = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (!frame.startsWith('data: ')) continue;
				const room = JSON.parse(frame.slice(6)) as {chapters: {passedPerStep: number[]}[]};
				seen(preciseNow(), room.chapters.reduce((sum, chapter) => sum + chapter.passedPerStep.reduce((a, b) => a + b, 0), 0));
			}
		});
	});
	request.on('error', () => {});
	return () => request.destroy();
}

async function runStudents(port: number, code: string, projectorKey: string) {
	const passedAt: number[] = []; // report time of every step-passed, in order
	const projector: number[] = [];
	let shownPasses = 0;
	let projectorUpdates = 0;
	const stopWatching = watchProjector(port, projectorKey, (at, passed) => {
		projectorUpdates++;
		// Passes are counted, not named: the n-th pass is shown once the total reaches n.
		for (; shownPasses < Math.min(passed, passedAt.length); shownPasses++) projector.push(at - passedAt[shownPasses]!);
	});
	const links = Array.from({length: studentCount}, (_, index) =>
		// A loaded machine may take seconds to answer 100 handshakes at once: a generous connect timeout.
		connectStudent({url: `ws://127.0.0.1:${port}`, code, name: `student-${index + 1}`, appVersion: 'bench', store: memoryStore(), clock: preciseNow, retry: {initialMs: 100, maxMs: 1000}, connectTimeoutMs: 30_000}),
	);
	const contacts = await Promise.all(links.map(link => link.firstContact()));
	const refused = contacts.filter(status => status.state !== 'online');
	if (refused.length) throw new Error(`${refused.length} students could not join: ${refused[0]!.error?.message}`);
	let reported = 0;
	const position = links.map(() => ({step: 0, sinceStep: 0}));
	// Chapters of 7 steps: students move on through chapters 1, 2, 3... as they pass steps.
	const stepsPerChapter = 7;
	const where = (index: number) => ({chapterId: `chapter-${Math.floor(index / stepsPerChapter) + 1}`, stepId: `step-${(index % stepsPerChapter) + 1}`});
	const step = (index: number): ProgressEvent => ({kind: 'step-entered', ...where(index), chapterNumber: Math.floor(index / stepsPerChapter) + 1, stepIndex: index % stepsPerChapter, stepCount: stepsPerChapter, title: `Step ${index + 1}`});
	links.forEach((link, index) => link.report(step(0)));
	reported += links.length;
	const startedAt = performance.now();
	// Each student acts on its own jittered timer: mostly commands, sometimes a failed check or a hint, then a pass.
	await Promise.all(
		links.map(
			(link, index) =>
				new Promise<void>(resolve => {
					const act = () => {
						if (performance.now() - startedAt >= seconds * 1000) return resolve();
						const me = position[index]!;
						const ids = where(me.step);
						me.sinceStep++;
						if (me.sinceStep >= 6) {
							link.report({kind: 'step-passed', ...ids});
							passedAt.push(preciseNow());
							me.step++;
							me.sinceStep = 0;
							link.report(step(me.step));
							reported += 2;
						} else if (me.sinceStep === 3) {
							link.report({kind: 'check-failed', ...ids, unmet: ['the pod kubia is Pending, not Running']});
							reported++;
						} else if (me.sinceStep === 4 && index % 3 === 0) {
							link.report({kind: 'hint-used', ...ids, hintNumber: 1});
							reported++;
						} else {
							link.report({kind: 'command-run', ...ids, line: `kubectl get pods -o wide # ${me.sinceStep}`, exitCode: 0});
							reported++;
						}
						setTimeout(act, (1000 / rate) * (0.5 + Math.random()));
					};
					setTimeout(act, Math.random() * (1000 / rate));
				}),
		),
	);
	const activeSeconds = (performance.now() - startedAt) / 1000;
	await Promise.all(links.map(link => link.drain(15_000)));
	const unacked = links.reduce((sum, link) => sum + link.status().queued, 0);
	await new Promise(resolve => setTimeout(resolve, 1000)); // the projector's last throttled update
	stopWatching();
	await Promise.all(links.map(link => link.close()));
	console.log(JSON.stringify({reported, unacked, activeSeconds, projector, projectorUpdates}));
	process.exit(0);
}
