// Every resource type the API server of a kubeadm-built Kubernetes 1.32 cluster serves (what
// `kubectl api-resources` lists there), modelled or not: a type missing from the simulation is
// still a real one, and kubectl here says so instead of claiming the server lacks it.

export type CatalogueEntry = {resource: string; shortNames: string[]; apiVersion: string; namespaced: boolean; kind: string};

export const apiCatalogue: CatalogueEntry[] = [
	{resource: 'bindings', shortNames: [], apiVersion: 'v1', namespaced: true, kind: 'Binding'},
	{resource: 'componentstatuses', shortNames: ['cs'], apiVersion: 'v1', namespaced: false, kind: 'ComponentStatus'},
	{resource: 'configmaps', shortNames: ['cm'], apiVersion: 'v1', namespaced: true, kind: 'ConfigMap'},
	{resource: 'endpoints', shortNames: ['ep'], apiVersion: 'v1', namespaced: true, kind: 'Endpoints'},
	{resource: 'events', shortNames: ['ev'], apiVersion: 'v1', namespaced: true, kind: 'Event'},
	{resource: 'limitranges', shortNames: ['limits'], apiVersion: 'v1', namespaced: true, kind: 'LimitRange'},
	{resource: 'namespaces', shortNames: ['ns'], apiVersion: 'v1', namespaced: false, kind: 'Namespace'},
	{resource: 'nodes', shortNames: ['no'], apiVersion: 'v1', namespaced: false, kind: 'Node'},
	{resource: 'persistentvolumeclaims', shortNames: ['pvc'], apiVersion: 'v1', namespaced: true, kind: 'PersistentVolumeClaim'},
	{resource: 'persistentvolumes', shortNames: ['pv'], apiVersion: 'v1', namespaced: false, kind: 'PersistentVolume'},
	{resource: 'pods', shortNames: ['po'], apiVersion: 'v1', namespaced: true, kind: 'Pod'},
	{resource: 'podtemplates', shortNames: [], apiVersion: 'v1', namespaced: true, kind: 'PodTemplate'},
	{resource: 'replicationcontrollers', shortNames: ['rc'], apiVersion: 'v1', namespaced: true, kind: 'ReplicationController'},
	{resource: 'resourcequotas', shortNames: ['quota'], apiVersion: 'v1', namespaced: true, kind: 'ResourceQuota'},
	{resource: 'secrets', shortNames: [], apiVersion: 'v1', namespaced: true, kind: 'Secret'},
	{resource: 'serviceaccounts', shortNames: ['sa'], apiVersion: 'v1', namespaced: true, kind: 'ServiceAccount'},
	{resource: 'services', shortNames: ['svc'], apiVersion: 'v1', namespaced: true, kind: 'Service'},
	{resource: 'mutatingwebhookconfigurations', shortNames: [], apiVersion: 'admissionregistration.k8s.io/v1', namespaced: false, kind: 'MutatingWebhookConfiguration'},
	{resource: 'validatingadmissionpolicies', shortNames: [], apiVersion: 'admissionregistration.k8s.io/v1', namespaced: false, kind: 'ValidatingAdmissionPolicy'},
	{resource: 'validatingadmissionpolicybindings', shortNames: [], apiVersion: 'admissionregistration.k8s.io/v1', namespaced: false, kind: 'ValidatingAdmissionPolicyBinding'},
	{resource: 'validatingwebhookconfigurations', shortNames: [], apiVersion: 'admissionregistration.k8s.io/v1', namespaced: false, kind: 'ValidatingWebhookConfiguration'},
	{resource: 'customresourcedefinitions', shortNames: ['crd', 'crds'], apiVersion: 'apiextensions.k8s.io/v1', namespaced: false, kind: 'CustomResourceDefinition'},
	{resource: 'apiservices', shortNames: [], apiVersion: 'apiregistration.k8s.io/v1', namespaced: false, kind: 'APIService'},
	{resource: 'controllerrevisions', shortNames: [], apiVersion: 'apps/v1', namespaced: true, kind: 'ControllerRevision'},
	{resource: 'daemonsets', shortNames: ['ds'], apiVersion: 'apps/v1', namespaced: true, kind: 'DaemonSet'},
	{resource: 'deployments', shortNames: ['deploy'], apiVersion: 'apps/v1', namespaced: true, kind: 'Deployment'},
	{resource: 'replicasets', shortNames: ['rs'], apiVersion: 'apps/v1', namespaced: true, kind: 'ReplicaSet'},
	{resource: 'statefulsets', shortNames: ['sts'], apiVersion: 'apps/v1', namespaced: true, kind: 'StatefulSet'},
	{resource: 'selfsubjectreviews', shortNames: [], apiVersion: 'authentication.k8s.io/v1', namespaced: false, kind: 'SelfSubjectReview'},
	{resource: 'tokenreviews', shortNames: [], apiVersion: 'authentication.k8s.io/v1', namespaced: false, kind: 'TokenReview'},
	{resource: 'localsubjectaccessreviews', shortNames: [], apiVersion: 'authorization.k8s.io/v1', namespaced: true, kind: 'LocalSubjectAccessReview'},
	{resource: 'selfsubjectaccessreviews', shortNames: [], apiVersion: 'authorization.k8s.io/v1', namespaced: false, kind: 'SelfSubjectAccessReview'},
	{resource: 'selfsubjectrulesreviews', shortNames: [], apiVersion: 'authorization.k8s.io/v1', namespaced: false, kind: 'SelfSubjectRulesReview'},
	{resource: 'subjectaccessreviews', shortNames: [], apiVersion: 'authorization.k8s.io/v1', namespaced: false, kind: 'SubjectAccessReview'},
	{resource: 'horizontalpodautoscalers', shortNames: ['hpa'], apiVersion: 'autoscaling/v2', namespaced: true, kind: 'HorizontalPodAutoscaler'},
	{resource: 'cronjobs', shortNames: ['cj'], apiVersion: 'batch/v1', namespaced: true, kind: 'CronJob'},
	{resource: 'jobs', shortNames: [], apiVersion: 'batch/v1', namespaced: true, kind: 'Job'},
	{resource: 'certificatesigningrequests', shortNames: ['csr'], apiVersion: 'certificates.k8s.io/v1', namespaced: false, kind: 'CertificateSigningRequest'},
	{resource: 'leases', shortNames: [], apiVersion: 'coordination.k8s.io/v1', namespaced: true, kind: 'Lease'},
	{resource: 'endpointslices', shortNames: [], apiVersion: 'discovery.k8s.io/v1', namespaced: true, kind: 'EndpointSlice'},
	{resource: 'events', shortNames: ['ev'], apiVersion: 'events.k8s.io/v1', namespaced: true, kind: 'Event'},
	{resource: 'flowschemas', shortNames: [], apiVersion: 'flowcontrol.apiserver.k8s.io/v1', namespaced: false, kind: 'FlowSchema'},
	{resource: 'prioritylevelconfigurations', shortNames: [], apiVersion: 'flowcontrol.apiserver.k8s.io/v1', namespaced: false, kind: 'PriorityLevelConfiguration'},
	{resource: 'ingressclasses', shortNames: [], apiVersion: 'networking.k8s.io/v1', namespaced: false, kind: 'IngressClass'},
	{resource: 'ingresses', shortNames: ['ing'], apiVersion: 'networking.k8s.io/v1', namespaced: true, kind: 'Ingress'},
	{resource: 'networkpolicies', shortNames: ['netpol'], apiVersion: 'networking.k8s.io/v1', namespaced: true, kind: 'NetworkPolicy'},
	{resource: 'runtimeclasses', shortNames: [], apiVersion: 'node.k8s.io/v1', namespaced: false, kind: 'RuntimeClass'},
	{resource: 'poddisruptionbudgets', shortNames: ['pdb'], apiVersion: 'policy/v1', namespaced: true, kind: 'PodDisruptionBudget'},
	{resource: 'clusterrolebindings', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: false, kind: 'ClusterRoleBinding'},
	{resource: 'clusterroles', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: false, kind: 'ClusterRole'},
	{resource: 'rolebindings', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: true, kind: 'RoleBinding'},
	{resource: 'roles', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: true, kind: 'Role'},
	{resource: 'priorityclasses', shortNames: ['pc'], apiVersion: 'scheduling.k8s.io/v1', namespaced: false, kind: 'PriorityClass'},
	{resource: 'csidrivers', shortNames: [], apiVersion: 'storage.k8s.io/v1', namespaced: false, kind: 'CSIDriver'},
	{resource: 'csinodes', shortNames: [], apiVersion: 'storage.k8s.io/v1', namespaced: false, kind: 'CSINode'},
	{resource: 'csistoragecapacities', shortNames: [], apiVersion: 'storage.k8s.io/v1', namespaced: true, kind: 'CSIStorageCapacity'},
	{resource: 'storageclasses', shortNames: ['sc'], apiVersion: 'storage.k8s.io/v1', namespaced: false, kind: 'StorageClass'},
	{resource: 'volumeattachments', shortNames: [], apiVersion: 'storage.k8s.io/v1', namespaced: false, kind: 'VolumeAttachment'},
];

