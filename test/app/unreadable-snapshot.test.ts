// A saved world that cannot be read: the screen shows the same line plain mode prints.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {openChapter} from '../../source/app/tutorial.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {plainLessonHooks} from '../../source/lessons/plain-hooks.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {messages} from '../../source/i18n/catalog.ts';

const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 2)!;
const stepId = chapter.meta.steps[1]!.id;

function damagedStore() {
	const store = memoryProgressStore({version: 1, chapters: {[chapter.meta.id]: {steps: {}, currentStep: stepId, snapshot: {stepId, savedAt: '2026-01-01T00:00:00.000Z'}}}} as never);
	store.saveSnapshot(chapter.meta.id, {not: 'a world'});
	return store;
}

test('an unreadable saved world: the same line on the screen as in plain mode', () => {
	const line = messages('en').lesson.snapshotUnreadable;
	const options = {lang: 'en' as const, color: false, interactiveInput: true, disk: memoryDisk(), version: 'test'};
	const screen = openChapter(chapter, {...options, plain: false}, damagedStore());
	assert.ok(screen.controller.snapshot().output.some(entry => entry.kind === 'system' && entry.text === line), JSON.stringify(screen.controller.snapshot().output));
	const plain = openChapter(chapter, {...options, plain: true}, damagedStore());
	assert.ok(plainLessonHooks(plain.session, plain.controller).intro!().includes(line));
	assert.equal(plain.controller.snapshot().output.length, 0);
});
