// What a running `kubectl port-forward` prints on the terminal for each connection it carries:
// "Handling connection for PORT" (its stdout, so on the learner's screen just before what curl
// or wget print). A connection went through it when one of its hops is the NAT rule the
// port-forward process holds (owner "kubectl", hop text as engine/network/connect.ts writes it).
export function forwardNotices(hops: readonly string[]): string {
	return hops
		.map(hop => /^kubectl: [^ ]+:(\d+) -> /.exec(hop)?.[1])
		.filter((port): port is string => port !== undefined)
		.map(port => `Handling connection for ${port}\n`)
		.join('');
}
