// Which simulated app an image runs, and how it answers.
//
// An image's app is inferred from what it would really execute, so a learner's own Dockerfile
// and app.js work without any tutor-specific label: when the entrypoint/cmd runs `node FILE` and
// FILE (read from the image's layers) calls `createServer` and `.listen(PORT)`, the app is an HTTP
// server on PORT whose response is the expression passed to `response.end(...)`, evaluated with
// string literals, `os.hostname()` and the request's `remoteAddress`. The book's app.js answers
// "You've hit <hostname>" that way, and an edited app.js answers with the edited text. Console
// lines outside the handler are startup logs; those that mention the request are per-request logs.
// A label `tutor.app=<name>` overrides the inference; catalog images (nginx) carry their profile.
import {digestHex} from '../hash.ts';
import {lookupFile} from '../host/filesystem.ts';
import type {Filesystem} from '../host/types.ts';
import type {World} from '../world.ts';
import type {AppProfile, Image, ResponsePart} from './types.ts';

export {nginxWelcomePage} from '../network/apps.ts';

export const nginxProfile: AppProfile = {
	name: 'nginx',
	port: 80,
	body: [{text: ''}], // served from /usr/share/nginx/html/index.html, see responseBody
	startupLog: [
		'/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
		'/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
		'/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
		'10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
		'10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
		'/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
		'/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
		'/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
		'/docker-entrypoint.sh: Configuration complete; ready for start up',
		'{time} [notice] 1#1: using the "epoll" event method',
		'{time} [notice] 1#1: nginx/1.27.3',
		'{time} [notice] 1#1: start worker processes',
	].map(line => [{text: line}]),
	requestLog: [[{value: 'remoteAddress'}, {text: ' - - [{clf}] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"'}]],
	memoryBytes: 7 * 1024 * 1024,
	handlesSigterm: true,
};

/** registry:2 (distribution 2.8.3): its HTTP API on 5000, its logfmt lines (local-registry.ts keeps what is pushed). */
export const registryProfile: AppProfile = {
	name: 'registry',
	port: 5000,
	body: [],
	startupLog: [
		'time="{rfc3339}" level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable." go.version=go1.20.8 instance.id={instance} service=registry version=2.8.3',
		'time="{rfc3339}" level=info msg="redis not configured" go.version=go1.20.8 instance.id={instance} service=registry version=2.8.3',
		'time="{rfc3339}" level=info msg="Starting upload purge in 20m0s" go.version=go1.20.8 instance.id={instance} service=registry version=2.8.3',
		'time="{rfc3339}" level=info msg="using inmemory blob descriptor cache" go.version=go1.20.8 instance.id={instance} service=registry version=2.8.3',
		'time="{rfc3339}" level=info msg="listening on [::]:5000" go.version=go1.20.8 instance.id={instance} service=registry version=2.8.3',
	].map(line => [{text: line}]),
	requestLog: [[{value: 'remoteAddress'}, {text: ' - - [{clf}] "GET /v2/ HTTP/1.1" 200 2 "" "curl/8.5.0"'}]],
	memoryBytes: 9 * 1024 * 1024,
	handlesSigterm: true,
};

