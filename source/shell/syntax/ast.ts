// The syntax tree of a shell line, as the parser builds it and the interpreter walks it (after
// mvdan/sh's syntax package). Words keep their parts: what is quoted, what is a variable, a
// command substitution or a glob, so expansion, word splitting and pathname matching happen when
// the command runs, in bash's order. Plain data (JSON-safe): a defined function is kept in the
// shell session as its tree. Nothing here may import the filesystem, the UI or the engine.

/** Text that came from the line as is: unquoted, or escaped with a backslash (quoted: no splitting, no globbing). */
export type Literal = {kind: 'lit'; text: string; quoted?: boolean};
export type SingleQuoted = {kind: 'sq'; text: string};
/** A parameter: $X, ${X}, $?, $$, $#, $1, $@, ${X:-default}. */
export type Variable = {kind: 'var'; name: string; fallback?: {op: ':-' | '-' | ':=' | ':+'; word: Word}; length?: boolean};
export type CommandSubstitution = {kind: 'cmdsub'; list: List; text: string};
export type Arithmetic = {kind: 'arith'; expression: Word};
/** An unquoted `*`, `?` or `[...]`. */
export type Glob = {kind: 'glob'; text: string};
/** An unquoted `~` starting a word. */
export type Tilde = {kind: 'tilde'};
export type DoubleQuoted = {kind: 'dq'; parts: (Literal | Variable | CommandSubstitution | Arithmetic)[]};

export type WordPart = Literal | SingleQuoted | DoubleQuoted | Variable | CommandSubstitution | Arithmetic | Glob | Tilde;
export type Word = {parts: WordPart[]; raw: string};

export type Redirect =
	| {fd: number; op: '>' | '>>' | '<' | '&>' | '&>>'; target: Word}
	| {fd: number; op: '>&' | '<&'; target: Word}
	| {fd: number; op: '<<' | '<<<'; body: Word};

export type Assignment = {name: string; value: Word};

export type SimpleCommand = {kind: 'simple'; assigns: Assignment[]; words: Word[]; redirects: Redirect[]};
export type Group = {kind: 'group'; list: List; redirects: Redirect[]};
export type Subshell = {kind: 'subshell'; list: List; redirects: Redirect[]};
export type FunctionDefinition = {kind: 'function'; name: string; body: Command; text: string};
export type ForLoop = {kind: 'for'; variable: string; items?: Word[]; body: List; redirects: Redirect[]};
export type WhileLoop = {kind: 'while'; until: boolean; condition: List; body: List; redirects: Redirect[]};
export type IfClause = {kind: 'if'; branches: {condition: List; body: List}[]; otherwise?: List; redirects: Redirect[]};

export type Command = SimpleCommand | Group | Subshell | FunctionDefinition | ForLoop | WhileLoop | IfClause;

export type Pipeline = {commands: Command[]; background: boolean; negated: boolean};

/** Pipelines joined by ;, &, newlines, && and || (the operator BEFORE each pipeline, `;` for the first). */
export type List = {items: {op: ';' | '&&' | '||'; pipeline: Pipeline}[]};

/** Why a line cannot run yet: the shell would show its continuation prompt and read more. */
export type Incomplete = {kind: 'heredoc'; delimiter: string} | {kind: 'quote'; quote: string} | {kind: 'more'; awaiting: string};

export type ParseResult = {list: List; warnings: string[]} | {error: string; incomplete?: Incomplete};
