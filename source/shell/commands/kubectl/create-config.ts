// kubectl create configmap | secret generic | secret docker-registry | secret tls: objects built
// from literals, files, directories and env files, as kubectl's generators build them.
import {base64Encode} from '../../../engine/k8s/config-objects.ts';
import {createObject} from '../../../engine/k8s/api-server.ts';
import type {InputMeta, ObjectInput} from '../../../engine/k8s/object-input.ts';
import {listPath, pathKind, readPath} from '../../paths.ts';
import {readDisk} from '../../read-disk.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';
import {flag, flagAll} from './args.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {toYaml} from './get.ts';

const keyPattern = /^[-._a-zA-Z0-9]+$/;
const keyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const envKeyPattern = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const envKeyMessage = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

type Source = {files: {name: string; content: string}[]} | {error: string};

/** A file or a directory's regular files, from the simulated host first, then the learner's disk. */
function readSource(ctx: CommandContext, path: string): Source {
	const base = (p: string) => p.replace(/\/+$/, '').split('/').pop()!;
	const kind = pathKind(ctx.world, ctx.frame, path);
	if (kind === 'file') {
		const read = readPath(ctx.world, ctx.frame, path);
		if ('content' in read) return {files: [{name: base(path), content: read.content}]};
	}
	if (kind === 'dir') {
		const names = (listPath(ctx.world, ctx.frame, path) ?? []).filter(n => pathKind(ctx.world, ctx.frame, `${path}/${n}`) === 'file');
		return {files: names.map(n => ({name: n, content: (readPath(ctx.world, ctx.frame, `${path}/${n}`) as {content: string}).content ?? ''}))};
	}
	// The learner's real disk: regular files only, and a folder bounded in files and bytes (readDisk, realDisk).
	const read = readDisk(ctx.disk, path);
	if (read.ok) return {files: [{name: base(path), content: read.content}]};
	if (read.problem === 'directory') {
		const dir = path.replace(/\/$/, '');
		const files: {name: string; content: string}[] = [];
		let total = 0;
		const names = ctx.disk.listDirectory(path);
		if (names.length > realFolderFiles) return {error: `error: error reading ${path}: [simulator] the folder holds more than ${realFolderFiles} files, the most k8s-tutor reads at once`};
		for (const n of names) {
			const file = readDisk(ctx.disk, `${dir}/${n}`);
			if (!file.ok) continue; // kubectl takes a folder's regular files only
			total += file.content.length;
			if (total > realFolderBytes) return {error: `error: error reading ${path}: [simulator] the folder holds more than ${realFolderBytes / 1024 / 1024} MiB, the most k8s-tutor reads at once`};
			files.push({name: n, content: file.content});
		}
		return {files};
	}
	if (read.problem === 'missing') return {error: `error: error reading ${path}: no such file or directory`};
	return {error: `error: error reading ${path}: ${read.problem === 'unreadable' ? read.message : `[simulator] ${read.message}`}`};
}

const realFolderFiles = 1000;
const realFolderBytes = 4 * 1024 * 1024;

/** The key/value pairs of --from-literal, --from-file and --from-env-file, or kubectl's error. */
function gatherData(k: Kctx, kind: 'ConfigMap' | 'Secret', name: string): Map<string, string> | string {
	const data = new Map<string, string>();
	const add = (key: string, value: string, validKey = keyPattern.test(key)): string | undefined => {
		if (!validKey) return `error: "${key}" is not a valid key name for a ${kind}: ${keyMessage}`;
		if (data.has(key)) return `error: cannot add key "${key}", another key by that name already exists in Data for ${kind} "${name}"`;
		data.set(key, value);
		return undefined;
	};
	for (const spec of flagAll(k.args, 'from-file')) {
		const eq = spec.indexOf('=');
		const key = eq > 0 ? spec.slice(0, eq) : undefined;
		const path = eq > 0 ? spec.slice(eq + 1) : spec;
		const read = readSource(k.ctx, path);
		if ('error' in read) return read.error;
		if (key !== undefined && read.files.length !== 1) return `error: cannot give a key name for a directory path`;
		for (const file of read.files) {
			const error = add(key ?? file.name, file.content);
			if (error) return error;
		}
	}
	for (const literal of flagAll(k.args, 'from-literal')) {
		const eq = literal.indexOf('=');
		if (eq <= 0) return `error: invalid literal source ${literal}, expected key=value`;
		const error = add(literal.slice(0, eq), literal.slice(eq + 1));
		if (error) return error;
	}
	for (const path of flagAll(k.args, 'from-env-file')) {
		const read = readSource(k.ctx, path);
		if ('error' in read) return read.error;
		for (const line of read.files[0]?.content.split('\n') ?? []) {
			const text = line.replace(/^\uFEFF/, '');
			if (!text.trim() || text.trimStart().startsWith('#')) continue;
			const eq = text.indexOf('=');
			const key = eq >= 0 ? text.slice(0, eq) : text;
			if (!envKeyPattern.test(key)) return `error: "${key}" is not a valid key name: ${envKeyMessage}`;
			if (eq < 0) continue; // a bare name takes its value from kubectl's own environment, empty here
			const error = add(key, text.slice(eq + 1));
			if (error) return error;
		}
	}
	return data;
}

function sorted(data: Map<string, string>, encode: boolean): Record<string, string> | undefined {
	if (data.size === 0) return undefined;
	return Object.fromEntries([...data].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => [key, encode ? base64Encode(value) : value]));
}

