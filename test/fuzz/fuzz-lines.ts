// Random command lines for the fuzzer, from a seed: every command of the table with its
// subcommands and flags, words that hurt (quotes, globs, $(...), control characters, huge words),
// joined by pipes, lists, redirections, here-documents, loops; and plain garbage.
import {createSimulation} from '../../source/shell/simulation.ts';

/** mulberry32: a small seeded generator, so a failing line can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const words = [
	'web', 'kubia', 'nginx', 'nginx:1.26', 'luksa/kubia', 'alpine', 'busybox', 'redis', 'pod/web', 'pods', 'po', 'deploy', 'deployment/web', 'svc', 'rc', 'rs', 'nodes', 'ns',
	'default', 'kube-system', 'host-1', 'host-2', 'worker-1', 'vm-a', 'primary', '-', '--', '.', '..', '/', '/etc/passwd', '/proc/1/status', '/proc/self/ns',
	'/sys/fs/cgroup', '/sys/fs/cgroup/cpu.max', '/tmp/x', '~', '*', '*.txt', '?', '[a-z]', '8080:80', '80', '-1', '0', '99999999999999999999', '1.5', '64m', '1G',
	'-it', '-d', '--rm', '-p', '-o', 'yaml', 'json', 'wide', 'jsonpath={.items[*].metadata.name}', '-n', '-f', '-l', 'app=web', '--all', '-A', '-w', '--dry-run=client',
	'--image=nginx', '--replicas=3', '-- sh', 'sh', 'bash', '-c', 'true', 'false', 'sleep', '5', '3600', 'exit', '--pid', '--fork', '--mount-proc', '-t', 'net', 'pid',
	'héllo', '你好', '🙂', '\u202e', '\u200b', 'a b', "it's", '"', "'", '\\', '$', '$HOME', '$?', '$$', '${X:-y}', '$(echo hi)', '`id`', '$((1+2))', '$((1/0))',
	'{a,b}', '!!', '#', '&', ';', '|', '>', '<', '<<<', '2>&1', '\t', '%', '^', '=', 'X=1', '--help', '-h', 'help', '--version', '--bogus', '-zzz',
	// sed scripts, cut lists and tr sets (the filters' own little languages)
	"'s/a/b/g'", "'/x/d'", "':a;N;$!ba;s/\\n/ /g'", "':a;ba'", "'1~2p'", "'s/\\(x*\\)/\\1\\1/2'", "'y/ab/ba/'", "'$!N;P;D'", "'{p'", "'0,/x/d'", '-E', '-i', "'s/(a|b)+/[&]/'",
	'-f1,3', '-f2-', '-d:', "-d' '", '-c1-5', 'a-z', "'[:upper:]'", "'\\n'", '-s', '-k2', '-t,', '-u',
];

const connectors = [' | ', ' && ', ' || ', '; ', ' & ', ' |& '];
const redirections = [' > /tmp/out', ' >> /tmp/out', ' < /etc/hostname', ' 2>&1', ' 2>/dev/null', ' > /dev/null', ' <<< "text"', ' >&2', ' < /nonexistent', ' > /proc/sys/x'];

export function fuzzLines(seed: number, count: number): string[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const table = [...createSimulation().commands.values()];
	const garbageChar = () => String.fromCodePoint(random() < 0.8 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 0x3000));
	const word = (): string => {
		const r = random();
		if (r < 0.6) return pick(words);
		if (r < 0.7) return `'${pick(words)} ${pick(words)}'`;
		if (r < 0.8) return `"${pick(words)}$${pick(['X', 'HOME', '?', '1', '@'])}"`;
		if (r < 0.85) return Array.from({length: 1 + Math.floor(random() * 12)}, garbageChar).join('');
		if (r < 0.9) return `$(${command(1)})`;
		if (r < 0.93) return 'x'.repeat(Math.floor(random() * 3000));
		return String(Math.floor(random() * 70000) - 1000);
	};
	const command = (depth: number): string => {
		const spec = pick(table);
		const parts = [spec.name];
		if (spec.subcommands?.length && random() < 0.8) parts.push(pick(spec.subcommands));
		const flags = spec.flagsAfter?.(parts.slice(1)) ?? spec.flags ?? [];
		const n = Math.floor(random() * 5);
		for (let i = 0; i < n; i++) parts.push(flags.length && random() < 0.3 ? pick(flags) : depth < 2 && random() < 0.05 ? `"$(${command(depth + 1)})"` : word());
		if (random() < 0.15) parts.push(pick(redirections).trim());
		return parts.join(' ');
	};
	const line = (): string => {
		const r = random();
		if (r < 0.05) return Array.from({length: Math.floor(random() * 80)}, garbageChar).join('');
		if (r < 0.08) return `${command(0)} <<EOF\n${Array.from({length: 1 + Math.floor(random() * 4)}, () => `${pick(words)}: ${word()}`).join('\n')}\nEOF`;
		if (r < 0.1) return `for i in 1 2 3; do ${command(0)}; done`;
		if (r < 0.12) return `f() { ${command(0)}; }; f ${word()}`;
		if (r < 0.14) return `if ${command(0)}; then ${command(0)}; else ${command(0)}; fi`;
		if (r < 0.16) return `while ${command(0)}; do ${command(0)}; done`;
		if (r < 0.18) return `( ${command(0)} )${pick(connectors)}{ ${command(0)}; }`;
		let text = command(0);
		const more = Math.floor(random() * 3);
		for (let i = 0; i < more; i++) text += pick(connectors) + command(0);
		return text;
	};
	return Array.from({length: count}, line);
}
