// Storage, quota, network policy and RBAC objects: stored with the API server's defaults, printed
// with kubectl 1.32's columns, and acting as a cluster without add-ons acts.
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {realDisk} from '../../../source/node/real-disk.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function shellWithFixtures() {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(fileURLToPath(new URL('../../fixtures/book-ch4-5/', import.meta.url)))};
	run(shell, 'kubectl apply -f cluster-config.yaml');
	return shell;
}

test('a claim binds to a matching PersistentVolume; a claim without a class is provisioned by the default StorageClass', () => {
	const shell = shellWithFixtures();
	run(shell, 'sleep 2');
	assert.equal(run(shell, 'kubectl get sc').stdout, 'NAME                 PROVISIONER                RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   k8s.io/minikube-hostpath   Delete          Immediate           false                  62s\n');
	assert.equal(
		run(shell, 'kubectl get pvc').stdout,
		'NAME             STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\nmongodb-pvc      Bound    mongodb-pv                                 1Gi        RWO,ROX                       <unset>                 2s\nmongodb-pvc-dp   Bound    pvc-7071e76e-4280-41e2-a1da-e32b080cd632   100Mi      RWO            standard       <unset>                 2s\n',
	);
	assert.equal(run(shell, 'kubectl get pv mongodb-pv').stdout, 'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\nmongodb-pv   1Gi        RWO,ROX        Retain           Bound    default/mongodb-pvc                  <unset>                          2s\n');
	assert.match(run(shell, 'kubectl describe pvc mongodb-pvc-dp').stdout, /Normal {2}ProvisioningSucceeded {2}\S+ +k8s\.io\/minikube-hostpath_control-plane {2}Successfully provisioned volume pvc-/);
	run(shell, 'kubectl delete pvc mongodb-pvc mongodb-pvc-dp');
	run(shell, 'sleep 2');
	// Retain keeps the volume, Released; Delete removes the provisioned one.
	assert.equal(run(shell, 'kubectl get pv').stdout, 'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\nmongodb-pv   1Gi        RWO,ROX        Retain           Released   default/mongodb-pvc                  <unset>                          4s\n');
});

test('a ResourceQuota refuses a pod beyond it in the API server\'s words; the LimitRange fills in requests and limits', () => {
	const shell = shellWithFixtures();
	assert.equal(run(shell, 'kubectl run a --image=nginx').stdout, 'pod/a created\n');
	assert.equal(run(shell, 'kubectl get pod a -o jsonpath={.metadata.annotations}').stdout, '{"kubernetes.io/limit-ranger":"LimitRanger plugin set: cpu, memory request for container a; cpu, memory limit for container a"}');
	assert.equal(run(shell, 'kubectl get pod a -o jsonpath={.spec.containers[0].resources}').stdout, '{"limits":{"cpu":"200m","memory":"100Mi"},"requests":{"cpu":"100m","memory":"10Mi"}}');
	run(shell, 'kubectl run b --image=nginx');
	run(shell, 'kubectl run c --image=nginx');
	assert.equal(run(shell, 'kubectl run d --image=nginx').stderr, 'Error from server (Forbidden): pods "d" is forbidden: exceeded quota: cpu-and-mem, requested: limits.cpu=200m, used: limits.cpu=600m, limited: limits.cpu=600m\n');
	assert.equal(run(shell, 'kubectl get quota').stdout, 'NAME          AGE   REQUEST                                                LIMIT\ncpu-and-mem   0s    requests.cpu: 300m/400m, requests.memory: 30Mi/200Mi   limits.cpu: 600m/600m, limits.memory: 300Mi/500Mi\n');
	assert.equal(run(shell, 'kubectl describe quota cpu-and-mem').stdout, 'Name:            cpu-and-mem\nNamespace:       default\nResource         Used   Hard\n--------         ----   ----\nlimits.cpu       600m   600m\nlimits.memory    300Mi  500Mi\nrequests.cpu     300m   400m\nrequests.memory  30Mi   200Mi\n');
	assert.equal(run(shell, 'kubectl describe limits example').stdout, 'Name:       example\nNamespace:  default\nType        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio\n----        --------  ---  ---  ---------------  -------------  -----------------------\nContainer   cpu       -    -    100m             200m           -\nContainer   memory    -    -    10Mi             100Mi          -\n');
	const quota = sandboxShell({files: {'q.yaml': 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    requests.cpu: "1"\n'}});
	run(quota, 'kubectl apply -f q.yaml');
	assert.equal(run(quota, 'kubectl run x --image=nginx').stderr, 'Error from server (Forbidden): pods "x" is forbidden: failed quota: q: must specify requests.cpu for: x\n');
});

test('NetworkPolicies and RBAC objects are stored and described; the network plugin says it does not enforce policies', () => {
	const shell = shellWithFixtures();
	assert.equal(run(shell, 'kubectl get netpol').stdout, 'NAME                 POD-SELECTOR   AGE\npostgres-netpolicy   app=database   0s\n');
	assert.match(run(shell, 'kubectl describe netpol postgres-netpolicy').stdout, /\nSpec:\n {2}PodSelector: {5}app=database\n {2}Allowing ingress traffic:\n {4}To Port: 5432\/TCP\n {4}From:\n {6}PodSelector: app=webserver\n {2}Not affecting egress traffic\n {2}Policy Types: Ingress\n\[simulator\] this cluster's network plugin does not enforce NetworkPolicies/);
	assert.equal(run(shell, 'kubectl get role,rolebinding').stdout, 'NAME                                            CREATED AT\nrole.rbac.authorization.k8s.io/service-reader   2026-01-05T09:01:00Z\n\nNAME                                         ROLE                  AGE\nrolebinding.rbac.authorization.k8s.io/test   Role/service-reader   0s\n');
	assert.equal(run(shell, 'kubectl describe role service-reader').stdout, 'Name:         service-reader\nLabels:       <none>\nAnnotations:  <none>\nPolicyRule:\n  Resources  Non-Resource URLs  Resource Names  Verbs\n  ---------  -----------------  --------------  -----\n  services   []                 []              [get list]\n');
	assert.match(run(shell, 'kubectl get clusterroles').stdout, /\ncluster-admin {3}2026-01-05T09:00:00Z\n/);
	assert.match(run(shell, 'kubectl get clusterrolebinding cluster-admin -o wide').stdout, /\ncluster-admin {3}ClusterRole\/cluster-admin {3}60s {3}\s*system:masters/);
});
