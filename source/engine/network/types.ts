// The simulated network's data: one flat layer-3 network joining every net namespace on every
// host (as a pod network or a lab LAN does), plus destination-NAT rules kept on each host.

/**
 * A destination-NAT rule on a host, as iptables' nat table would hold it. Docker adds one per
 * published port (`docker run -p 8080:80`); kube-proxy adds one per Service port (ClusterIP) and
 * per NodePort. A connection that reaches the host and matches is sent to one of the targets.
 */
export type NatRule = {
	/** Which destination address matches: a specific IP (a Service's ClusterIP), or 'local' = any address of the host's own net namespace (0.0.0.0 and 127.0.0.1). */
	destination: string | 'local';
	port: number;
	protocol?: 'tcp' | 'udp'; // default tcp
	/** Where matching connections go; more than one: picked at random per connection (iptables `statistic --mode random`). */
	targets: {ip: string; port: number}[];
	/** Who added it, shown by `iptables -t nat -L` and in errors: "docker-proxy", "kube-proxy". */
	owner: string;
	comment?: string; // e.g. "default/kubia:http", the container id
	/** The source address the target sees instead of the caller's (docker-proxy answers localhost connections from the bridge gateway). */
	sourceRewrite?: string;
	/** The process that holds the rule open (kubectl port-forward): the rule goes when it does. */
	pid?: number;
};

/** Where a connection attempt ends up. */
export type Endpoint = {host: string; netns: number; ip: string; port: number};
