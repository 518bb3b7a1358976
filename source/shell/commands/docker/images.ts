// docker images / image ls, history, tag, rmi
import {produce} from 'immer';
import {splitTagKey} from '../../../engine/docker/image-ref.ts';
import {imageSize, removeImage, tagImage, tagsOf} from '../../../engine/docker/images.ts';
import {resolveImage} from '../../../engine/docker/runtime.ts';
import {humanDuration, humanSize, shortId} from '../../../engine/docker/units.ts';
import type {Image} from '../../../engine/docker/types.ts';
import {worldEpoch} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {daemonError, ellipsis, fail, ok, table, usageError} from './format.ts';
import {formatRows, goTimeString} from './go-format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, parseFlags} from './flags.ts';

export function ago(now: number, then: number): string {
	return `${humanDuration(now - then)} ago`;
}

export function dockerImages(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('images'));
	if (!parsed.ok) return usageError(parsed.error, 'images');
	const {flags} = parsed;
	const filter = flags.positionals[0];
	const rows: {repo: string; tag: string; image: Image}[] = [];
	for (const image of call.daemon.images.values()) {
		const tags = tagsOf(call.daemon, image.id);
		if (tags.length === 0) {
			// Untagged images that others are built on are not dangling: only -a shows them.
			const hasChildren = [...call.daemon.images.values()].some(other => other.parent === image.id);
			if ((image.intermediate || hasChildren) && !flagSet(flags, '-a')) continue;
			if (!filter) rows.push({repo: '<none>', tag: '<none>', image});
			continue;
		}
		for (const key of tags) {
			const {repository, tag} = splitTagKey(key);
			if (filter && !matchesRepository(filter, repository, tag)) continue;
			rows.push({repo: repository, tag, image});
		}
	}
	for (const filterText of flagValues(flags, '-f')) {
		const eq = filterText.indexOf('=');
		const [key, value] = [filterText.slice(0, eq < 0 ? undefined : eq), eq < 0 ? '' : filterText.slice(eq + 1)];
		if (key === 'dangling') {
			const wanted = value === 'true' || value === '1';
			for (let i = rows.length - 1; i >= 0; i--) if ((rows[i]!.repo === '<none>') !== wanted) rows.splice(i, 1);
		} else if (key === 'reference') {
			const re = new RegExp('^' + value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/:]*') + '$');
			for (let i = rows.length - 1; i >= 0; i--) if (!re.test(rows[i]!.repo) && !re.test(`${rows[i]!.repo}:${rows[i]!.tag}`)) rows.splice(i, 1);
		} else if (key === 'label' || key === 'before' || key === 'since' || key === 'until') {
			continue;
		} else return daemonError(`invalid filter '${key}'`);
	}
	rows.sort((a, b) => b.image.created - a.image.created || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : a.tag < b.tag ? -1 : 1));
	const note = flags.notSimulated.length ? `[simulator] ${flags.notSimulated.join(', ')}: accepted, not simulated here\n` : '';
	const idOf = (image: Image) => (flagSet(flags, '--no-trunc') ? image.id : shortId(image.id));
	if (flagSet(flags, '-q')) return ok([...new Set(rows.map(r => idOf(r.image)))].map(id => id + '\n').join(''), {stderr: note});
	const now = call.world.time;
	const body = rows.map(r => [r.repo, r.tag, idOf(r.image), ago(now, r.image.created), humanSize(imageSize(call.world, r.image))]);
	const format = flagValue(flags, '--format');
	if (format) {
		const fields = body.map((b, i) => ({Repository: b[0]!, Tag: b[1]!, ID: b[2]!, CreatedSince: b[3]!, CreatedAt: goTimeString(rows[i]!.image.created), Size: b[4]!, Digest: '<none>'}));
		const out = formatRows(format, fields, {Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Digest: 'DIGEST'}, '*formatter.ImageContext');
		return typeof out === 'string' ? ok(out, {stderr: note}) : fail(out.error, 1);
	}
	return ok(table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...body]), {stderr: note});
}

function matchesRepository(filter: string, repository: string, tag: string): boolean {
	const [repoPart, tagPart] = filter.includes(':') ? [filter.slice(0, filter.lastIndexOf(':')), filter.slice(filter.lastIndexOf(':') + 1)] : [filter, undefined];
	const normalized = repoPart.replace(/^docker\.io\//, '').replace(/^library\//, '');
	return normalized === repository && (tagPart === undefined || tagPart === tag);
}

export function dockerHistory(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('history'));
	if (!parsed.ok) return usageError(parsed.error, 'history');
	const ref = parsed.flags.positionals[0];
	if (!ref || parsed.flags.positionals.length > 1) return fail(`docker: 'docker history' requires 1 argument\n\nUsage:  docker history [OPTIONS] IMAGE\n\nRun 'docker history --help' for more information`, 1);
	const image = resolveImage(call.daemon, ref);
	if (!image) return daemonError(`No such image: ${ref.includes(':') || /^[0-9a-f]{6,}$/.test(ref) ? ref : `${ref}:latest`}`);
	const noTrunc = flagSet(parsed.flags, '--no-trunc');
	const human = flagValue(parsed.flags, '-H') !== 'false';
	const ids = image.stepIds ?? image.history.map((_, i) => (i === image.history.length - 1 ? image.id : null));
	const rows = image.history
		.map((entry, i) => {
			const id = ids[i] ?? null;
			const size = entry.layerId ? (call.world.layers.get(entry.layerId)?.sizeBytes ?? 0) : 0;
			const createdBy = noTrunc ? entry.createdBy : ellipsis(entry.createdBy.replace(/[\t\n]/g, ' '), 45);
			return [id ? (noTrunc ? id : shortId(id)) : '<missing>', human ? ago(call.world.time, entry.created) : new Date(worldEpoch + entry.created).toISOString().replace(/\.\d{3}Z$/, 'Z'), createdBy, human ? humanSize(size) : String(size), entry.comment ?? (/# buildkit$/.test(entry.createdBy) || !entry.createdBy.startsWith('/bin/sh') ? 'buildkit.dockerfile.v0' : '')];
		})
		.reverse();
	if (flagSet(parsed.flags, '-q')) return ok(rows.map(r => r[0] + '\n').join(''));
	return ok(table([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...rows]));
}

export function dockerTag(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('tag'));
	if (!parsed.ok) return usageError(parsed.error, 'tag');
	const [source, target, ...extra] = parsed.flags.positionals;
	if (!source || !target || extra.length > 0) return fail(`docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information`, 1);
	let error = '';
	const world = produce(call.world, w => {
		const result = tagImage(w, call.host, source, target);
		if (!result.ok) error = result.error;
	});
	if (error) return error.startsWith('Error parsing') ? fail(error, 1) : daemonError(error);
	return ok('', {world});
}

export function dockerRmi(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('rmi'));
	if (!parsed.ok) return usageError(parsed.error, 'rmi');
	const refs = parsed.flags.positionals;
	if (refs.length === 0) return fail(`docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information`, 1);
	let stdout = '';
	let stderr = '';
	const world = produce(call.world, w => {
		for (const ref of refs) {
			const result = removeImage(w, call.host, ref, flagSet(parsed.flags, '-f'));
			if (result.ok) stdout += result.lines.map(l => l + '\n').join('');
			else stderr += `Error response from daemon: ${result.error}\n`;
		}
	});
	return {stdout, stderr, exitCode: stderr ? 1 : 0, world};
}
