// What the learner may type for a resource type: plural, singular, short name, Kind, with group.
import {resourceInfos, type ResourceInfo} from '../../../engine/k8s/resources.ts';
import {groupOf} from '../../../engine/k8s/api-catalogue.ts';
import {suggestResource} from '../../did-you-mean.ts';
import {realTypeNotSimulated} from './unmodelled.ts';

/**
 * kubectl's error for an unknown type, first line exact; the tutor adds the closest type on a
 * [simulator] line when it is a likely typo (real kubectl prints only the first line).
 */
export function unknownResourceType(typed: string): string {
	const real = realTypeNotSimulated(typed);
	if (real) return real;
	const hint = suggestResource(typed);
	return `error: the server doesn't have a resource type "${typed}"${hint ? `\n${hint}` : ''}`;
}

export function findResource(typed: string): ResourceInfo | undefined {
	const [head, ...rest] = typed.toLowerCase().split('.');
	const suffix = rest.join('.');
	return resourceInfos.find(r => {
		if (!(r.resource === head || r.singular === head || r.shortNames.includes(head!) || r.kind.toLowerCase() === head)) return false;
		const group = groupOf(r.apiVersion);
		const version = r.apiVersion.split('/').pop();
		return !suffix || suffix === group || suffix === `${version}.${group}` || (!group && suffix === version);
	});
}

/** kubectl's "kind/name" prefix in messages: pod, replicationcontroller, deployment.apps. */
export function typePrefix(info: ResourceInfo): string {
	return info.apiVersion.includes('/') ? `${info.singular}.${info.apiVersion.split('/')[0]}` : info.singular;
}

/** The plural as the server reports it in errors: pods, deployments.apps. */
export function qualifiedPlural(info: ResourceInfo): string {
	return info.apiVersion.includes('/') ? `${info.resource}.${info.apiVersion.split('/')[0]}` : info.resource;
}

export type Target = {info: ResourceInfo; names: string[]};

/** Parses "pods", "pods a b", "pod/a", "po,svc" into targets; an error string when a type is unknown. */
export function parseTargets(positional: string[]): Target[] | string {
	if (positional.length === 0) return [];
	if (positional[0]!.includes('/')) {
		const out: Target[] = [];
		for (const p of positional) {
			const [type, name] = p.split('/', 2) as [string, string];
			const info = findResource(type);
			if (!info) return unknownResourceType(type);
			const existing = out.find(t => t.info === info);
			if (existing) existing.names.push(name);
			else out.push({info, names: [name]});
		}
		return out;
	}
	const out: Target[] = [];
	for (const type of positional[0]!.split(',')) {
		const info = findResource(type);
		if (!info) return unknownResourceType(type);
		out.push({info, names: positional.slice(1)});
	}
	return out;
}
