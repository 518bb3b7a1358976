// What the simulation models of each docker subcommand's flags, by the key `docker SUB --help` is
// found under in help-texts.ts. dockerFlags() (flags.ts) adds every other real flag of the
// subcommand as accepted but not modelled, so a flag docker 28 has is never "unknown"; the parser,
// --help, Tab completion and the "[simulator] X is accepted, not simulated here" notes read this one table.

export type FlagSpec = {
	names: string[]; // ["-p", "--publish"]
	value?: boolean; // takes a value
	repeat?: boolean; // may be given several times
	modelled?: boolean; // false: a real docker flag the simulation accepts but does not model
};

/** docker run's modelled flags (--net is docker's hidden alias of --network); its other real flags come from its help text. */
const runFlags: FlagSpec[] = [
	{names: ['-d', '--detach']},
	{names: ['-i', '--interactive']},
	{names: ['-t', '--tty']},
	{names: ['--rm']},
	{names: ['--name'], value: true},
	{names: ['-p', '--publish'], value: true, repeat: true},
	{names: ['-P', '--publish-all']},
	{names: ['-e', '--env'], value: true, repeat: true},
	{names: ['--env-file'], value: true, repeat: true},
	{names: ['-v', '--volume'], value: true, repeat: true},
	{names: ['-m', '--memory'], value: true},
	{names: ['--cpus'], value: true},
	{names: ['-h', '--hostname'], value: true},
	{names: ['--entrypoint'], value: true},
	{names: ['-w', '--workdir'], value: true},
	{names: ['-u', '--user'], value: true},
	{names: ['-l', '--label'], value: true, repeat: true},
	{names: ['--restart'], value: true},
	{names: ['--network', '--net'], value: true},
	{names: ['--network-alias'], value: true, repeat: true},
	{names: ['--pid'], value: true},
	{names: ['--uts'], value: true},
	{names: ['--ipc'], value: true},
];

