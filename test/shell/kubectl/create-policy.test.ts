// kubectl create pdb|priorityclass|quota|ingress|token: --dry-run=client -o yaml|json byte for byte
// as real kubectl 1.32 prints them (fixtures made with it), kubectl's own flag checks and error
// words (compared with the real kubectl through the API endpoint), and what the objects do on the
// simulated cluster: PodDisruptionBudgets' status and drain's evictions, PriorityClasses giving
// pods their priority.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {canonicalQuantity} from '../../../source/shell/commands/kubectl/create-policy-generators.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/kubectl-create/${name}`, import.meta.url), 'utf8');

const golden: [string, string][] = [
	['pdb.yaml', 'kubectl create pdb my-pdb --selector=app=rails --min-available=1 --dry-run=client -o yaml'],
	['pdb.json', "kubectl create pdb half '--selector=app=nginx,env in (prod,qa)' --max-unavailable=50% -n dev --dry-run=client -o json"],
	['pc.yaml', 'kubectl create priorityclass high --value=1000 --description="high priority" --dry-run=client -o yaml'],
	['pc.json', 'kubectl create pc top --value=1000 --global-default --preemption-policy=Never --dry-run=client -o json'],
	['quota.yaml', 'kubectl create quota q --hard=cpu=1000m,memory=1024Mi,pods=10,requests.storage=0.5Gi,count/jobs.batch=5 --scopes=BestEffort --dry-run=client -o yaml'],
	['quota.json', 'kubectl create quota q --hard=cpu=1,memory=1G,pods=10 -n dev --dry-run=client -o json'],
	['ing-simple.yaml', 'kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert" --dry-run=client -o yaml'],
	['ing-multipath.json', 'kubectl create ingress multipath --class=default --rule="foo.com/=svc:port" --rule="foo.com/admin/=svcadmin:portadmin" --annotation a=b --dry-run=client -o json'],
	['ing-tls.yaml', 'kubectl create ingress ingtls --class=default --rule="foo.com/=svc:https,tls" --rule="foo.com/path/subpath*=othersvc:8080" --rule="bar.com/*=b:80,tls=secret1" --default-backend=defaultsvc:http --dry-run=client -o yaml'],
];

test('create pdb|priorityclass|quota|ingress print what real kubectl 1.32 prints for --dry-run=client -o yaml|json', () => {
	const shell = sandboxShell();
	for (const [file, line] of golden) {
		const result = run(shell, line);
		assert.equal(result.stderr, '', line);
		assert.equal(result.stdout, fixture(file), line);
	}
	assert.equal(run(shell, 'kubectl get pdb,quota,ingress -o name').stdout, '', 'a client dry run creates nothing');
});

test('their flag checks answer in kubectl\'s words (as the real kubectl printed them)', () => {
	const shell = sandboxShell();
	const cases: [string, string][] = [
		['kubectl create pdb x --min-available=1', 'error: a selector must be specified\n'],
		['kubectl create pdb x --selector=a=b', 'error: one of min-available or max-unavailable must be specified\n'],
		['kubectl create pdb x --selector=a=b --min-available=1 --max-unavailable=1', 'error: min-available and max-unavailable cannot be both specified\n'],
		['kubectl create pdb x --selector=a=b --min-available=1x', 'error: invalid format specified for min-available\n'],
		["kubectl create pdb x '--selector=a=b,c!=d' --min-available=1", 'error: "!=" is not a valid label selector operator\n'],
		['kubectl create pdb --selector=a=b --min-available=1', "error: exactly one NAME is required, got 0\nSee 'kubectl create poddisruptionbudget -h' for help and examples\n"],
		['kubectl create pc high --value=abc', 'error: invalid argument "abc" for "--value" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl create priorityclass --help\' for usage.\n'],
		['kubectl create quota q --hard=cpu', 'error: Invalid argument syntax cpu, expected <resource>=<value>\n'],
		['kubectl create quota q --hard=cpu=abc', "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
		['kubectl create resourcequota q2 --scopes=,x', 'error: invalid resource quota scope ""\n'],
		['kubectl create ingress bad', 'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n'],
		['kubectl create ingress bad --rule=foo', 'error: rule foo is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n'],
		['kubectl create ingress bad --rule=/=a:1 --annotation=x', 'error: annotation x is invalid and should be in format key=[value]\n'],
		['kubectl create ingress bad --default-backend=a', 'error: default-backend should be in format servicename:serviceport\n'],
		['kubectl create token default --duration=10x', 'error: invalid argument "10x" for "--duration" flag: time: unknown unit "x" in duration "10x"\nSee \'kubectl create token --help\' for usage.\n'],
		['kubectl create token default --bound-object-kind=Job --bound-object-name=x', 'error: supported --bound-object-kind values are Node, Pod, Secret\n'],
		['kubectl create token default --bound-object-name=x', 'error: --bound-object-name can only be set if --bound-object-kind is provided\n'],
		['kubectl create token default --bound-object-kind=Pod', 'error: --bound-object-name is required if --bound-object-kind is provided\n'],
	];
	for (const [line, expected] of cases) {
		const result = run(shell, line);
		assert.equal(result.text, expected, line);
		assert.equal(result.exitCode, 1, line);
	}
});

test('Quantities are written in their canonical form, as the API server stores them', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl create quota q --hard=cpu=1.5,memory=1.5Gi,x=2000,y=1e3,z=0.1').stdout, 'resourcequota/q created\n');
	// The real kubectl 1.32 showed these through the API endpoint.
	assert.match(run(shell, 'kubectl get quota q -o yaml').stdout, /\nspec:\n {2}hard:\n {4}cpu: 1500m\n {4}memory: 1536Mi\n {4}x: 2k\n {4}"y": "1e3"\n {4}z: 100m\n/);
	for (const [input, canonical] of [['1000m', '1'], ['0.5', '500m'], ['1024Mi', '1Gi'], ['1000Mi', '1000Mi'], ['1G', '1G'], ['0.5Ki', '512'], ['1e3', '1e3'], ['100', '100']] as const) assert.equal(canonicalQuantity(input), canonical, input);
});

