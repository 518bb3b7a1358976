// What the projector page shows: the room in large type, for everyone to see. Only counts,
// raised hands and (unless anonymous) names; never the join code, commands or unmet checks.
import {chapterSummaries} from './export.ts';
import {defaultStuckRule, stuckKind, stuckScope, type Room, type StuckRule} from './room.ts';

export type ProjectorSnapshot = {
	students: number;
	online: number;
	stuck: number;
	paused: boolean;
	chapters: {chapter: string; chapterNumber: number; students: number; finished: number; passedPerStep: number[]; onStep: number[]}[];
	hands: {name?: string; chapter?: string; step?: string}[];
};

export function projectorSnapshot(room: Room, options: {now: number; online: (id: string) => boolean; anonymous: boolean; rule?: StuckRule}): ProjectorSnapshot {
	const students = room.studentOrder.map(id => room.students[id]!);
	const scope = stuckScope(room);
	const chapters = chapterSummaries(room).map(summary => {
		const onStep = summary.passedPerStep.map(() => 0);
		for (const student of students) {
			const current = student.current;
			if (current?.chapterId === summary.chapter && student.finished[summary.chapter] === undefined && current.stepIndex < onStep.length) onStep[current.stepIndex]!++;
		}
		return {...summary, onStep};
	});
	const hands = students
		.filter(student => student.hand)
		.sort((a, b) => a.hand!.at - b.hand!.at)
		.map(student => ({
			...(options.anonymous ? {} : {name: student.name}),
			...(student.hand!.chapterId ? {chapter: student.hand!.chapterId, step: `${student.hand!.stepIndex! + 1}/${student.hand!.stepCount}`} : {}),
		}));
	return {
		students: students.length,
		online: students.filter(student => options.online(student.id)).length,
		stuck: students.filter(student => stuckKind(student, options.now, options.online(student.id), options.rule ?? defaultStuckRule, scope) !== undefined).length,
		paused: room.paused,
		chapters,
		hands,
	};
}
