// kubectl expose: a Service selecting what a pod, replication controller or deployment selects.
import {createObject, getObject} from '../../../engine/k8s/api-server.ts';
import type {CommandOutcome} from '../../types.ts';
import {dryRunOutput} from './actions.ts';
import {flag} from './args.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {dryRunMode} from './dry-run.ts';
import {parseTargets, qualifiedPlural} from './resource-names.ts';

export function kubectlExpose(k: Kctx): CommandOutcome {
	const targets = parseTargets(k.args.positional);
	if (typeof targets === 'string') return fail(targets);
	const target = targets[0];
	const name = target?.names[0];
	if (!target || !name) return fail("error: You must provide one or more resources by argument or filename.");
	const ns = namespaceOf(k);
	const c = k.ctx.world.cluster!;
	const obj = getObject(c, target.info.resource, ns, name);
	if (!obj) return fail(`Error from server (NotFound): ${qualifiedPlural(target.info)} "${name}" not found`);
	if (obj.kind !== 'Pod' && obj.kind !== 'Service' && obj.kind !== 'ReplicationController' && obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet') {
		// canBeExposed: a schema.GroupKind prints as Kind.group
		const group = target.info.apiVersion.includes('/') ? `.${target.info.apiVersion.split('/')[0]}` : '';
		return fail(`error: cannot expose a ${obj.kind}${group}`);
	}
	// A Service's and an RC's selector is a map; a Deployment's and a ReplicaSet's has matchLabels.
	const selector = obj.kind === 'Pod' ? obj.metadata.labels : obj.kind === 'ReplicationController' || obj.kind === 'Service' ? obj.spec.selector : obj.spec.selector?.matchLabels;
	if (!selector || Object.keys(selector).length === 0) return fail(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no labels and cannot be exposed`);
	const containerPort = obj.kind === 'Service' ? undefined : (obj.kind === 'Pod' ? obj.spec.containers : obj.spec.template?.spec?.containers)?.[0]?.ports?.[0]?.containerPort;
	const port = Number(flag(k.args, 'port') ?? containerPort);
	if (!port) return fail("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
	const targetPort = flag(k.args, 'target-port');
	const svcName = flag(k.args, 'name') ?? name;
	const svc = {apiVersion: 'v1', kind: 'Service' as const, metadata: {name: svcName, namespace: ns, labels: obj.metadata.labels}, spec: {type: flag(k.args, 'type') ?? 'ClusterIP', selector: {...selector}, ports: [{port, protocol: 'TCP', targetPort: targetPort ? (Number(targetPort) || targetPort) : port}]}};
	if (dryRunMode(k)) return dryRunOutput(k, svc, `service/${svcName} exposed`);
	const {world, result} = change(k.ctx.world, w => createObject(w, svc));
	if (!result.ok) return fail(serverError(result.error));
	return {stdout: `service/${svcName} exposed\n`, exitCode: 0, world};
}

