// Array.isArray narrows `unknown` to `unknown[]`, not `any[]` (lib.es5's signature), so a list read
// from input not yet validated stays unknown item by item. (Declaration merging puts this overload first.)
interface ArrayConstructor {
	isArray(arg: unknown): arg is unknown[];
}
