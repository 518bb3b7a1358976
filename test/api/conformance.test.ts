// The strongest realism check: one script through the built-in kubectl and through the REAL
// kubectl on PATH (talking to the API endpoint), on two identical seeded worlds, compared line by
// line after normalising ages and times. Every remaining difference is a fidelity bug; the known
// ones are listed in fixtures/conformance-differences.txt, so a new difference fails this test
// and so does a fixed one (then the list shrinks).
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import {followFor} from '../../source/shell/follow.ts';
import {startApiServer} from '../../source/api/api-server.ts';
import {createCredentials} from '../../source/api/credentials.ts';
import {kubeconfigText} from '../../source/api/kubeconfig.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {createShellState} from '../../source/shell/session.ts';
import {lineDiff} from '../helpers/line-diff.ts';
import {realKubectl} from '../helpers/real-kubectl.ts';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`;

const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: jane-reads
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: pod-reader
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: jane
`;

const serverSide = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ssa
  labels:
    app: ssa
spec:
  replicas: 3
  selector:
    matchLabels:
      app: ssa
  template:
    metadata:
      labels:
        app: ssa
    spec:
      containers:
      - name: ssa
        image: nginx
`;

const typo = `apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: typo
    image: nginx
    imagePullPolicyy: Always
`;

/**
 * A port-forward step: kubectl port-forward to PORT (a free port on this machine, the same number in
 * the simulated one), then curl through it. The real kubectl keeps running: its output up to the
 * curl is compared with what the built-in printed, then the curl outputs are compared.
 */
type PortForwardStep = {portForward: string; remote: number; path: string};

/**
 * A step that waits on the cluster (rollout status, drain): the built-in one lets virtual time pass
 * itself; for the real one the live world's clock runs (a virtual second every few real
 * milliseconds) until it exits. `drain` names NODE: a worker running kubia pods and not web, so
 * that its refusal names the DaemonSet pod alone. kubectl drain evicts its pods concurrently, so
 * the order of its per-pod lines is Go's scheduling: those steps compare sorted lines.
 */
type ClockedStep = {clocked: string[]; sorted?: boolean};

/** get -w for a bounded time: the list, then the rows printed while `seconds` of virtual time pass in one-second ticks. */
type WatchStep = {watch: string[]; seconds: number};

/** The script: kubectl arguments, a pause of virtual time (the same on both worlds), or one of the steps above. */
const script: (string[] | {advanceMs: number} | PortForwardStep | ClockedStep | WatchStep)[] = [
	['get', 'nodes'],
	['explain', 'pods.spec.containers'],
	['explain', 'deployment.spec.strategy'],
	['run', 'web', '--image=nginx'],
	['apply', '-f', 'deploy.yaml'],
	['apply', '-f', 'typo.yaml'],
	{advanceMs: 30_000},
	['get', 'pods', '-o', 'wide'],
	['get', 'deployments'],
	['describe', 'pod', 'web'],
	['scale', 'deployment', 'kubia', '--replicas=3'],
	['label', 'pod', 'web', 'tier=front'],
	['expose', 'deployment', 'kubia', '--port=80', '--target-port=8080'],
	{advanceMs: 30_000},
	['get', 'pods', '--show-labels'],
	['get', 'all'],
	['describe', 'deployment', 'kubia'],
	['logs', 'web'],
	['exec', 'web', '--', 'hostname'],
	['exec', 'web', '--', 'sh', '-c', 'echo out; exit 3'],
	{portForward: 'pod/web', remote: 80, path: '/'},
	{portForward: 'deployment/kubia', remote: 8080, path: '/'},
	['get', 'pod', 'web', '-o', 'yaml'],
	['get', 'pod', 'nope'],
	['create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods'],
	['apply', '-f', 'binding.yaml'],
	['auth', 'can-i', 'list', 'pods', '--as', 'jane'],
	['auth', 'can-i', 'delete', 'pods', '--as', 'jane'],
	['auth', 'can-i', 'list', 'pods', '--as', 'jane', '-n', 'kube-system'],
	['get', 'pods', '--as', 'jane'],
	['get', 'deployments', '--as', 'jane'],
	['apply', '--server-side', '-f', 'ssa.yaml'],
	['scale', 'deployment', 'ssa', '--replicas=2'],
	['apply', '--server-side', '-f', 'ssa.yaml'],
	['apply', '--server-side', '-f', 'ssa.yaml', '--field-manager=other'],
	['apply', '--server-side', '--force-conflicts', '-f', 'ssa.yaml'],
	['get', 'deployment', 'ssa', '-o', 'jsonpath={.spec.replicas}'],
	['set', 'image', 'deployment/ssa', 'ssa=nginx:1.27'],
	['apply', '--server-side', '-f', 'ssa.yaml'],
	['delete', 'deployment', 'ssa'],
	['set', 'image', 'deployment/kubia', 'kubia=luksa/kubia:v2'],
	{clocked: ['rollout', 'status', 'deployment/kubia']},
	{advanceMs: 60_000},
	['rollout', 'history', 'deployment/kubia'],
	['set', 'image', 'deployment/kubia', 'kubia=luksa/kubia:v3'],
	{watch: ['get', 'pods'], seconds: 40},
	{advanceMs: 60_000},
	{clocked: ['drain', 'NODE'], sorted: true},
	{clocked: ['drain', 'NODE', '--ignore-daemonsets'], sorted: true},
	// Which replacement pod gets which name depends on the order of drain's concurrent evictions: the nodes only.
	['get', 'nodes'],
	['uncordon', 'NODE'],
	['delete', 'pod', 'web', '--wait=false'],
	['delete', 'deployment', 'kubia'],
];

/** A worker that runs a kubia pod and not web (the same in both worlds, which are identical). */
function drainableNode(world: World): string {
	const pods = [...world.cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'default');
	const nodes = (name: RegExp) => new Set(pods.filter(p => name.test(p.metadata.name)).map(p => p.spec.nodeName as string));
	const web = nodes(/^web$/);
	const node = [...nodes(/^kubia-/)].sort().find(n => !web.has(n));
	assert.ok(node, 'a worker runs a kubia pod and not web');
	return node;
}

const differencesFile = join(import.meta.dirname, 'fixtures/conformance-differences.txt');

/** Ages (5s, 2m10s, 3d), clock times and dates vary between two runs: the words around them must not. */
export function normalise(text: string): string[] {
	return text
		.split('\n')
		.map(line =>
			line
				.replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\b/g, '<time>')
				.replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\b/g, '<time>')
				.replace(/(^|\s)(\d+[smhdy]){1,2}(?=\s|$)/g, '$1<age>')
				.replace(/\s+/g, ' ')
				.trim(),
		)
		.filter(Boolean);
}

/** A port nobody listens on now, for the real kubectl port-forward. */
function freePort(): Promise<number> {
	return new Promise(resolve => {
		const probe = createServer();
		probe.listen(0, '127.0.0.1', () => {
			const port = (probe.address() as {port: number}).port;
			probe.close(() => resolve(port));
		});
	});
}

const found = realKubectl();
const problem = 'problem' in found ? found.problem : undefined;
const kubectlBinary = 'binary' in found ? found.binary : 'kubectl';
if (problem) console.log(`conformance test skipped: ${problem}`);

test('the real kubectl 1.32 and the built-in kubectl print the same for one script, apart from the known differences', {skip: problem}, async () => {
	const seed = tick(createSandboxWorld({seed: 7}), 60_000);
	// The built-in kubectl on one copy of the world...
	let shell = createShellState(seed, learnerHost);
	const runtime = createSimulation().bare(memoryDisk({'deploy.yaml': deployment, 'typo.yaml': typo, 'binding.yaml': binding, 'ssa.yaml': serverSide}));
	// ...the real one through the endpoint on another.
	const live = standaloneWorld(shell.world, undefined, (world, line) => {
		const result = runLine({...shell, world}, line, runtime);
		return {world: result.state.world, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode};
	});
	const credentials = await createCredentials();
	// Each request of the real kubectl reads the world: counted, so the clock starts only once it is talking.
	let worldReads = 0;
	const server = await startApiServer({live: {...live, world: () => (worldReads++, live.world())}, credentials, port: 0});
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-conformance-'));
	writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(server.url, credentials), {mode: 0o600});
	writeFileSync(join(dir, 'deploy.yaml'), deployment);
	writeFileSync(join(dir, 'typo.yaml'), typo);
	writeFileSync(join(dir, 'binding.yaml'), binding);
	writeFileSync(join(dir, 'ssa.yaml'), serverSide);
	const real = (args: string[]) =>
		new Promise<string>(resolve => {
			execFile(kubectlBinary, args, {cwd: dir, env: {...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir}, timeout: 20_000}, (_error, stdout, stderr) => resolve(stdout + stderr));
		});
	/** The real kubectl port-forward in the background: its output once it forwards, and a real curl through it. */
	const realPortForward = async (args: string[], port: number, path: string) => {
		const child = spawn(kubectlBinary, args, {cwd: dir, env: {...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir}});
		let forward = '';
		child.stdout.on('data', (d: Buffer) => (forward += d.toString()));
		child.stderr.on('data', (d: Buffer) => (forward += d.toString()));
		const started = Date.now();
		while (!/Forwarding from \[::1\]/.test(forward) && child.exitCode === null && Date.now() - started < 15_000) await new Promise(r => setTimeout(r, 50));
		const curl = await new Promise<string>(resolve => execFile('curl', ['-s', '-m', '10', `http://localhost:${port}${path}`], (_e, stdout, stderr) => resolve(stdout + stderr)));
		await new Promise(r => setTimeout(r, 200)); // its "Handling connection" line
		child.kill();
		return {forward, curl};
	};
	/**
	 * The real kubectl while the live world's clock runs: a virtual second each 40 ms until it
	 * exits (or, with `seconds`, for that long, then it is stopped as Ctrl-C would).
	 */
	const realWhileClockRuns = async (args: string[], seconds?: number) => {
		const child = spawn(kubectlBinary, args, {cwd: dir, env: {...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir}});
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		const exited = new Promise(resolve => child.on('exit', resolve));
		// The clock moves only once the real kubectl has read the world (a watch: once it has printed its
		// list): a fixed wait was too short on a loaded machine, where it started after the first virtual seconds.
		const reads = worldReads;
		const startedAt = Date.now();
		const waiting = () => (seconds === undefined ? worldReads === reads : !output.includes('\n'));
		while (waiting() && child.exitCode === null && Date.now() - startedAt < 15_000) await new Promise(r => setTimeout(r, 20));
		await new Promise(r => setTimeout(r, 300)); // a watch's request follows its list
		for (let s = 0; seconds === undefined ? child.exitCode === null && s < 600 : s < seconds; s++) {
			live.set(tick(live.world(), 1000));
			await new Promise(r => setTimeout(r, 40));
		}
		await new Promise(r => setTimeout(r, 300));
		if (child.exitCode === null) child.kill('SIGINT');
		await exited;
		return output;
	};
	const differences: string[] = [];
	try {
		for (let step of script) {
			if ('advanceMs' in step) {
				shell = {...shell, world: tick(shell.world, step.advanceMs)};
				live.set(tick(live.world(), step.advanceMs));
				continue;
			}
			if ('portForward' in step) {
				const port = await freePort();
				const forward = ['port-forward', step.portForward, `${port}:${step.remote}`];
				const builtInForward = runLine(shell, `kubectl ${forward.join(' ')} &`, runtime);
				const builtInCurl = runLine(builtInForward.state, `curl -s localhost:${port}${step.path}`, runtime);
				shell = runLine(builtInCurl.state, 'kill %1', runtime).state;
				const theirs = await realPortForward(forward, port, step.path);
				const forwardLine = `kubectl ${forward.join(' ')}`.replace(String(port), 'PORT');
				// The built-in port-forward's "Handling connection" line reaches the terminal during the curl (the real one's is in its own output).
				const handling = (line: string) => line.startsWith('Handling connection for ');
				const curlLines = normalise(builtInCurl.stdout + builtInCurl.stderr);
				const forwardLines = [...normalise(builtInForward.stdout).map(l => l.replace(/^\[\d+\] \d+$/, '')).filter(Boolean), ...curlLines.filter(handling)];
				for (const difference of lineDiff(normalise(theirs.forward), forwardLines)) differences.push(`${forwardLine} | ${difference.replace(String(port), 'PORT')}`);
				for (const difference of lineDiff(normalise(theirs.curl), curlLines.filter(l => !handling(l)))) differences.push(`curl through ${forwardLine} | ${difference}`);
				continue;
			}
			if ('watch' in step) {
				const line = ['kubectl', ...step.watch, '-w'].join(' ');
				const builtIn = runLine(shell, line, runtime);
				const follow = builtIn.effects.find(e => e.kind === 'follow');
				const rest = follow?.kind === 'follow' ? followFor(follow.follow, builtIn.state.world, step.seconds) : {text: '', world: builtIn.state.world};
				shell = {...builtIn.state, world: rest.world};
				const theirs = await realWhileClockRuns([...step.watch, '-w'], step.seconds);
				for (const difference of lineDiff(normalise(theirs), normalise(builtIn.stdout + builtIn.stderr + rest.text))) differences.push(`${line} | ${difference}`);
				continue;
			}
			if ('clocked' in step) {
				// The live world's clock ran for as long as the real kubectl took in the earlier clocked
				// steps, which a loaded machine stretches: before a drain both worlds start from the
				// built-in's state, so that NODE runs the same pods in both (the step compares what each
				// kubectl does with the same cluster).
				if (step.clocked.includes('NODE')) live.set(shell.world);
				const node = step.clocked.includes('NODE') ? drainableNode(shell.world) : '';
				const args = step.clocked.map(arg => (arg === 'NODE' ? node : arg));
				const named = (lines: string[]) => (node ? lines.map(l => l.replaceAll(node, 'NODE')) : lines);
				const line = ['kubectl', ...args].join(' ');
				const builtIn = runLine(shell, line, runtime);
				shell = builtIn.state;
				const theirs = await realWhileClockRuns(args);
				const sorted = step.sorted === true;
				const order = (lines: string[]) => (sorted ? [...lines].sort() : lines);
				const name = ['kubectl', ...step.clocked].join(' ');
				for (const difference of lineDiff(order(named(normalise(theirs))), order(named(normalise(builtIn.stdout + builtIn.stderr))))) differences.push(`${name} | ${difference}`);
				continue;
			}
			const node = step.includes('NODE') ? drainableNode(shell.world) : '';
			if (node) step = step.map(arg => (arg === 'NODE' ? node : arg));
			const line = ['kubectl', ...step].map(arg => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
			const builtIn = runLine(shell, line, runtime);
			shell = builtIn.state;
			const theirs = normalise(await real(step));
			const ours = normalise(builtIn.stdout + builtIn.stderr);
			for (const difference of lineDiff(theirs, ours)) differences.push(`${node ? line.replaceAll(node, 'NODE') : line} | ${difference.replaceAll(node || '\0', 'NODE')}`);
		}
	} finally {
		await server.close();
	}
	const known = readFileSync(differencesFile, 'utf8').split('\n').filter(l => l && !l.startsWith('#'));
	if (process.env.K8S_TUTOR_UPDATE_CONFORMANCE === '1') writeFileSync(differencesFile, readFileSync(differencesFile, 'utf8').split('\n').filter(l => l.startsWith('#')).concat(differences, '').join('\n'));
	assert.deepEqual(differences, known, 'the real kubectl and the built-in one differ otherwise than listed (K8S_TUTOR_UPDATE_CONFORMANCE=1 rewrites the list)');
});
