// The shape of the lesson engine's and the checker's words (see messages.ts).

/** The lesson engine's own words (not the chapters'). */
export type LessonText = {
	stepPassed(n: number, count: number, title: string): string;
	stepHeading(n: number, count: number, title: string): string;
	chapterHeading(number: number, title: string): string;
	confirmSolution: string;
	confirmReset: string;
	/** A finished chapter's summary (reopened, or r pressed there): start the chapter over? */
	confirmRestart: string;
	snapshotUnreadable: string;
	hint(n: number, count: number): string;
	noMoreHints: string;
	solution: string;
	resetDone: string;
	allMet: string;
	notATask: string;
	quizRight: string;
	quizWrong: string;
	quizUsage(keys: string[]): string;
	/** After a wrong answer: which choice is right (its explanation follows). */
	quizAnswerIs(key: string, text: string): string;
	/** After a wrong answer: what the learner can do now. */
	quizAgainOrNext: string;
	chapterDone(xp: number, hints: number, solutions: number): string;
	chapterNotDone(stepN: number, count: number, title: string): string;
	cancelled: string;
	confirmUsage: string;
	buildsOn(number: number, prerequisites: {number: number; title: string}[]): string;
};

/** The checker's words: what is (or is not yet) so, in plain language. */
export type CheckMessages = {
	notYet: string; // prefix of the unmet list
	noHost(host: string): string;
	noCluster: string;
	noDocker(host: string): string;
	objectMissing(resource: string, name: string): string;
	objectExists(resource: string, name: string): string;
	fieldDiffers(resource: string, name: string, path: string, actual: string, wanted: string): string;
	statusNotObserved(resource: string, name: string): string;
	fieldsMatch(resource: string, name: string): string;
	podMissing(what: string): string;
	podIs(what: string, state: string): string;
	podIsNot(what: string, actual: string, wanted: string): string;
	podOnNode(what: string, node: string): string;
	podNotOnNode(what: string, actual: string | undefined, wanted: string): string;
	podContainers(what: string, actual: number, wanted: number): string;
	podReady(what: string, ready: boolean): string;
	podRestarts(what: string, actual: number, wanted: string): string;
	podWaiting(what: string, reason: string, actual: string[]): string;
	/** Added to an author's own "not yet" words when the pod is stuck in a state waiting will not fix (ImagePullBackOff). */
	podStuck(what: string, reasons: string[]): string;
	countIs(what: string, actual: number, wanted: string): string;
	nodeMissing(name: string): string;
	nodeReady(name: string, ready: boolean): string;
	component(name: string, running: boolean): string;
	processMissing(command: string, host: string): string;
	processFound(command: string, host: string): string;
	processNotOwnNamespace(command: string, kinds: string[]): string;
	processPidInside(command: string, actual: number, wanted: number): string;
	processCgroup(command: string, actual: string, wanted: string): string;
	processCount(command: string, actual: number, wanted: string): string;
	cgroupMissing(path: string, host: string): string;
	cgroupValue(path: string, file: string, actual: string, wanted: string): string;
	cgroupOk(path: string): string;
	hostnameFound(name: string, where: string): string;
	hostnameMissing(name: string, where: string, seen: string[]): string;
	fileMissing(path: string, where: string): string;
	fileExists(path: string, where: string): string;
	fileLacks(path: string, where: string, wanted: string): string;
	fileDiffers(path: string, where: string): string;
	fileMatches(path: string, where: string): string;
	containerMissing(what: string, host: string): string;
	containerState(what: string, actual: string, wanted: string): string;
	containerNoLog(what: string, text: string): string;
	imageMissing(ref: string, where: string): string;
	imagePresent(ref: string, where: string): string;
	layersShared(images: string[], actual: number, wanted: string): string;
	eventMissing(what: string): string;
	eventSeen(what: string): string;
	commandMissing(pattern: string, succeeded?: boolean): string;
	commandUsed(pattern: string): string;
	timePassed(seconds: number): string;
	timeNotPassed(seconds: number, wanted: number): string;
	shellWhere(actual: string, wanted: string): string;
	anyOf(options: string[]): string;
	notSo(met: string): string;
	count(match: {atLeast?: number; atMost?: number; equals?: number}): string;
	registry: string;
	onHost(host: string): string;
	inContainer(name: string): string;
	ownUts: string;
	hostUts: string;
};
