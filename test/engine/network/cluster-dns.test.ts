// The cluster network as a real kubeadm cluster has it: CoreDNS behind kube-dns at 10.96.0.10,
// pods resolving through their /etc/resolv.conf, nodes and outside machines not.
//
// Formats matched (busybox networking/nslookup.c, 1.36):
//   printf("Server:\t\t%s\n", ns->name); printf("Address:\t%s\n\n", ...)   -> "10.96.0.10:53"
//   printf("Name:\t%s\nAddress: %s\n", ns_rr_name(rr), astr)              -> an A record
//   printf("%s\tcanonical name = %s\n", ...)                              -> a CNAME
//   printf("** server can't find %s: %s\n", G.query[qn].name, rcodes[rcode]) -> NXDOMAIN, exit 1
//   printf(";; connection timed out; no servers could be reached\n\n")
//   add_query_with_search(): `if (type == T_PTR || !G.search || strchr(dname, '.')) add_query(type, dname);`
//   (so busybox applies the search list only to names without a dot), A then AAAA per name,
//   each reply followed by bb_putchar('\n').
// busybox networking/wget.c: "Connecting to %s (%s)\n", "writing to stdout\n";
// libbb/xconnect.c: bb_error_msg("bad address '%s'", host).
import assert from 'node:assert/strict';
import test from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const externalNames = `apiVersion: v1
kind: Service
metadata:
  name: ext
spec:
  type: ExternalName
  externalName: api.somecompany.com
---
apiVersion: v1
kind: Service
metadata:
  name: lab
spec:
  type: ExternalName
  externalName: host-1
`;

function clusterWithWebAndBusybox(files: Record<string, string> = {}) {
	const shell = sandboxShell({files});
	run(shell, 'kubectl create deployment web --image=nginx');
	run(shell, 'kubectl expose deployment web --port=80');
	run(shell, 'kubectl run busy --image=busybox -- sleep 3600');
	run(shell, 'sleep 30');
	return shell;
}

