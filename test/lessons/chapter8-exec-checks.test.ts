// Chapter 8's two-containers step: `kubectl exec` into web and into sidecar counts however the
// container is named (-c, -cNAME, --container=NAME, --container NAME), and with no container flag
// kubectl defaults to the first container, web (playtest: `--container=sidecar` and
// `kubectl exec duo -- hostname` were refused).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parse} from 'yaml';
import {lineUses} from '../../source/lessons/selectors/history.ts';

const chapter = parse(readFileSync(new URL('../../lessons/08-pods/chapter.yaml', import.meta.url), 'utf8'));
const step = chapter.steps.find((s: {id: string}) => s.id === 'two-containers');
const pattern = (label: string): string => step.check.all.find((c: {label: string}) => c.label === label).command.used;

test('chapter 8: exec into web counts with -c web, --container=web, or no container flag (web is the default)', () => {
	const web = pattern('web-hostname');
	for (const line of ['kubectl exec duo -c web -- hostname', 'kubectl exec duo --container=web -- hostname', 'kubectl exec duo --container web -- hostname', 'kubectl exec duo -cweb -- hostname', 'kubectl exec duo -- hostname', 'kubectl exec -it duo -- sh -c hostname']) {
		assert.ok(lineUses(line, web), line);
	}
	for (const line of ['kubectl exec duo -c sidecar -- hostname', 'kubectl exec duo --container=sidecar -- hostname', 'kubectl exec duo -c sidecar -- sh -c hostname', 'kubectl exec other -- hostname']) {
		assert.ok(!lineUses(line, web), line);
	}
});

test('chapter 8: exec into sidecar counts with -c sidecar, --container=sidecar, --container sidecar', () => {
	const sidecar = pattern('sidecar-hostname');
	for (const line of ['kubectl exec duo -c sidecar -- hostname', 'kubectl exec duo --container=sidecar -- hostname', 'kubectl exec duo --container sidecar -- hostname', 'kubectl exec -it duo -c sidecar -- sh -c hostname']) {
		assert.ok(lineUses(line, sidecar), line);
	}
	for (const line of ['kubectl exec duo -- hostname', 'kubectl exec duo -c web -- hostname', 'kubectl exec duo -- sh -c "echo -c sidecar; hostname"']) {
		assert.ok(!lineUses(line, sidecar), line);
	}
});
