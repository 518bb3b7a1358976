// Chapter 4's closing text must be true to what its world did: host-2 starts with no images, so
// its first `docker run learner/kubia` downloads every layer (the push sent only one).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {projectRoot, runCli} from '../../helpers/built-cli.ts';

test('chapter 4 ends saying host-2 pulled every layer, which is what its world does', () => {
	const input = readFileSync(join(projectRoot, 'test/scripts/plain-chapters-1-5/ch4.txt'), 'utf8');
	const run = runCli(['start', '4', '--plain'], {input});
	const pulled = run.stdout.match(/Pulled learner\/kubia:latest \((\d+) of (\d+) layers downloaded\)/);
	assert.ok(pulled, run.stdout.slice(-2000));
	assert.equal(pulled[1], pulled[2], 'host-2 downloads every layer of learner/kubia');
	assert.match(run.stdout, /Pushed learner\/kubia:latest to docker\.io \(1 new layer/);

	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 4)!;
	const summary = (locale: 'en' | 'zh-CN') => chapter.texts[locale]!.steps.get('summary')!.body;
	assert.doesNotMatch(summary('en'), /so little/);
	assert.match(summary('en'), /host-2 had to pull every layer/);
	assert.match(summary('zh-CN'), /host-2 却要拉取镜像的每一层/);
});