/** The modelled (and explicitly unmodelled) flags per subcommand; the rest of a subcommand's real flags come from its help text. */
export const modelledFlags: Record<string, FlagSpec[]> = {
	'ps': [{names: ['-a', '--all']}, {names: ['-q', '--quiet']}, {names: ['-l', '--latest']}, {names: ['-n', '--last'], value: true}, {names: ['--no-trunc']}, {names: ['-s', '--size'], modelled: false}, {names: ['-f', '--filter'], value: true, repeat: true}, {names: ['--format'], value: true}],
	'start': [{names: ['-a', '--attach']}, {names: ['-i', '--interactive'], modelled: false}, {names: ['--detach-keys'], value: true, modelled: false}],
	'stop': [{names: ['-t', '--time', '--timeout'], value: true}, {names: ['-s', '--signal'], value: true}],
	'kill': [{names: ['-s', '--signal'], value: true}],
	'restart': [{names: ['-t', '--time', '--timeout'], value: true}, {names: ['-s', '--signal'], value: true}],
	'rm': [{names: ['-f', '--force']}, {names: ['-v', '--volumes']}, {names: ['-l', '--link'], modelled: false}],
	'logs': [{names: ['-f', '--follow']}, {names: ['-n', '--tail'], value: true}, {names: ['-t', '--timestamps']}, {names: ['--since'], value: true, modelled: false}, {names: ['--until'], value: true, modelled: false}, {names: ['--details'], modelled: false}],
	'diff': [],
	'images': [{names: ['-a', '--all']}, {names: ['-q', '--quiet']}, {names: ['--no-trunc']}, {names: ['--digests'], modelled: false}, {names: ['-f', '--filter'], value: true, repeat: true}, {names: ['--format'], value: true}, {names: ['--tree'], modelled: false}],
	'history': [{names: ['--no-trunc']}, {names: ['-q', '--quiet']}, {names: ['-H', '--human'], value: true}, {names: ['--format'], value: true, modelled: false}],
	'tag': [],
	'rmi': [{names: ['-f', '--force']}, {names: ['--no-prune'], modelled: false}],
	'stats': [{names: ['-a', '--all']}, {names: ['--no-stream']}, {names: ['--no-trunc']}, {names: ['--format'], value: true, modelled: false}],
	'commit': [{names: ['-m', '--message'], value: true}, {names: ['-a', '--author'], value: true}, {names: ['-c', '--change'], value: true, repeat: true, modelled: false}, {names: ['-p', '--pause']}],
	'container prune': [{names: ['-f', '--force']}, {names: ['--filter'], value: true, repeat: true, modelled: false}],
	'image prune': [{names: ['-f', '--force']}, {names: ['-a', '--all']}, {names: ['--filter'], value: true, repeat: true, modelled: false}],
	'system prune': [{names: ['-f', '--force']}, {names: ['-a', '--all']}, {names: ['--filter'], value: true, repeat: true, modelled: false}, {names: ['--volumes'], modelled: false}],
	'search': [{names: ['--limit'], value: true}, {names: ['--no-trunc']}, {names: ['-f', '--filter'], value: true, repeat: true, modelled: false}, {names: ['--format'], value: true, modelled: false}],
	'network create': [{names: ['-d', '--driver'], value: true}, {names: ['--subnet'], value: true}, {names: ['--gateway'], value: true, modelled: false}, {names: ['--label'], value: true, repeat: true, modelled: false}, {names: ['--internal'], modelled: false}, {names: ['--attachable'], modelled: false}, {names: ['-o', '--opt'], value: true, repeat: true, modelled: false}],
	'network ls': [{names: ['-q', '--quiet']}, {names: ['--no-trunc']}, {names: ['--format'], value: true}, {names: ['-f', '--filter'], value: true, repeat: true}],
	'network inspect': [{names: ['-f', '--format'], value: true}, {names: ['-v', '--verbose'], modelled: false}],
	'network connect': [{names: ['--alias'], value: true, repeat: true}, {names: ['--ip'], value: true, modelled: false}, {names: ['--link'], value: true, repeat: true, modelled: false}],
	'network disconnect': [{names: ['-f', '--force']}],
	'network rm': [{names: ['-f', '--force']}],
	'volume create': [{names: ['-d', '--driver'], value: true}, {names: ['--label'], value: true, repeat: true}, {names: ['--name'], value: true}, {names: ['-o', '--opt'], value: true, repeat: true, modelled: false}],
	'volume ls': [{names: ['-q', '--quiet']}, {names: ['--format'], value: true}, {names: ['-f', '--filter'], value: true, repeat: true}],
	'volume inspect': [{names: ['-f', '--format'], value: true}],
	'volume rm': [{names: ['-f', '--force']}],
	'volume prune': [{names: ['-f', '--force']}, {names: ['-a', '--all']}, {names: ['--filter'], value: true, repeat: true, modelled: false}],
	'inspect': [{names: ['-f', '--format'], value: true}, {names: ['--type'], value: true}, {names: ['-s', '--size'], modelled: false}],
	run: runFlags,
	create: runFlags.filter(spec => !spec.names.includes('--detach')), // docker create has no -d
	'pull': [{names: ['-a', '--all-tags'], modelled: false}, {names: ['-q', '--quiet']}, {names: ['--platform'], value: true, modelled: false}, {names: ['--disable-content-trust'], modelled: false}],
	'push': [{names: ['-a', '--all-tags'], modelled: false}, {names: ['-q', '--quiet']}, {names: ['--disable-content-trust'], modelled: false}],
	'login': [{names: ['-u', '--username'], value: true}, {names: ['-p', '--password'], value: true}, {names: ['--password-stdin']}],
	'exec': [{names: ['-i', '--interactive']}, {names: ['-t', '--tty']}, {names: ['-d', '--detach']}, {names: ['-u', '--user'], value: true}, {names: ['-w', '--workdir'], value: true}, {names: ['-e', '--env'], value: true, repeat: true}, {names: ['--privileged'], modelled: false}, {names: ['--detach-keys'], value: true, modelled: false}, {names: ['--env-file'], value: true, modelled: false}],
	'system df': [{names: ['-v', '--verbose']}, {names: ['--format'], value: true}],
	'build': [
		{names: ['-t', '--tag'], value: true, repeat: true},
		{names: ['-f', '--file'], value: true},
		{names: ['--build-arg'], value: true, repeat: true},
		{names: ['--no-cache']},
		{names: ['--pull']},
		{names: ['-q', '--quiet']},
		{names: ['--rm'], value: false},
		{names: ['--force-rm'], modelled: false},
		{names: ['--platform'], value: true, modelled: false},
		{names: ['--target'], value: true, modelled: false},
		{names: ['--label'], value: true, repeat: true, modelled: false},
		{names: ['--network'], value: true, modelled: false},
		{names: ['--progress'], value: true, modelled: false},
		{names: ['-m', '--memory'], value: true, modelled: false},
		{names: ['--squash'], modelled: false},
		{names: ['--iidfile'], value: true, modelled: false},
	],
};