test('PodDisruptionBudgets: the disruption controller keeps their status; server errors are wrapped as kubectl wraps them', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl create pdb web --selector=app=web --min-available=1').stdout, 'poddisruptionbudget.policy/web created\n');
	assert.equal(run(shell, 'kubectl create pdb web --selector=app=web --min-available=1').text, 'error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "web" already exists\n');
	assert.match(run(shell, 'kubectl create pdb Bad --selector=a=b --min-available=1').text, /^error: failed to create poddisruptionbudgets: PodDisruptionBudget\.policy "Bad" is invalid: metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/);
	run(shell, 'kubectl create deployment web --image=nginx --replicas=3');
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get pdb').stdout, /^NAME {3}MIN AVAILABLE {3}MAX UNAVAILABLE {3}ALLOWED DISRUPTIONS {3}AGE\nweb {4}1 {15}N\/A {15}2 {21}30s\n$/);
	assert.equal(run(shell, 'kubectl describe pdb web').stdout, 'Name:           web\nNamespace:      default\nMin available:  1\nSelector:       app=web\nStatus:\n    Allowed disruptions:  2\n    Current:              3\n    Desired:              1\n    Total:                3\nEvents:                   <none>\n');
	run(shell, 'kubectl create pdb half --selector=app=web --max-unavailable=50%');
	run(shell, 'sleep 1');
	assert.match(run(shell, 'kubectl get pdb half -o yaml').stdout, /\nstatus:\n {2}conditions:\n {2}- lastTransitionTime: "[^"]+"\n {4}message: ""\n {4}observedGeneration: 1\n {4}reason: SufficientPods\n {4}status: "True"\n {4}type: DisruptionAllowed\n {2}currentHealthy: 3\n {2}desiredHealthy: 1\n {2}disruptionsAllowed: 2\n {2}expectedPods: 3\n {2}observedGeneration: 1\n$/);
});

