// The projector page in a real browser (Debian's chromium, driven by playwright-core): it
// renders, and its numbers change as a student passes a step. Skipped, with the reason printed,
// where no chromium is installed (.ci/run installs it).
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {test} from 'node:test';
import {startHost, stepEntered, student, tempDir} from './helpers.ts';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(path => existsSync(path));

test('the projector page in headless Chromium: completion bars, the step histogram and raised hands update live', {skip: chromium ? false : 'no chromium here (apt-get install -y chromium)'}, async t => {
	const {chromium: browserType} = await import('playwright-core');
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const alice = student(host, 'alice');
	const bob = student(host, 'bob');
	t.after(() => Promise.all([alice.close(), bob.close()]));
	await Promise.all([alice.firstContact(), bob.firstContact()]);
	alice.report(stepEntered('containers', 0, 3));
	bob.report(stepEntered('containers', 0, 3));
	await Promise.all([alice.drain(3000), bob.drain(3000)]);

	const browser = await browserType.launch({executablePath: chromium, args: ['--no-sandbox']});
	t.after(() => browser.close());
	const page = await browser.newPage({viewport: {width: 1280, height: 720}});
	const failed: string[] = [];
	page.on('requestfailed', request => failed.push(request.url()));
	await page.goto(`http://127.0.0.1:${host.port}/room?key=${host.projectorKey}`);
	const histogram = () => page.$$eval('[data-chapter="containers"] [data-step]', bars => bars.map(bar => Number(bar.getAttribute('data-count'))));
	await page.waitForFunction(() => document.querySelectorAll('[data-step]').length === 3);
	assert.deepEqual(await histogram(), [2, 0, 0]);
	assert.equal(await page.textContent('#students'), '2');

	alice.report({kind: 'step-passed', chapterId: 'containers', stepId: 'step-1'});
	alice.report(stepEntered('containers', 1, 3));
	alice.report({kind: 'hand', raised: true});
	await page.waitForFunction(() => document.querySelector('[data-step="2"]')?.getAttribute('data-count') === '1', undefined, {timeout: 5000});
	assert.deepEqual(await histogram(), [1, 1, 0]);
	assert.match((await page.textContent('#hands')) ?? '', /alice · containers 2\/3/);
	// Reaching the summary finishes the chapter: the bar fills and "1 of 2 finished".
	alice.report({kind: 'step-passed', chapterId: 'containers', stepId: 'step-2'});
	alice.report({...stepEntered('containers', 2, 3), stepKind: 'summary'});
	await page.waitForFunction(() => document.querySelector('[data-finished]')?.getAttribute('data-finished') === '1', undefined, {timeout: 5000});
	assert.match((await page.textContent('[data-chapter="containers"] h2')) ?? '', /1 of 2 finished/);
	if (process.env.PROJECTOR_SCREENSHOT) await page.screenshot({path: process.env.PROJECTOR_SCREENSHOT});
	assert.deepEqual(failed, [], 'nothing the page asked for failed (no external assets)');
});
