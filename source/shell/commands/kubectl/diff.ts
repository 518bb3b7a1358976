// kubectl diff -f: each object as it is live and as it would be after `kubectl apply` (a dry run
// on a copy of the world), compared with `diff -u -N` over two temporary folders, as kubectl does.
// Exit status 1 when something differs, 0 when nothing does.
import {getObject} from '../../../engine/k8s/api-server.ts';
import {resourceByKind} from '../../../engine/k8s/resources.ts';
import {digestHex} from '../../../engine/hash.ts';
import {worldEpoch, type World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {applyManifests} from './apply.ts';
import {flag, flagAll} from './args.ts';
import {fail, type Kctx} from './context.ts';
import {toYaml} from './get.ts';
import {loadManifests} from './manifests.ts';
import {unifiedHunks} from './unified-diff.ts';

/** A file's time as GNU diff labels it: 2026-01-05 09:00:00.123456789 +0000. */
function fileTime(ms: number, nanos: string): string {
	return `${new Date(worldEpoch + ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')}.${nanos} +0000`;
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object as the diff shows it. A dry run bumps no resourceVersion, and (as real transcripts
 * show) the merged side keeps the live last-applied annotation.
 */
function yamlOf(world: World, kind: string, namespace: string | undefined, name: string, live?: World): string {
	const info = resourceByKind(kind)!;
	const get = (w: World) => getObject(w.cluster!, info.resource, info.namespaced ? namespace : undefined, name);
	const obj = get(world);
	if (!obj) return '';
	const {managedFields: _, ...metadata}: Record<string, unknown> = obj.metadata;
	const was = live ? get(live) : undefined;
	if (was) {
		metadata['resourceVersion'] = was.metadata.resourceVersion;
		const annotation = was.metadata.annotations?.[lastApplied];
		if (annotation !== undefined) metadata['annotations'] = {...(metadata['annotations'] as Record<string, string> | undefined), [lastApplied]: annotation};
	}
	return toYaml(JSON.parse(JSON.stringify({...obj, metadata})));
}

export function kubectlDiff(k: Kctx): CommandOutcome {
	if (k.args.positional.length) return fail(`error: Unexpected args: [${k.args.positional.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
	const paths = flagAll(k.args, 'f', 'filename');
	if (paths.length === 0) return fail('error: must specify one of -f and -k');
	const loaded = loadManifests(k.ctx, paths);
	if ('error' in loaded) return fail(loaded.error);
	// What apply would make of the world, kept away from the real one.
	const applied = applyManifests({...k, args: {...k.args, flags: new Map([...k.args.flags].filter(([name]) => name !== 'dry-run'))}}, 'apply');
	if (applied.exitCode !== 0) return {stdout: '', stderr: applied.stderr, exitCode: 1};
	const live = k.ctx.world;
	const merged = applied.world ?? live;
	const seed = `${k.ctx.commandLine}:${live.time}`;
	const liveDir = `/tmp/LIVE-${parseInt(digestHex(`${seed}:live`, 8), 16)}`;
	const mergedDir = `/tmp/MERGED-${parseInt(digestHex(`${seed}:merged`, 8), 16)}`;
	const defaultNs = flag(k.args, 'n', 'namespace') ?? k.ctx.session.namespace ?? 'default';
	const files = loaded.manifests.flatMap(({object}) => {
		const info = resourceByKind(object.kind);
		if (!info || !object.metadata?.name) return [];
		const ns = info.namespaced ? (object.metadata.namespace ?? defaultNs) : '';
		const [group, version] = info.apiVersion.includes('/') ? info.apiVersion.split('/') : ['', info.apiVersion];
		return [{file: `${group ? `${group}.` : ''}${version}.${info.kind}.${ns}.${object.metadata.name}`, before: yamlOf(live, object.kind, ns, object.metadata.name), after: yamlOf(merged, object.kind, ns, object.metadata.name, live)}];
	});
	let stdout = '';
	for (const {file, before, after} of files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
		const hunks = unifiedHunks(before, after);
		if (!hunks) continue;
		const liveTime = before ? fileTime(live.time, '919797841') : '1970-01-01 00:00:00.000000000 +0000';
		stdout += `diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n--- ${liveDir}/${file}\t${liveTime}\n+++ ${mergedDir}/${file}\t${fileTime(live.time, '920797845')}\n${hunks}`;
	}
	return {stdout, exitCode: stdout ? 1 : 0};
}
