// Hostile files for the fuzzer: manifests (random objects with a wrong type planted at a random
// field, deep nesting, alias bombs, many documents, huge strings, garbage) and progress exports.
import {stringify} from 'yaml';
import {seededRandom} from './fuzz-lines.ts';

const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web', labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 80}], resources: {limits: {memory: '64Mi', cpu: '500m'}}}]}};
const templates: Record<string, unknown>[] = [
	pod,
	{apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'}, spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: pod.spec}}},
	{apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web'}, spec: {replicas: 1, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: pod.spec}}},
	{apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'web'}, spec: {replicas: 1, selector: {app: 'web'}, template: {metadata: {labels: {app: 'web'}}, spec: pod.spec}}},
	{apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}], type: 'NodePort'}},
	{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}},
	{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'cm'}, data: {a: 'b'}},
	{apiVersion: 'v9', kind: 'Gizmo', metadata: {name: 'g'}},
];

const wrongValues = (random: () => number): unknown[] => [null, 0, -1, 1e308, 3.5, true, '', 'x'.repeat(Math.floor(random() * 100_000)), [], [1, 'a', null], {}, {a: {b: {c: []}}}, '0x1F', '-', '\u0000\u202e', 'NaN'];

/** Paths to every field of a value: ['spec', 'containers', 0, 'image'], ... */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (!value || typeof value !== 'object') return [prefix];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [prefix, ...keys.flatMap(k => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function plant(value: unknown, path: (string | number)[], planted: unknown): unknown {
	if (path.length === 0) return planted;
	const copy = structuredClone(value) as Record<string | number, unknown>;
	let at = copy;
	for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
	at[path[path.length - 1]!] = planted;
	return copy;
}

export function hostileManifests(seed: number, count: number): {name: string; text: string}[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const fixed = [
		{name: 'deep-seq.yaml', text: '['.repeat(5000) + ']'.repeat(5000) + '\n'},
		{name: 'deep-map.yaml', text: Array.from({length: 2000}, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n'},
		{name: 'deep-json.json', text: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)},
		{name: 'bomb.yaml', text: ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill('*' + 'abcdefghi'[i]).join(', ')}]`)].join('\n') + '\n'},
		{name: 'many.yaml', text: Array.from({length: 10_000}, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n')},
		{name: 'huge-string.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: "${'y'.repeat(3_000_000)}"\n`},
		{name: 'garbage.yaml', text: Array.from({length: 5000}, () => String.fromCharCode(Math.floor(random() * 256))).join('')},
		{name: 'tabs.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n'},
		{name: 'list.yaml', text: stringify({apiVersion: 'v1', kind: 'List', items: [pod, 5, 'x', null, {kind: 'Pod'}]})},
		{name: 'scalar.yaml', text: '42\n---\n"text"\n---\n- a\n- b\n'},
		{name: 'proto.yaml', text: '__proto__: {polluted: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: p, __proto__: {x: 1}}\n'},
	];
	const random_ = Array.from({length: count}, (_, i) => {
		const template = pick(templates);
		let object: unknown = template;
		for (let n = 1 + Math.floor(random() * 3); n > 0; n--) object = plant(object, pick(paths(object)), pick(wrongValues(random)));
		const text = random() < 0.2 ? JSON.stringify(object) : stringify(object, {aliasDuplicateObjects: false});
		return {name: `random-${i}.yaml`, text};
	});
	return [...fixed, ...random_];
}

/** Progress exports with a wrong type planted at a random field, and a few hand-made hostile ones. */
export function hostileExports(seed: number, count: number, valid: Record<string, unknown>): string[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const fixed = ['', 'null', '[]', '"k8s-tutor-progress"', '{"format":"k8s-tutor-progress"}', '{"format":"k8s-tutor-progress","version":1,"chapters":{"__proto__":{"steps":{}}}}',
		JSON.stringify({format: 'k8s-tutor-progress', version: 1, chapters: {x: {steps: {}, currentStep: 'y', snapshot: {stepId: 'y', savedAt: 'z'}}}, worlds: {x: {hosts: 5, world: '{'.repeat(1000)}}}),
		'{'.repeat(100_000), JSON.stringify({format: 'k8s-tutor-progress', version: 1, chapters: Object.fromEntries(Array.from({length: 5000}, (_, i) => [`c${i}`, {steps: {}}]))})];
	const random_ = Array.from({length: count}, () => {
		let object: unknown = valid;
		for (let n = 1 + Math.floor(random() * 3); n > 0; n--) object = plant(object, pick(paths(object)), pick(wrongValues(random)));
		return JSON.stringify(object);
	});
	return [...fixed, ...random_];
}