/** The group of an apiVersion: "" for the core group's "v1", "apps" for "apps/v1". */
export function groupOf(apiVersion: string): string {
	return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}

/** The real type a word names (plural, singular, short name or Kind, optionally with .group or .version.group). */
export function catalogueEntry(typed: string): CatalogueEntry | undefined {
	const word = typed.toLowerCase();
	const [head, ...rest] = word.split('.');
	const suffix = rest.join('.');
	return apiCatalogue.find(e => {
		const names = [e.resource, e.kind.toLowerCase(), ...e.shortNames];
		if (!names.includes(head!)) return false;
		if (!suffix) return true;
		const group = groupOf(e.apiVersion);
		const version = e.apiVersion.split('/').pop()!;
		return suffix === group || suffix === `${version}.${group}` || (group === '' && suffix === version);
	});
}

/** The catalogue's entry for a manifest's kind and apiVersion (a removed version such as extensions/v1beta1 has none). */
export function catalogueByKind(kind: string, apiVersion: string): CatalogueEntry | undefined {
	return apiCatalogue.find(e => e.kind === kind && e.apiVersion === apiVersion);
}

/** "configmaps", "jobs.batch", "ingresses.networking.k8s.io": how kubectl names a type in messages. */
export function qualifiedName(e: {resource: string; apiVersion: string}): string {
	const group = groupOf(e.apiVersion);
	return group ? `${e.resource}.${group}` : e.resource;
}
