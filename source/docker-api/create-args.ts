// POST /containers/create's JSON, as the `docker create` arguments the built-in command takes: the
// API request then changes the world exactly as the typed command would.

type PortBindings = Record<string, {HostIp?: string; HostPort?: string}[] | null>;

export type CreateBody = {
	Image?: unknown;
	Cmd?: unknown;
	Entrypoint?: unknown;
	Env?: unknown;
	Tty?: unknown;
	OpenStdin?: unknown;
	User?: unknown;
	WorkingDir?: unknown;
	Hostname?: unknown;
	Labels?: unknown;
	HostConfig?: {
		PortBindings?: PortBindings;
		PublishAllPorts?: unknown;
		RestartPolicy?: {Name?: unknown; MaximumRetryCount?: unknown};
		AutoRemove?: unknown;
		Memory?: unknown;
		NanoCpus?: unknown;
		Binds?: unknown;
		NetworkMode?: unknown;
		PidMode?: unknown;
		UTSMode?: unknown;
		IpcMode?: unknown;
	};
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The `docker create` arguments (flags, image, command) for a create request, or what is wrong with it. */
export function createArgs(body: CreateBody, name: string | undefined): string[] | {error: string} {
	const image = text(body.Image);
	if (!image) return {error: 'No command specified'};
	const args: string[] = [];
	if (name) args.push('--name', name);
	for (const pair of strings(body.Env)) args.push('-e', pair);
	if (body.Tty === true) args.push('-t');
	if (body.OpenStdin === true) args.push('-i');
	const user = text(body.User);
	if (user) args.push('-u', user);
	const workdir = text(body.WorkingDir);
	if (workdir) args.push('-w', workdir);
	const hostname = text(body.Hostname);
	if (hostname) args.push('-h', hostname);
	if (body.Labels && typeof body.Labels === 'object') for (const [k, v] of Object.entries(body.Labels)) args.push('-l', `${k}=${String(v)}`);
	const host = body.HostConfig ?? {};
	for (const [port, bindings] of Object.entries(host.PortBindings ?? {})) {
		for (const b of bindings ?? [{}]) {
			const ip = b.HostIp ? `${b.HostIp}:` : '';
			args.push('-p', b.HostPort || ip ? `${ip}${b.HostPort ?? ''}:${port}` : port);
		}
	}
	if (host.PublishAllPorts === true) args.push('-P');
	const restart = text(host.RestartPolicy?.Name);
	if (restart && restart !== 'no') args.push('--restart', restart === 'on-failure' && Number(host.RestartPolicy?.MaximumRetryCount) > 0 ? `on-failure:${Number(host.RestartPolicy?.MaximumRetryCount)}` : restart);
	if (host.AutoRemove === true) args.push('--rm');
	if (typeof host.Memory === 'number' && host.Memory > 0) args.push('-m', String(host.Memory));
	if (typeof host.NanoCpus === 'number' && host.NanoCpus > 0) args.push('--cpus', String(host.NanoCpus / 1e9));
	for (const bind of strings(host.Binds)) args.push('-v', bind);
	const network = text(host.NetworkMode);
	if (network && network !== 'default' && network !== 'bridge') args.push('--network', network);
	for (const [flag, value] of [['--pid', host.PidMode], ['--uts', host.UTSMode], ['--ipc', host.IpcMode]] as const) {
		const mode = text(value);
		if (mode && mode !== 'private' && mode !== 'shareable') args.push(flag, mode);
	}
	// --entrypoint takes one word: the rest of an entrypoint array runs as the start of the command.
	const entrypoint = strings(body.Entrypoint);
	const command = strings(body.Cmd);
	if (Array.isArray(body.Entrypoint) && entrypoint.length === 0) args.push('--entrypoint', '');
	if (entrypoint.length) args.push('--entrypoint', entrypoint[0]!);
	args.push(image, ...entrypoint.slice(1), ...command);
	return args;
}