/** The app profile of an image, from its label, its catalog profile, or its node entry script. */
export function inferAppProfile(w: World, image: Pick<Image, 'layers' | 'config'>): AppProfile | undefined {
	const label = image.config.labels['tutor.app'];
	if (label === 'nginx') return nginxProfile;
	if (image.config.appProfile) return image.config.appProfile;
	const full = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
	// An entrypoint script (docker-entrypoint.sh) execs its arguments: look at what it runs.
	const argv = full.length > 1 && /(^|\/)[\w.-]*entrypoint\.sh$/.test(full[0]!) ? full.slice(1) : full;
	const shellForm = argv[0] === '/bin/sh' && argv[1] === '-c' ? (argv[2] ?? '').split(/\s+/) : argv;
	const program = (shellForm[0] ?? '').split('/').pop();
	if (program === 'nginx') return nginxProfile;
	if ((program === 'python3' || program === 'python') && shellForm[1] === '-m' && shellForm[2] === 'http.server') {
		const port = Number(shellForm.slice(3).find(word => /^\d+$/.test(word)) ?? 8000);
		return {name: 'python-http', port, body: [], startupLog: [[{text: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`}]], requestLog: [[{value: 'remoteAddress'}, {text: ' - - [{clf}] "GET / HTTP/1.1" 200 -'}]], memoryBytes: 12 * 1024 * 1024, handlesSigterm: false};
	}
	const nodeAt = shellForm.findIndex(word => word === 'node' || word.endsWith('/node') || word === 'nodejs');
	const script = nodeAt >= 0 ? shellForm.slice(nodeAt + 1).find(word => !word.startsWith('-')) : undefined;
	if (!script) return undefined;
	const fs: Filesystem = {id: 'inspect', kind: 'overlay', lower: [...image.layers].reverse(), upper: new Map()};
	const path = script.startsWith('/') ? script : `${image.config.workdir === '/' ? '' : image.config.workdir}/${script}`;
	const found = lookupFile(w, fs, path.replace(/\/+/g, '/'));
	if (!found || found.node.type !== 'file') return undefined;
	return nodeServerProfile(found.node.content, label);
}

/** Reads a node script's server: its port, its response and its console lines. */
export function nodeServerProfile(source: string, name?: string): AppProfile | undefined {
	if (!/createServer\s*\(/.test(source) && !/express\s*\(\s*\)/.test(source)) return undefined;
	const listen = source.match(/\.listen\s*\(([^)]*)\)/);
	const numbers = listen?.[1]!.match(/\d+/g);
	const port = numbers ? Number(numbers[numbers.length - 1]) : 3000;
	const endArgs = callArguments(source, /\.(?:end|send)\s*\(/g);
	const body = endArgs.map(evaluateExpression).find(parts => parts.length > 0) ?? [];
	const logs = callArguments(source, /console\.log\s*\(/g).map(arg => ({arg, parts: evaluateExpression(arg)}));
	const requestLog = logs.filter(l => /\b(req|request)\b/.test(l.arg)).map(l => l.parts);
	const startupLog = logs.filter(l => !/\b(req|request)\b/.test(l.arg)).map(l => l.parts);
	const text = body.map(p => ('text' in p ? p.text : '')).join('');
	return {
		name: name ?? (text.includes("You've hit") ? 'kubia' : 'node-http'),
		port,
		body,
		startupLog,
		requestLog,
		memoryBytes: 28 * 1024 * 1024,
		handlesSigterm: /process\.on\s*\(\s*['"]SIGTERM/.test(source),
	};
}

/** The argument text of every call matching `opener` (which ends at the open parenthesis). */
function callArguments(source: string, opener: RegExp): string[] {
	const out: string[] = [];
	for (const match of source.matchAll(opener)) {
		let depth = 1;
		let quote = '';
		let i = match.index! + match[0].length;
		const start = i;
		for (; i < source.length && depth > 0; i++) {
			const c = source[i]!;
			if (quote) {
				if (c === '\\') i++;
				else if (c === quote) quote = '';
			} else if (c === '"' || c === "'" || c === '`') quote = c;
			else if (c === '(') depth++;
			else if (c === ')') depth--;
		}
		if (depth === 0) out.push(source.slice(start, i - 1));
	}
	return out;
}

/** Evaluates `"You've hit " + os.hostname() + "\n"` into parts; unknown terms are left out. */
export function evaluateExpression(expression: string): ResponsePart[] {
	const parts: ResponsePart[] = [];
	for (const term of splitTopLevel(expression, '+')) {
		const t = term.trim();
		const quoted = t.match(/^(['"])([\s\S]*)\1$/);
		if (quoted) parts.push({text: unescape(quoted[2]!)});
		else if (/^`[\s\S]*`$/.test(t)) {
			for (const piece of t.slice(1, -1).split(/(\$\{[^}]*\})/)) {
				if (piece.startsWith('${')) parts.push(...evaluateExpression(piece.slice(2, -1)));
				else if (piece) parts.push({text: unescape(piece)});
			}
		} else if (/hostname\s*\(\s*\)$/.test(t)) parts.push({value: 'hostname'});
		else if (/remoteAddress$|\.ip$/.test(t)) parts.push({value: 'remoteAddress'});
	}
	return parts;
}

function splitTopLevel(text: string, separator: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let quote = '';
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			current += c;
			if (c === '\\') current += text[++i] ?? '';
			else if (c === quote) quote = '';
			continue;
		}
		if (c === '"' || c === "'" || c === '`') quote = c;
		else if (c === '(' || c === '[' || c === '{') depth++;
		else if (c === ')' || c === ']' || c === '}') depth--;
		if (c === separator && depth === 0) {
			out.push(current);
			current = '';
		} else current += c;
	}
	out.push(current);
	return out.filter(part => part.trim() !== '');
}

function unescape(text: string): string {
	return text.replace(/\\(.)/g, (_, c: string) => ({n: '\n', t: '\t', r: '\r'})[c] ?? c);
}

export type RequestContext = {hostname: string; remoteAddress: string; time: number};

/** Renders parts for one request; `{clf}` and `{time}` stand for the request's timestamp. */
export function renderParts(parts: ResponsePart[], ctx: RequestContext): string {
	return parts
		.map(p => ('text' in p ? p.text : p.value === 'hostname' ? ctx.hostname : ctx.remoteAddress))
		.join('')
		.replace('{clf}', clfTime(ctx.time))
		.replace('{time}', nginxTime(ctx.time))
		.replace(/\{rfc3339\}/g, new Date(ctx.time).toISOString().replace('Z', '000000Z'))
		.replace(/\{instance\}/g, () => {
			const hex = digestHex(`instance/${ctx.hostname}`, 32);
			return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
		});
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clfTime(epochMs: number): string {
	const d = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function nginxTime(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}
