// CoreDNS as kubeadm installs it: the `coredns` Deployment (two pods on the control plane, which
// tolerate its taint), its Corefile ConfigMap, and the `kube-dns` Service at 10.96.0.10, the
// address every pod's /etc/resolv.conf names. What CoreDNS answers there: cluster-dns.ts.
import {digestHex} from '../hash.ts';
import type {World} from '../world.ts';
import {createObject} from './api-server.ts';
import {templateHash} from './controllers/deployment.ts';
import {timestampAt} from './metadata.ts';
import type {Deployment, PodTemplateSpec, ReplicaSet} from './kinds.ts';

export const clusterDnsIp = '10.96.0.10';
export const coreDnsImage = 'registry.k8s.io/coredns/coredns:v1.11.3';

const labels = {'k8s-app': 'kube-dns'};

const corefile = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function fixedUid(seed: string): string {
	const hex = digestHex(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const podTemplate: PodTemplateSpec & {metadata: {labels: Record<string, string>}} = {
	metadata: {creationTimestamp: null, labels},
	spec: {
		containers: [
			{
				name: 'coredns',
				image: coreDnsImage,
				imagePullPolicy: 'IfNotPresent',
				args: ['-conf', '/etc/coredns/Corefile'],
				ports: [
					{containerPort: 53, name: 'dns', protocol: 'UDP'},
					{containerPort: 53, name: 'dns-tcp', protocol: 'TCP'},
					{containerPort: 9153, name: 'metrics', protocol: 'TCP'},
				],
				resources: {limits: {memory: '170Mi'}, requests: {cpu: '100m', memory: '70Mi'}},
				volumeMounts: [{mountPath: '/etc/coredns', name: 'config-volume', readOnly: true}],
			},
		],
		dnsPolicy: 'Default',
		nodeSelector: {'kubernetes.io/os': 'linux'},
		priorityClassName: 'system-cluster-critical',
		serviceAccountName: 'coredns',
		tolerations: [{key: 'CriticalAddonsOnly', operator: 'Exists'}, {effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane'}],
		volumes: [{configMap: {items: [{key: 'Corefile', path: 'Corefile'}], name: 'coredns'}, name: 'config-volume'}],
	},
};

/** Adds CoreDNS and the kube-dns Service to a new cluster (on a draft), as `kubeadm init` does. */
export function addCoreDns(w: World): void {
	const c = w.cluster!;
	const time = timestampAt(w.time);
	const meta = (name: string, kind: string) => ({name, namespace: 'kube-system', uid: fixedUid(`coredns/${kind}/${name}`), resourceVersion: String(c.resourceVersion), creationTimestamp: time});
	c.store.configmaps.set('kube-system/coredns', {apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('coredns', 'ConfigMap'), data: {Corefile: corefile}});
	c.store.serviceaccounts.set('kube-system/coredns', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('coredns', 'ServiceAccount')});
	const hash = templateHash(podTemplate);
	const deployment: Deployment = {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {...meta('coredns', 'Deployment'), generation: 1, labels, annotations: {'deployment.kubernetes.io/revision': '1'}},
		spec: {replicas: 2, selector: {matchLabels: labels}, strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: 1}}, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, template: structuredClone(podTemplate)},
		status: {},
	};
	c.store.deployments.set('kube-system/coredns', deployment);
	const rsName = `coredns-${hash}`;
	const rsTemplate = structuredClone(podTemplate);
	rsTemplate.metadata.labels = {...labels, 'pod-template-hash': hash} as typeof labels;
	const rs: ReplicaSet = {
		apiVersion: 'apps/v1',
		kind: 'ReplicaSet',
		metadata: {
			...meta(rsName, 'ReplicaSet'),
			generation: 1,
			labels: {...labels, 'pod-template-hash': hash},
			annotations: {'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1'},
			ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: deployment.metadata.uid, controller: true, blockOwnerDeletion: true}],
		},
		spec: {replicas: 2, selector: {matchLabels: {...labels, 'pod-template-hash': hash}}, template: rsTemplate},
		status: {replicas: 0},
	};
	c.store.replicasets.set(`kube-system/${rsName}`, rs);
	// Created while the control plane was the only node: both pods run there.
	for (const suffix of ['5dp7q', 'w8kz4']) {
		const template = structuredClone(rsTemplate);
		createObject(w, {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: `${rsName}-${suffix}`, namespace: 'kube-system', labels: template.metadata.labels, ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true}]},
			spec: {...template.spec, nodeName: c.controlPlane},
		});
	}
	c.dirtyControllers.add(`replicasets/kube-system/${rsName}`);
	c.dirtyControllers.add('deployments/kube-system/coredns');
	createObject(w, {
		apiVersion: 'v1',
		kind: 'Service',
		metadata: {name: 'kube-dns', namespace: 'kube-system', labels: {...labels, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'}, annotations: {'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true'}},
		spec: {
			clusterIP: clusterDnsIp,
			ports: [
				{name: 'dns', port: 53, protocol: 'UDP', targetPort: 53},
				{name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53},
				{name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153},
			],
			selector: labels,
		},
	});
}
