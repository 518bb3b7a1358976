// What can be wrong with a session folder, in a file of its own: the message catalogue
// (i18n/messages-classroom.ts) words it, and session-folder.ts, which reads the catalogue, raises it.

/** What is wrong with a session folder: the instructor reads it in their language (source/i18n: hostCommand.sessionProblem). */
export type SessionProblem =
	| {kind: 'not-a-session'; dir: string}
	| {kind: 'bad-json'; path: string}
	| {kind: 'unknown-format'; path: string}
	| {kind: 'other-files'; dir: string}
	| {kind: 'locked'; dir: string; pid: number}
	| {kind: 'cannot-lock'; dir: string};
