// The shape of the tutor's own words (chapter texts live with their chapters): one type per
// screen, one Messages type that every locale's file is checked against.
import type {CheckMessages, LessonText} from './messages-lessons.ts';
import type {AfterClassText, HostCommandText, HostText, InstructorText, ProjectorText, StudentText} from './messages-classroom.ts';
import type {UiText} from './messages-screens.ts';
import type {ChallengeText} from './messages-challenge.ts';

export type {CheckMessages, LessonText} from './messages-lessons.ts';
export type {AfterClassText, HostCommandText, HostText, InstructorText, ProjectorText, StudentText} from './messages-classroom.ts';
export type {KeysText, PaneText, UiText, XrayText} from './messages-screens.ts';
export type {ChallengeText} from './messages-challenge.ts';

export type Messages = {
	/** The lesson engine's words (plain mode and the session). */
	lesson: LessonText;
	/** The checker's words: what is, or is not yet, so. */
	check: CheckMessages;
	/** The container chapters' leaf checks (network namespaces, cgroup limits). */
	leaves: LeafText;
	/** `k8s-tutor lessons`: the plain chapter list. */
	menu: MenuText;
	/** The dashboard: status bar, prompt, panes, x-ray. */
	ui: UiText;
	/** The classroom host's plain lines. */
	host: HostText;
	/** What a joined student reads about the classroom. */
	student: StudentText;
	/** The instructor's dashboard. */
	instructor: InstructorText;
	/** The projector page. */
	projector: ProjectorText;
	/** The plain host's replies to the instructor's typed commands, and its refusals. */
	hostCommand: HostCommandText;
	/** `classroom report` and `classroom replay`. */
	afterClass: AfterClassText;
	/** The Kubernetes API endpoint (--api) for the learner's own kubectl. */
	api: ApiText;
	/** The final challenge (chapter 10). */
	challenge: ChallengeText;
	/** The Docker Engine endpoint (--docker-api) for the learner's own docker CLI. */
	dockerApi: DockerApiText;
};

export type DockerApiText = {
	serving(host: string, dockerHost: string): string;
	/** The status bar's short form. */
	notice(dockerHost: string): string;
	/** --docker-api-tcp ADDR: not served (the daemon would need TLS). */
	tcpRefused(value: string): string;
	socketBusy(path: string): string;
	socketPathTooLong(path: string): string;
};

export type ApiText = {
	serving(url: string, kubeconfig: string): string;
	/** The status bar's short form. */
	notice(url: string): string;
	wideBind(bind: string): string;
	portBusy(port: number): string;
};

export type LeafText = {
	noHost: (host: string) => string;
	where: (netns: string) => string;
	ifaceIn: (name: string, where: string) => string;
	ifaceNotIn: (name: string, where: string, actual?: string) => string;
	ifaceNotPeer: (name: string, peer: string) => string;
	noContainer: (name: string, host: string) => string;
	noGroup: (name: string) => string;
	value: (name: string, file: string, actual: string, wanted: string) => string;
	ok: (name: string) => string;
};

export type MenuText = {
	/** A locked chapter: the chapters (numbers, comma-separated) to finish first. */
	locked: (chapters: string) => string;
	resumeAt: (title: string) => string;
	total: (xp: number) => string;
};

/** A locale's translation: any message may be missing (it is then said in English). */
export type Translation<T = Messages> = {
	[K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? Translation<T[K]> : T[K];
};
