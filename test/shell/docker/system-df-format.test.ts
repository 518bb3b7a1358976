// docker system df --format (it was ignored). docker 28.2.2 cli/command/formatter/disk_usage.go:
// NewDiskUsageFormat: without -v "table" is the default table and any other format goes through
// each summary row ("json" = {{json .}}: the context's MarshalJSON, json.Marshal of a map, so sorted
// keys); with -v, "table" is the sections and "json" executes {{json .}} once on diskUsageContext
// {Images, Containers, Volumes, BuildCache} with tmpl.Execute (no newline after it); items untruncated.
// formatter/image.go: Size HumanSizeWithPrecision(3), VirtualSize/SharedSize/UniqueSize HumanSize.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {marshalContext} from '../../../source/shell/commands/docker/go-format.ts';
import {dockerShell, run} from './helpers.ts';

test('docker system df --format json: one JSON object per summary row, keys sorted', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	const out = run(shell, 'docker system df --format json');
	assert.equal(out.exitCode, 0, out.stderr);
	const lines = out.stdout.trimEnd().split('\n');
	assert.equal(lines.length, 4);
	assert.deepEqual(lines.map(l => Object.keys(JSON.parse(l))), Array(4).fill(['Active', 'Reclaimable', 'Size', 'TotalCount', 'Type']));
	assert.deepEqual(lines.map(l => JSON.parse(l).Type), ['Images', 'Containers', 'Local Volumes', 'Build Cache']);
	assert.equal(JSON.parse(lines[0]!).TotalCount, '1');
	assert.equal(run(shell, "docker system df --format '{{.Type}}: {{.TotalCount}}'").stdout, 'Images: 1\nContainers: 0\nLocal Volumes: 0\nBuild Cache: 0\n');
	assert.match(run(shell, "docker system df --format 'table {{.Type}}\\t{{.Active}}'").stdout, /^TYPE +ACTIVE\nImages +0\n/);
	assert.equal(run(shell, 'docker system df --format table').stdout, run(shell, 'docker system df').stdout);
	// disk_usage.go Reclaimable(): the percentage only `if c.totalSize > 0`.
	const empty = dockerShell();
	assert.equal(JSON.parse(run(empty, 'docker system df --format json').stdout.split('\n')[0]!).Reclaimable, '0B', 'no images: no percentage');
	assert.equal(run(shell, "docker system df --format '{{.Nope}}'").stderr, 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.diskUsageImagesContext\n');
});

test('docker system df -v --format json: one object of the four sections, items as their contexts marshal them', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, 'docker volume create site');
	run(shell, 'docker run -d --name web -v site:/data busybox sleep 600');
	const out = run(shell, 'docker system df -v --format json');
	assert.equal(out.exitCode, 0, out.stderr);
	assert.ok(!out.stdout.endsWith('\n'), 'tmpl.Execute writes no newline');
	const parsed = JSON.parse(out.stdout) as Record<string, Record<string, unknown>[]>;
	assert.deepEqual(Object.keys(parsed), ['Images', 'Containers', 'Volumes', 'BuildCache']);
	assert.deepEqual(Object.keys(parsed.Images![0]!), ['Containers', 'CreatedAt', 'CreatedSince', 'Digest', 'ID', 'Repository', 'SharedSize', 'Size', 'Tag', 'UniqueSize', 'VirtualSize']);
	assert.match(parsed.Images![0]!.ID as string, /^sha256:[0-9a-f]{64}$/, 'untruncated');
	assert.equal(parsed.Images![0]!.Containers, '1');
	const web = parsed.Containers![0]!;
	assert.deepEqual(Object.keys(web), ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Platform', 'Ports', 'RunningFor', 'Size', 'State', 'Status']);
	assert.equal(web.Names, 'web');
	assert.equal(web.State, 'running');
	assert.match(web.CreatedAt as string, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$/);
	assert.deepEqual(parsed.Volumes!.map(v => [v.Name, v.Links, v.Driver, v.Group]), [['site', '1', 'local', 'N/A']]);
	assert.deepEqual(parsed.BuildCache, []);
	assert.equal(run(shell, 'docker system df -v --format table').stdout, run(shell, 'docker system df -v').stdout);
});

test('{{json .}} of a context is Go\'s json.Marshal of a map: sorted keys, <, > and & escaped', () => {
	assert.equal(marshalContext({Tag: '<none>', Repository: 'a&b'}), '{"Repository":"a\\u0026b","Tag":"\\u003cnone\\u003e"}');
});