/** Builds the object, then prints it (--dry-run=client -o yaml|json), or creates it. */
function finish(k: Kctx, obj: ObjectInput, prefix: string): CommandOutcome {
	const name = obj.metadata.name ?? '';
	const dry = flag(k.args, 'dry-run');
	const dryMode = dry === 'server' ? 'server' : dry && dry !== 'none' && dry !== 'false' ? 'client' : undefined;
	const output = flag(k.args, 'o', 'output');
	if (dryMode === 'client' && (output === 'yaml' || output === 'json')) {
		const metadata = {name, ...(flag(k.args, 'n', 'namespace') ? {namespace: obj.metadata.namespace} : {}), creationTimestamp: null};
		const {kind, apiVersion, metadata: _meta, ...rest} = obj;
		const sent = {kind, apiVersion, metadata, ...rest};
		return {stdout: output === 'yaml' ? toYaml(sent) : JSON.stringify(sent, null, 4) + '\n', exitCode: 0};
	}
	if (dryMode === 'client') return {stdout: `${prefix}/${name} created (dry run)\n`, exitCode: 0};
	const {world, result} = change(k.ctx.world, w => createObject(w, obj));
	if (!result.ok) return fail(serverError(result.error));
	if (dryMode === 'server') return {stdout: `${prefix}/${name} created (server dry run)\n`, exitCode: 0};
	return {stdout: `${prefix}/${name} created\n`, exitCode: 0, world};
}

function meta(k: Kctx, name: string): InputMeta {
	return {name, namespace: namespaceOf(k)};
}

export function kubectlCreateConfigMap(k: Kctx): CommandOutcome {
	const names = k.args.positional.slice(1);
	if (names.length !== 1) return fail(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create configmap -h' for help and examples`);
	const name = names[0]!;
	const data = gatherData(k, 'ConfigMap', name);
	if (typeof data === 'string') return fail(data);
	const obj: ObjectInput = {kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(k, name)};
	const values = sorted(data, false);
	if (values) obj.data = values;
	return finish(k, obj, 'configmap');
}

function dockerConfig(k: Kctx): string | {error: string} {
	const server = flag(k.args, 'docker-server') ?? 'https://index.docker.io/v1/';
	const username = flag(k.args, 'docker-username');
	const password = flag(k.args, 'docker-password');
	if (!username || !password) return {error: 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required'};
	const email = flag(k.args, 'docker-email');
	const entry = {username, password, ...(email ? {email} : {}), auth: base64Encode(`${username}:${password}`)};
	return JSON.stringify({auths: {[server]: entry}});
}

export function kubectlCreateSecret(k: Kctx): CommandOutcome {
	const [, type, ...names] = k.args.positional;
	if (!type) return fail(`error: must specify one of generic, docker-registry or tls\nSee 'kubectl create secret -h' for help and examples`);
	if (!['generic', 'docker-registry', 'tls'].includes(type)) return fail(`error: unknown command "${[type, ...names].join(' ')}"\nSee 'kubectl create secret -h' for help and examples`);
	if (names.length !== 1) return fail(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create secret ${type} -h' for help and examples`);
	const name = names[0]!;
	const obj: ObjectInput = {kind: 'Secret', apiVersion: 'v1', metadata: meta(k, name)};
	if (type === 'generic') {
		const data = gatherData(k, 'Secret', name);
		if (typeof data === 'string') return fail(data);
		const values = sorted(data, true);
		if (values) obj.data = values;
		const secretType = flag(k.args, 'type');
		if (secretType) obj.type = secretType;
	} else if (type === 'docker-registry') {
		const fromFiles = flagAll(k.args, 'from-file');
		let config: string;
		if (fromFiles.length) {
			const data = gatherData(k, 'Secret', name);
			if (typeof data === 'string') return fail(data);
			config = data.get('.dockerconfigjson') ?? [...data.values()][0] ?? '';
		} else {
			const built = dockerConfig(k);
			if (typeof built !== 'string') return fail(built.error);
			config = built;
		}
		obj.data = {'.dockerconfigjson': base64Encode(config)};
		obj.type = 'kubernetes.io/dockerconfigjson';
	} else {
		const cert = flag(k.args, 'cert');
		const key = flag(k.args, 'key');
		if (!cert || !key) return fail(`error: required flag(s) ${[!cert && '"cert"', !key && '"key"'].filter(Boolean).join(', ')} not set`);
		const certFile = readSource(k.ctx, cert);
		if ('error' in certFile) return fail(certFile.error.replace('error reading', 'open').replace(': no such', ': no such'));
		const keyFile = readSource(k.ctx, key);
		if ('error' in keyFile) return fail(keyFile.error.replace('error reading', 'open'));
		const certText = certFile.files[0]?.content ?? '';
		const keyText = keyFile.files[0]?.content ?? '';
		if (!certText.includes('-----BEGIN')) return fail('error: failed to load key pair tls: failed to find any PEM data in certificate input');
		if (!keyText.includes('-----BEGIN')) return fail('error: failed to load key pair tls: failed to find any PEM data in key input');
		obj.data = {'tls.crt': base64Encode(certText), 'tls.key': base64Encode(keyText)};
		obj.type = 'kubernetes.io/tls';
	}
	return finish(k, obj, 'secret');
}