test('kubectl drain evicts through the budget: refused evictions are retried every 5 s until a replacement is ready', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'sleep 30');
	run(shell, 'kubectl create pdb web --selector=app=web --max-unavailable=1');
	run(shell, 'sleep 2');
	const node = (pod: number) => run(shell, `kubectl get pods -l app=web -o jsonpath={.items[${pod}].spec.nodeName}`).stdout;
	const first = node(0);
	const second = node(1);
	assert.notEqual(first, second);
	const one = run(shell, `kubectl drain ${first} --ignore-daemonsets`);
	assert.equal(one.exitCode, 0);
	assert.match(one.stdout, /\nevicting pod default\/web-\S+\npod\/web-\S+ evicted\nnode\/worker-\d drained\n$/);
	// The budget now allows no disruption until the replacement is Ready elsewhere.
	const two = run(shell, `kubectl drain ${second} --ignore-daemonsets`);
	assert.equal(two.exitCode, 0, two.text);
	assert.match(two.text, /evicting pod default\/(web-\S+)\nerror when evicting pods\/"web-\S+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.\n(evicting pod [^\n]+\n(error when evicting [^\n]+\n)?)*pod\/web-\S+ evicted\nnode\/worker-\d drained\n$/);
	// Two budgets on one pod: the eviction API answers 500, and drain gives up on that pod with its message.
	run(shell, 'kubectl uncordon worker-1 worker-2 worker-3');
	run(shell, 'sleep 30');
	run(shell, 'kubectl create pdb all --selector=app=web --min-available=100%');
	run(shell, 'sleep 2');
	const doubly = node(0);
	const twice = run(shell, `kubectl drain ${doubly} --ignore-daemonsets`);
	assert.equal(twice.exitCode, 1);
	const twoBudgets = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
	const tried = [...twice.text.matchAll(/^evicting pod default\/(\S+)$/gm)].map(m => m[1]!);
	assert.ok(tried.length > 0, twice.text);
	assert.match(twice.text, new RegExp(`\nerror: unable to drain node "${doubly}" due to error: [^\n]+, continuing command\\.\\.\\.\nThere are pending nodes to be drained:\n ${doubly}\n`));
	assert.ok(twice.text.endsWith(tried.map(pod => `error when evicting pods/"${pod}" -n "default": ${twoBudgets}\n`).join('')), twice.text);
	// With a budget that never allows it, --timeout ends the drain with kubectl's error.
	run(shell, 'kubectl delete pdb web');
	run(shell, `kubectl uncordon ${doubly}`);
	const stuck = node(0);
	const three = run(shell, `kubectl drain ${stuck} --ignore-daemonsets --timeout=12s`);
	assert.equal(three.exitCode, 1);
	const refused = three.text.split('\n').filter(l => l.startsWith('error when evicting') && l.endsWith('(will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.'));
	const pods = new Set(refused.map(l => l.split('"')[1]));
	assert.equal(refused.length, 3 * pods.size, 'tries at 0, 5 and 10 s, then the 12 s timeout');
	// As the real kubectl 1.32 prints it (measured through the endpoint): after the last 5 s sleep each pod is "evicting" once more,
	// then the pods still on the node, before the error; the DaemonSet warning is on stderr.
	for (const pod of pods) assert.equal(three.stdout.split('\n').filter(l => l === `evicting pod default/${pod}`).length, 4);
	assert.match(three.stderr, new RegExp(`^Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-\\S+\n`));
	assert.match(three.stderr, new RegExp(`\nThere are pending pods in node "${stuck}" when an error occurred: [^\n]+global timeout reached: 12s\\]?\n(pod/web-\\S+\n)+error: unable to drain node`));
	assert.match(three.text, new RegExp(`error: unable to drain node "${stuck}" due to error: (\\[)?error when evicting pods/"web-\\S+" -n "default": global timeout reached: 12s(, error when [^\\n]+\\])?, continuing command\\.\\.\\.\\nThere are pending nodes to be drained:\\n ${stuck}\\n(error when evicting pods/"web-\\S+" -n "default": global timeout reached: 12s\\n)+$`));
});

