// kubectl describe's line for a probe (DescribeProbe in k8s.io/kubectl/pkg/describe):
// "http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3".

type Port = number | string | undefined;

export type ProbeFields = {
	httpGet?: {path?: string; port?: Port; host?: string; scheme?: string};
	tcpSocket?: {port?: Port; host?: string};
	exec?: {command?: string[]};
	grpc?: {port?: number; service?: string};
	initialDelaySeconds?: number;
	timeoutSeconds?: number;
	periodSeconds?: number;
	successThreshold?: number;
	failureThreshold?: number;
};

export function describeProbe(probe: ProbeFields): string {
	const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
	if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
	if (probe.httpGet) {
		const g = probe.httpGet;
		const port = g.port === undefined ? '' : String(g.port);
		return `http-get ${(g.scheme ?? 'HTTP').toLowerCase()}://${g.host ?? ''}${port ? ':' + port : ''}${g.path ?? ''} ${attrs}`;
	}
	if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? ''} ${attrs}`;
	if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attrs}`;
	return `unknown ${attrs}`;
}
