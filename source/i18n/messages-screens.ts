// The shape of the dashboard's words. Technical data (kubectl columns, object names, status words
// such as Running or Ready) stays as the real tools print it (see messages.ts).
import type {PaneDepth} from '../app/lesson-view.ts';
import type {Incomplete} from '../shell/syntax/ast.ts';

/** The pane's own labels and headers. */
export type PaneText = {
	depth: Record<PaneDepth, string>;
	scroll: (at: number, of: number) => string;
	clusterTitle: (name: string, nodes: number, pods: number) => string;
	noCluster: string;
	nodeColumns: {node: string; status: string; cpu: string; memory: string; pods: string};
	noPods: string;
	notScheduled: (n: number) => string;
	more: (n: number) => string;
	dockerTitle: (hosts: number, containers: number) => string;
	noDockerHost: string;
	registry: (host: string) => string;
	registryCounts: (repositories: number, layers: number) => string;
	clusterNode: string;
	dockerd: (running: boolean) => string;
	noImages: string;
	writable: (files: number) => string;
	hostTitle: (name: string, cpus: number, memory: string, processes: number) => string;
	noHost: (name: string) => string;
	hostNamespaces: (pidNamespace: number) => string;
	ownNamespaces: (kinds: string) => string;
	cgroupColumns: {cgroup: string; memory: string; cpu: string; pids: string};
	/** A qemu process in the host list: the VM it runs and its state (Starting, Running...). */
	vmProcess: (name: string, state: string) => string;
};

/** The x-ray's section titles and the tutor's words inside them (ids, commands, states stay as the tools print them). */
export type XrayText = {
	heading: string;
	gone: string;
	noEvents: string;
	timeline: string;
	whoDidWhat: string;
	where: string;
	placed: (node: string | undefined, ip: string, namespace: string) => string;
	containers: string;
	restarts: (n: number) => string;
	requests: string;
	onTheNode: string;
	pauseHolds: (pid: string) => string;
	podTitle: (name: string, status: string, ready: string) => string;
	allocatable: string;
	cpuOf: (requested: string, allocatable: string) => string;
	memoryOf: (requested: string, allocatable: string) => string;
	pods: (n: number) => string;
	containerTitle: (name: string, id: string, state: string) => string;
	namespacesOf: (pid: string) => string;
	notRunning: string;
	cgroup: string;
	filesystem: string;
	writableLayer: (files: number, size: string) => string;
	imageTitle: (tag: string, where: string) => string;
	id: string;
	alsoTagged: (tags: string) => string;
	layers: string;
	sharedWith: (sharers: string) => string;
	processTitle: (pid: number, host: string, command: string) => string;
	namespaces: string;
	sharedWithHost: string;
	itsOwn: string;
	processGone: (pid: number) => string;
	memory: string;
	resident: (size: string) => string;
	inContainer: (id: string) => string;
	cgroupTitle: (path: string, host: string) => string;
	limitsAndUsage: string;
	noLimits: string;
	memoryUsage: (used: string, limit?: string) => string;
	cpuLimit: (cores?: number) => string;
	pidsUsage: (pids: number, max?: number) => string;
	oomKills: (n: number) => string;
};

export type UiText = {
	task: string;
	step: string;
	paused: string;
	keysHint: string;
	focus: Record<'prompt' | 'lesson' | 'pane' | 'Alt', string>;
	notYet: string;
	hint: (n: number) => string;
	solution: string;
	done: string;
	chapterComplete: string;
	/** After a passed step: the key that moves on now (n, or Alt-n while the prompt takes letters). */
	nextStepHint: (key: string) => string;
	quizAnswerIs: (key: string, text: string) => string;
	quizAgainOrNext: (key: string) => string;
	lessonKeys: {hint: string; solution: string; reset: string; next: string; answer: string; chapters: string; startOver: string};
	confirmSolution: string;
	confirmReset: string;
	confirmRestart: string;
	tooSmall: (need: string, have: string) => string;
	tooSmallHelp: string;
	/** The same in as few cells as possible, for a terminal too small for the sentences (20x5). */
	tooSmallShort: (need: string, have: string) => string;
	moreRows: (n: number) => string;
	linesUp: (n: number) => string;
	promptCut: (lineLimit: number, promptKiB: number) => string;
	/** The shell area's note when the newest output is taller than it. */
	outputAbove: (n: number) => string;
	/** The label of the one clock (virtual time since the world began). */
	simClock: string;
	nothingYet: string;
	events: string;
	back: string;
	chapters: string;
	chapterLocked: (prerequisites: string) => string;
	resumesAt: (step: number, title: string) => string;
	editedBack: (path: string) => string;
	anyKeyCloses: string;
	escIsAlt: string;
	/** Under bash's "> " continuation prompt: what the line still waits for, and how to finish or cancel it. */
	continuation: (needed: Incomplete) => string;
	/** Printed after the dashboard closes, on every way out that saved. */
	progressSaved: string;
	pane: PaneText;
	xray: XrayText;
	/** The `?` overlay. */
	keys: KeysText;
};

/** The `?` overlay: the key groups' titles and what each key does (ui/keymap.ts lists the keys). */
export type KeysText = {
	groups: {prompt: string; anywhere: string; lesson: string; time: string};
	does: {
		run: string;
		move: string;
		delete: string;
		history: string;
		complete: string;
		paste: string;
		scrollOutput: string;
		clear: string;
		keys: string;
		quit: string;
		chapters: string;
		back: string;
		scrollLesson: string;
		hint: string;
		check: string;
		solution: string;
		reset: string;
		next: string;
		answer: string;
		hand: string;
		pause: string;
		tick: string;
		speed: string;
		depthNext: string;
		depthPick: string;
		select: string;
	};
};
