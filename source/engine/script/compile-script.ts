// Flattens a parsed script into instructions with jumps, so a process can stop anywhere (in a
// `sleep`) and resume at its program counter on a later tick. Plain data: it is stored in the
// process, in the world.
import type {Command, Pipeline, ScriptList, SimpleCommand, Word} from './parse-script.ts';

export type Instruction =
	| {op: 'run'; commands: SimpleCommand[]; negate: boolean; background: boolean; discard?: boolean}
	| {op: 'jump'; to: number}
	| {op: 'jumpIfFailed'; to: number}
	| {op: 'jumpIfSucceeded'; to: number}
	| {op: 'status'; value: number}
	| {op: 'forStart'; slot: number; items: Word[] | undefined}
	| {op: 'forNext'; slot: number; name: string; to: number};

type LoopLabels = {breaks: number[]; continueTo: number};

export function compileScript(script: ScriptList): Instruction[] {
	const code: Instruction[] = [];
	let slots = 0;
	const loops: LoopLabels[] = [];

	const emitList = (list: ScriptList) => {
		if (list.length === 0) code.push({op: 'status', value: 0});
		for (const item of list) {
			const ends: number[] = [];
			emitPipeline(item.first, item.background);
			for (const {op, pipeline} of item.rest) {
				ends.push(code.length);
				code.push({op: op === '&&' ? 'jumpIfFailed' : 'jumpIfSucceeded', to: -1});
				emitPipeline(pipeline, item.background);
			}
			// a && b || c: when a fails, skip b but still try c; each jump lands on the next operator.
			for (let k = 0; k < ends.length; k++) {
				const jump = code[ends[k]!] as {to: number};
				const nextSameOp = item.rest.findIndex((r, j) => j > k && r.op !== item.rest[k]!.op);
				jump.to = nextSameOp < 0 ? code.length : ends[nextSameOp]!;
			}
		}
	};

	const emitPipeline = (pipeline: Pipeline, background: boolean) => {
		const simple = pipeline.commands.filter((c): c is SimpleCommand => c.kind === 'simple');
		if (simple.length === pipeline.commands.length && !isControl(simple)) {
			code.push({op: 'run', commands: simple, negate: pipeline.negate, background});
			return;
		}
		// A pipeline with a loop or an if in it: its parts run one after the other (a part feeding a
		// compound command prints nothing, as the loop reads and drops its input); sleeps still block.
		pipeline.commands.forEach((command, k) => {
			const last = k === pipeline.commands.length - 1;
			if (command.kind === 'simple' && !isControl([command])) code.push({op: 'run', commands: [command], negate: false, background, discard: !last && pipeline.commands[k + 1]!.kind !== 'simple'});
			else emitCommand(command);
		});
		if (pipeline.negate) {
			code.push({op: 'jumpIfFailed', to: code.length + 3});
			code.push({op: 'status', value: 1});
			code.push({op: 'jump', to: code.length + 2});
			code.push({op: 'status', value: 0});
		}
	};

	const emitCommand = (command: Command) => {
		if (command.kind === 'simple') {
			const word = command.words[0];
			const name = word?.length === 1 && word[0]!.kind === 'text' && !word[0]!.quoted ? word[0]!.text : '';
			const loop = loops[loops.length - 1];
			if ((name === 'break' || name === 'continue') && loop) {
				if (name === 'break') {
					loop.breaks.push(code.length);
					code.push({op: 'jump', to: -1});
				} else code.push({op: 'jump', to: loop.continueTo});
				return;
			}
			code.push({op: 'run', commands: [command], negate: false, background: false});
			return;
		}
		if (command.kind === 'group') {
			emitList(command.body);
			return;
		}
		if (command.kind === 'if') {
			const ends: number[] = [];
			for (const branch of command.branches) {
				emitList(branch.condition);
				const skip = code.length;
				code.push({op: 'jumpIfFailed', to: -1});
				emitList(branch.body);
				ends.push(code.length);
				code.push({op: 'jump', to: -1});
				(code[skip] as {to: number}).to = code.length;
			}
			if (command.otherwise) emitList(command.otherwise);
			else code.push({op: 'status', value: 0});
			for (const at of ends) (code[at] as {to: number}).to = code.length;
			return;
		}
		if (command.kind === 'loop') {
			const start = code.length;
			emitList(command.condition);
			const exit = code.length;
			code.push({op: command.until ? 'jumpIfSucceeded' : 'jumpIfFailed', to: -1});
			loops.push({breaks: [], continueTo: start});
			emitList(command.body);
			code.push({op: 'jump', to: start});
			const labels = loops.pop()!;
			const end = code.length;
			code.push({op: 'status', value: 0});
			(code[exit] as {to: number}).to = end;
			for (const at of labels.breaks) (code[at] as {to: number}).to = end;
			return;
		}
		const slot = slots++;
		code.push({op: 'forStart', slot, items: command.items});
		const next = code.length;
		code.push({op: 'forNext', slot, name: command.name, to: -1});
		loops.push({breaks: [], continueTo: next});
		emitList(command.body);
		code.push({op: 'jump', to: next});
		const labels = loops.pop()!;
		(code[next] as {to: number}).to = code.length;
		for (const at of labels.breaks) (code[at] as {to: number}).to = code.length;
	};

	emitList(script);
	return code;
}

function isControl(commands: SimpleCommand[]): boolean {
	return commands.some(c => {
		const word = c.words[0];
		return word?.length === 1 && word[0]!.kind === 'text' && !word[0]!.quoted && (word[0]!.text === 'break' || word[0]!.text === 'continue');
	});
}