test('PriorityClasses: the two system classes exist, a pod takes its class\'s priority (or the global default\'s), and the API refuses what the real one refuses', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'kubectl get pc').stdout, /^NAME {22}VALUE {8}GLOBAL-DEFAULT {3}AGE\nsystem-cluster-critical {3}2000000000 {3}false {12}\d+s\nsystem-node-critical {6}2000001000 {3}false {12}\d+s\n$/);
	assert.equal(run(shell, 'kubectl describe pc system-node-critical').stdout, 'Name:              system-node-critical\nValue:             2000001000\nGlobalDefault:     false\nPreemptionPolicy:  PreemptLowerPriority\nDescription:       Used for system critical pods that must not be moved from their current node.\nAnnotations:       <none>\nEvents:            <none>\n');
	assert.equal(run(shell, 'kubectl get pod -n kube-system etcd-control-plane -o jsonpath={.spec.priority}').stdout, '2000001000');
	assert.equal(run(shell, 'kubectl create pc high --value=1000 --description="high priority"').stdout, 'priorityclass.scheduling.k8s.io/high created\n');
	assert.equal(run(shell, 'kubectl create pc system-x --value=1000').text, "error: failed to create priorityclass: PriorityClass.scheduling.k8s.io \"system-x\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only\n");
	assert.equal(run(shell, 'kubectl create pc big --value=2000000000').text, 'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "big" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n');
	assert.equal(run(shell, 'kubectl create pc def1 --value=7 --global-default').stdout, 'priorityclass.scheduling.k8s.io/def1 created\n');
	assert.equal(run(shell, 'kubectl create pc def2 --value=1 --global-default').text, 'error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "def2" is forbidden: PriorityClass def1 is already marked as default. Only one default can exist\n');
	run(shell, 'kubectl run plain --image=nginx');
	assert.equal(run(shell, 'kubectl get pod plain -o jsonpath={.spec.priorityClassName}/{.spec.priority}').stdout, 'def1/7');
	const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {N}\nspec:\n  priorityClassName: {C}\n  containers:\n  - name: c\n    image: nginx\n';
	const withClass = (n: string, c: string) => ({files: {[`${n}.yaml`]: pod.replace('{N}', n).replace('{C}', c)}});
	const shell2 = sandboxShell(withClass('urgent', 'high'));
	run(shell2, 'kubectl create pc high --value=1000');
	assert.equal(run(shell2, 'kubectl apply -f urgent.yaml').stdout, 'pod/urgent created\n');
	assert.equal(run(shell2, 'kubectl get pod urgent -o jsonpath={.spec.priority}').stdout, '1000');
	const shell3 = sandboxShell(withClass('lost', 'nope'));
	assert.equal(run(shell3, 'kubectl apply -f lost.yaml').text, 'Error from server (Forbidden): error when creating "lost.yaml": pods "lost" is forbidden: no PriorityClass with name nope was found\n');
});

test('kubectl create token prints a signed JWT for the service account, with its claims', () => {
	const shell = sandboxShell();
	const result = run(shell, 'kubectl create token default');
	assert.equal(result.exitCode, 0);
	const token = result.stdout.trimEnd();
	const [header, payload, signature] = token.split('.') as [string, string, string];
	assert.deepEqual(Object.keys(JSON.parse(Buffer.from(header, 'base64url').toString())), ['alg', 'kid']);
	assert.equal(JSON.parse(Buffer.from(header, 'base64url').toString()).alg, 'RS256');
	assert.equal(Buffer.from(signature, 'base64url').length, 256);
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
	const uid = run(shell, 'kubectl get sa default -o jsonpath={.metadata.uid}').stdout;
	assert.deepEqual(Object.keys(claims), ['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
	assert.deepEqual(claims.aud, ['https://kubernetes.default.svc.cluster.local']);
	assert.equal(claims.exp - claims.iat, 3600);
	assert.equal(claims.sub, 'system:serviceaccount:default:default');
	assert.deepEqual(claims['kubernetes.io'], {namespace: 'default', serviceaccount: {name: 'default', uid}});
	const longer = JSON.parse(Buffer.from(run(shell, 'kubectl create token default --duration=2h --audience=vault').stdout.split('.')[1]!, 'base64url').toString());
	assert.equal(longer.exp - longer.iat, 7200);
	assert.deepEqual(longer.aud, ['vault']);
	assert.equal(run(shell, 'kubectl create token nope').text, 'error: failed to create token: serviceaccounts "nope" not found\n');
	assert.equal(run(shell, 'kubectl create token default --duration=1m').text, 'error: failed to create token: TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n');
	assert.equal(run(shell, 'kubectl create token default --bound-object-kind=Pod --bound-object-name=nope').text, 'error: failed to create token: pods "nope" not found\n');
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 5');
	const bound = JSON.parse(Buffer.from(run(shell, 'kubectl create token default --bound-object-kind=Pod --bound-object-name=web').stdout.split('.')[1]!, 'base64url').toString());
	assert.deepEqual(Object.keys(bound['kubernetes.io']), ['namespace', 'node', 'pod', 'serviceaccount']);
	assert.match(run(shell, 'kubectl create token default -o yaml').stdout, /^apiVersion: authentication\.k8s\.io\/v1\nkind: TokenRequest\nmetadata:\n {2}creationTimestamp: "[^"]+"\n {2}name: default\n {2}namespace: default\nspec:\n {2}audiences:\n {2}- https:\/\/kubernetes\.default\.svc\.cluster\.local\n {2}boundObjectRef: null\n {2}expirationSeconds: 3600\nstatus:\n {2}expirationTimestamp: "[^"]+"\n {2}token: eyJ/);
});