test('kubeadm installs CoreDNS: two coredns pods in kube-system and the kube-dns Service at 10.96.0.10', () => {
	const shell = sandboxShell();
	const pods = run(shell, 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide').stdout;
	assert.match(pods, /^coredns-[a-z0-9]{10}-[a-z0-9]{5} +1\/1 +Running +0 +\S+ +10\.244\.0\.\d+ +control-plane /m);
	assert.equal(pods.trim().split('\n').length, 3, pods);
	assert.match(run(shell, 'kubectl get svc -n kube-system').stdout, /^kube-dns +ClusterIP +10\.96\.0\.10 +<none> +53\/UDP,53\/TCP,9153\/TCP /m);
	assert.match(run(shell, 'kubectl get deploy coredns -n kube-system').stdout, /^coredns +2\/2 +2 +2 /m);
	assert.match(run(shell, 'kubectl get cm coredns -n kube-system -o jsonpath={.data.Corefile}').stdout, /kubernetes cluster\.local in-addr\.arpa ip6\.arpa/);
});

test('busybox nslookup in a pod: the search list for a bare name, none for a dotted one, the FQDN directly', () => {
	const shell = clusterWithWebAndBusybox();
	const ip = run(shell, 'kubectl get svc web -o jsonpath={.spec.clusterIP}').stdout;
	assert.equal(ip, '10.96.0.2');
	const bare = run(shell, 'kubectl exec busy -- nslookup web');
	assert.equal(
		bare.stdout,
		'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
			`Name:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
			"** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
			"** server can't find web.cluster.local: NXDOMAIN\n\n" +
			'\n' +
			"** server can't find web.svc.cluster.local: NXDOMAIN\n\n" +
			"** server can't find web.cluster.local: NXDOMAIN\n\n",
	);
	assert.equal(bare.stderr, 'command terminated with exit code 1\n');
	const dotted = run(shell, 'kubectl exec busy -- nslookup web.default');
	assert.equal(dotted.stdout, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n** server can't find web.default: NXDOMAIN\n\n");
	const fqdn = run(shell, 'kubectl exec busy -- nslookup web.default.svc.cluster.local');
	assert.equal(fqdn.exitCode, 0, fqdn.text);
	assert.equal(fqdn.stdout, `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n\n`);
	assert.match(run(shell, 'kubectl exec busy -- nslookup kube-dns.kube-system.svc.cluster.local').stdout, /Address: 10\.96\.0\.10\n/);
});

test('wget and the C library resolver in a pod: svc, svc.ns and the full name all reach the Service (ndots:5)', () => {
	const shell = clusterWithWebAndBusybox();
	assert.equal(run(shell, 'kubectl exec busy -- cat /etc/resolv.conf').stdout, 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
	for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local']) {
		const r = run(shell, `kubectl exec busy -- wget -qO- ${name}`);
		assert.equal(r.exitCode, 0, `${name}: ${r.text}`);
		assert.match(r.stdout, /<title>Welcome to nginx!<\/title>/);
	}
	const loud = run(shell, 'kubectl exec busy -- wget -O- web');
	assert.match(loud.stderr, /^Connecting to web \(10\.96\.0\.2:80\)\nwriting to stdout\n-  +100% \|\*+\| +615  0:00:00 ETA\nwritten to stdout\n$/);
	assert.equal(run(shell, 'kubectl exec busy -- wget -qO- nosuch').stderr, "wget: bad address 'nosuch'\ncommand terminated with exit code 1\n");
	// Another namespace's Service needs its namespace in the name.
	run(shell, 'kubectl create namespace other');
	run(shell, 'kubectl run far -n other --image=busybox -- sleep 3600');
	run(shell, 'sleep 20');
	assert.equal(run(shell, 'kubectl exec far -n other -- wget -qO- web').stderr, "wget: bad address 'web'\ncommand terminated with exit code 1\n");
	assert.match(run(shell, 'kubectl exec far -n other -- wget -qO- web.default').stdout, /Welcome to nginx!/);
});

test('nodes do not resolve Service names, and the service network has no route from outside the cluster', () => {
	const shell = clusterWithWebAndBusybox();
	const onNode = run(shell, 'ssh worker-1 curl -sS web');
	assert.equal(onNode.exitCode, 6, onNode.text);
	assert.match(onNode.stderr, /curl: \(6\) Could not resolve host: web\n/);
	assert.match(run(shell, 'ssh worker-1 curl -s 10.96.0.2').stdout, /Welcome to nginx!/);
	assert.match(run(shell, 'ssh worker-1 nslookup web').stdout, /\*\* server can't find web: NXDOMAIN/);
	// host-1 is the learner's machine, outside the cluster: no kube-proxy rules there.
	const outside = run(shell, 'curl 10.96.0.2');
	assert.equal(outside.exitCode, 7, outside.text);
	assert.equal(outside.stderr, "curl: (7) Failed to connect to 10.96.0.2 port 80 after 3068 ms: Couldn't connect to server\n");
	assert.equal(run(shell, 'curl -s web').exitCode, 6);
});

test('with CoreDNS scaled to zero no name resolves in a pod; ClusterIPs still answer', () => {
	const shell = clusterWithWebAndBusybox();
	run(shell, 'kubectl scale deployment coredns -n kube-system --replicas=0');
	run(shell, 'sleep 40');
	const r = run(shell, 'kubectl exec busy -- nslookup web');
	assert.equal(r.stdout, ';; connection timed out; no servers could be reached\n\n');
	assert.equal(r.exitCode, 1);
	assert.equal(run(shell, 'kubectl exec busy -- wget -qO- web').stderr, "wget: bad address 'web'\ncommand terminated with exit code 1\n");
	assert.match(run(shell, 'kubectl exec busy -- wget -qO- 10.96.0.2').stdout, /Welcome to nginx!/);
});

test('an ExternalName Service needs no ports, gets no ClusterIP, and resolves as a CNAME', () => {
	const shell = clusterWithWebAndBusybox({'ext.yaml': externalNames});
	assert.equal(run(shell, 'kubectl apply -f ext.yaml').stdout, 'service/ext created\nservice/lab created\n');
	assert.match(run(shell, 'kubectl get svc ext').stdout, /^ext +ExternalName +<none> +api\.somecompany\.com +<none> /m);
	assert.equal(run(shell, 'kubectl get svc ext -o jsonpath={.spec.clusterIP}').stdout, '');
	const ext = run(shell, 'kubectl exec busy -- nslookup ext.default.svc.cluster.local').stdout;
	assert.equal(ext, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\next.default.svc.cluster.local\tcanonical name = api.somecompany.com\n\next.default.svc.cluster.local\tcanonical name = api.somecompany.com\n\n');
	// A CNAME to a name the network knows leads to its address.
	assert.match(run(shell, 'kubectl exec busy -- nslookup lab.default.svc.cluster.local').stdout, /lab\.default\.svc\.cluster\.local\tcanonical name = host-1\nName:\thost-1\nAddress: 192\.168\.56\.10\n/);
	assert.equal(run(shell, 'kubectl exec busy -- wget -qO- lab:8080').stderr, "wget: can't connect to remote host (192.168.56.10): Connection refused\ncommand terminated with exit code 1\n");
});

test('NodePorts are drawn at random in 30000-32767 (seeded: the same world gives the same port), never a fixed 30123', () => {
	const ports = () => {
		const shell = sandboxShell();
		run(shell, 'kubectl create deployment web --image=nginx');
		run(shell, 'kubectl expose deployment web --port=80 --type=NodePort');
		run(shell, 'kubectl create deployment api --image=nginx');
		run(shell, 'kubectl expose deployment api --port=80 --type=NodePort');
		const found = ['web', 'api'].map(name => Number(run(shell, `kubectl get svc ${name} -o jsonpath={.spec.ports[0].nodePort}`).stdout));
		// From outside the cluster a NodePort is the way in (the pod network itself has no route from here).
		run(shell, 'sleep 20');
		assert.match(run(shell, `curl -s worker-2:${found[0]}`).stdout, /Welcome to nginx!/);
		return found;
	};
	const first = ports();
	assert.deepEqual(ports(), first);
	for (const port of first) {
		assert.ok(port >= 30000 && port <= 32767, String(port));
		assert.notEqual(port, 30123);
	}
	assert.notEqual(first[0], first[1]);
});

test('ClusterIPs are allocated around kube-dns: 10.96.0.10 is skipped, and asking for a taken one is refused', () => {
	const many = Array.from({length: 10}, (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports:\n  - port: 80\n`).join('---\n');
	const shell = sandboxShell({files: {'many.yaml': many, 'taken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: taken\nspec:\n  clusterIP: 10.96.0.10\n  ports:\n  - port: 80\n'}});
	assert.equal(run(shell, 'kubectl apply -f many.yaml').exitCode, 0);
	const ips = [...shell.state.world.cluster!.store.services.values()].map(svc => svc.spec.clusterIP as string);
	assert.equal(new Set(ips).size, ips.length, ips.join(' '));
	assert.equal(run(shell, 'kubectl get svc s8 -o jsonpath={.spec.clusterIP}').stdout, '10.96.0.11');
	assert.equal(run(shell, 'kubectl apply -f taken.yaml').stderr, 'The Service "taken" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated\n');
});

test("a pod's environment: PATH, HOSTNAME, the kubernetes Service and the Services that existed when it started", () => {
	const shell = clusterWithWebAndBusybox({'nolinks.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nolinks\nspec:\n  enableServiceLinks: false\n  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n    env:\n    - name: NODE\n      valueFrom:\n        fieldRef:\n          fieldPath: spec.nodeName\n    - name: GREETING\n      value: hi\n'});
	const env = run(shell, 'kubectl exec busy -- env').stdout;
	for (const line of ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=busy', 'KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443', 'KUBERNETES_PORT=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1', 'WEB_SERVICE_HOST=10.96.0.2', 'WEB_SERVICE_PORT=80', 'WEB_PORT=tcp://10.96.0.2:80', 'WEB_PORT_80_TCP=tcp://10.96.0.2:80', 'WEB_PORT_80_TCP_PROTO=tcp', 'WEB_PORT_80_TCP_PORT=80', 'HOME=/root']) {
		assert.ok(env.split('\n').includes(line), `${line} missing from\n${env}`);
	}
	assert.equal(run(shell, 'kubectl exec busy -- printenv HOSTNAME').stdout, 'busy\n');
	assert.equal(run(shell, "kubectl exec busy -- sh -c 'echo $WEB_SERVICE_HOST'").stdout, '10.96.0.2\n');
	// A Service created after the pod started is not in its environment (only DNS finds it).
	run(shell, 'kubectl create deployment late --image=nginx');
	run(shell, 'kubectl expose deployment late --port=80');
	run(shell, 'sleep 10');
	assert.ok(!run(shell, 'kubectl exec busy -- env').stdout.includes('LATE_'));
	run(shell, 'kubectl apply -f nolinks.yaml');
	run(shell, 'sleep 20');
	const noLinks = run(shell, 'kubectl exec nolinks -- env').stdout;
	assert.ok(noLinks.includes('KUBERNETES_SERVICE_HOST=10.96.0.1\n'), noLinks);
	assert.ok(!noLinks.includes('WEB_'), noLinks);
	assert.match(noLinks, /^NODE=worker-\d\n/m);
	assert.match(noLinks, /^GREETING=hi\n/m);
});

// The book's downward API pod (chapter 8): fieldRef and resourceFieldRef in env, with divisors.
const downward = `apiVersion: v1
kind: Pod
metadata:
  name: downward
  labels:
    app: demo
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "9999999"]
    resources:
      requests:
        cpu: 15m
        memory: 100Ki
      limits:
        cpu: 100m
        memory: 4Mi
    env:
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_NAMESPACE
      valueFrom:
        fieldRef:
          fieldPath: metadata.namespace
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: APP_LABEL
      valueFrom:
        fieldRef:
          fieldPath: metadata.labels['app']
    - name: SERVICE_ACCOUNT
      valueFrom:
        fieldRef:
          fieldPath: spec.serviceAccountName
    - name: CONTAINER_CPU_REQUEST_MILLICORES
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
          divisor: 1m
    - name: CONTAINER_MEMORY_LIMIT_KIBIBYTES
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Ki
    - name: CPU_LIMIT_CORES
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
`;

test("the downward API in env: the pod's fields, a label, and its requests and limits over a divisor", () => {
	const shell = sandboxShell({files: {'downward.yaml': downward}});
	run(shell, 'kubectl apply -f downward.yaml');
	run(shell, 'sleep 20');
	const env = run(shell, 'kubectl exec downward -- env').stdout.split('\n');
	const ip = run(shell, 'kubectl get pod downward -o jsonpath={.status.podIP}').stdout;
	for (const line of ['POD_NAME=downward', 'POD_NAMESPACE=default', `POD_IP=${ip}`, 'APP_LABEL=demo', 'SERVICE_ACCOUNT=default', 'CONTAINER_CPU_REQUEST_MILLICORES=15', 'CONTAINER_MEMORY_LIMIT_KIBIBYTES=4096', 'CPU_LIMIT_CORES=1']) {
		assert.ok(env.includes(line), `${line} missing from\n${env.join('\n')}`);
	}
});

test("a pod's dnsPolicy and dnsConfig shape its resolv.conf", () => {
	const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n`;
	const shell = sandboxShell({
		files: {
			'default.yaml': pod('updns', '  dnsPolicy: Default\n'),
			'none.yaml': pod('own', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: ["1.2.3.4"]\n    searches: ["lab.example"]\n    options:\n    - name: ndots\n      value: "2"\n'),
			'extra.yaml': pod('extra', '  dnsConfig:\n    searches: ["lab.example"]\n    options:\n    - name: ndots\n      value: "1"\n'),
		},
	});
	for (const file of ['default.yaml', 'none.yaml', 'extra.yaml']) run(shell, `kubectl apply -f ${file}`);
	run(shell, 'sleep 20');
	assert.equal(run(shell, 'kubectl exec updns -- cat /etc/resolv.conf').stdout, 'nameserver 192.168.56.1\n');
	assert.equal(run(shell, 'kubectl exec own -- cat /etc/resolv.conf').stdout, 'search lab.example\nnameserver 1.2.3.4\noptions ndots:2\n');
	assert.equal(run(shell, 'kubectl exec extra -- cat /etc/resolv.conf').stdout, 'search default.svc.cluster.local svc.cluster.local cluster.local lab.example\nnameserver 10.96.0.10\noptions ndots:1\n');
	// Outside the cluster DNS a Service name does not resolve; host names do (the lab resolver).
	assert.equal(run(shell, 'kubectl exec updns -- wget -qO- kubernetes').stderr, "wget: bad address 'kubernetes'\ncommand terminated with exit code 1\n");
});

// busybox networking/ping.c: "PING %s (%s): %d data bytes", "%d packets transmitted, %d packets
// received, %d%% packet loss"; iputils: "PING %s (%s) 56(84) bytes of data.", "%ld packets
// transmitted, %ld received, ... packet loss, time %ldms".
test('a ClusterIP answers no ping; pods and nodes do; the pod network is not routed outside the cluster', () => {
	const shell = clusterWithWebAndBusybox();
	const toService = run(shell, 'kubectl exec busy -- ping -c 2 web');
	assert.equal(toService.stdout, 'PING web (10.96.0.2): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n');
	assert.equal(toService.exitCode, 1);
	const podIp = run(shell, 'kubectl get pods -l app=web -o jsonpath={.items[0].status.podIP}').stdout;
	assert.match(run(shell, `kubectl exec busy -- ping -c 1 ${podIp}`).stdout, new RegExp(`^PING ${podIp.replace(/\./g, '\\.')} \\(${podIp.replace(/\./g, '\\.')}\\): 56 data bytes\\n64 bytes from ${podIp.replace(/\./g, '\\.')}: seq=0 ttl=64 time=\\S+ ms\\n\\n--- \\S+ ping statistics ---\\n1 packets transmitted, 1 packets received, 0% packet loss\\n`));
	assert.match(run(shell, 'ping -c 1 worker-1').stdout, /^PING worker-1 \(192\.168\.56\.21\) 56\(84\) bytes of data\.\n64 bytes from worker-1 \(192\.168\.56\.21\): icmp_seq=1 ttl=64 time=\S+ ms\n\n--- worker-1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time \d+ms\n/);
	assert.equal(run(shell, 'ping -c 1 nosuch').stderr, 'ping: nosuch: Name or service not known\n');
	// From host-1, outside the cluster, neither pod addresses nor ClusterIPs are routed; from a node they are.
	assert.equal(run(shell, `ping -c 1 ${podIp}`).exitCode, 1);
	assert.equal(run(shell, `curl -s ${podIp}`).exitCode, 7);
	assert.match(run(shell, `ssh worker-1 curl -s ${podIp}`).stdout, /Welcome to nginx!/);
});

const statefulSet = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
`;

test("a headless Service's name gives its ready pods' addresses, and each StatefulSet pod has its own name", () => {
	const shell = sandboxShell({files: {'sts.yaml': statefulSet}});
	run(shell, 'kubectl apply -f sts.yaml');
	run(shell, 'kubectl run busy --image=busybox -- sleep 3600');
	run(shell, 'sleep 40');
	const ip = (pod: string) => run(shell, `kubectl get pod ${pod} -o jsonpath={.status.podIP}`).stdout;
	const [web0, web1] = [ip('web-0'), ip('web-1')];
	assert.equal(run(shell, 'kubectl get ep nginx -o jsonpath={.subsets[0].addresses[*].hostname}').stdout.split(' ').sort().join(' '), 'web-0 web-1');
	const headless = run(shell, 'kubectl exec busy -- nslookup nginx.default.svc.cluster.local').stdout;
	for (const address of [web0, web1]) assert.ok(headless.includes(`Name:\tnginx.default.svc.cluster.local\nAddress: ${address}\n`), headless);
	assert.ok(run(shell, 'kubectl exec busy -- nslookup web-1.nginx.default.svc.cluster.local').stdout.includes(`Name:\tweb-1.nginx.default.svc.cluster.local\nAddress: ${web1}\n`));
	assert.match(run(shell, 'kubectl exec busy -- wget -qO- web-0.nginx').stdout, /Welcome to nginx!/);
});
