// Array.isArray narrows `unknown` to `unknown[]` (lib.es5 narrows to an untyped array), so a list
// read from input not yet validated stays unknown item by item. Declaration merging puts this overload first.
interface ArrayConstructor {
	isArray(arg: unknown): arg is unknown[];
}
