// `docker system df --format` (docker 28, formatter/disk_usage.go): without -v each of the four
// summary rows goes through the template ("json": one JSON object per row); with -v, "table" is
// the usual sections and "json" is ONE object {Images, Containers, Volumes, BuildCache} whose
// items are the image, container, volume and build-cache contexts' MarshalJSON (Go's sorted map),
// written by tmpl.Execute with no newline after it.
import {marshalContext, formatRows} from './go-format.ts';
import {fail, ok} from './format.ts';
import type {CommandOutcome} from '../../types.ts';

export type DfSummaryRow = {Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string};

const summaryHeaders = {Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE'};

export function formatDfSummary(format: string, rows: DfSummaryRow[]): CommandOutcome {
	const out = formatRows(format, rows, summaryHeaders, '*formatter.diskUsageImagesContext');
	return typeof out === 'string' ? ok(out) : fail(out.error, 1);
}

/** The verbose sections' items, as their formatter contexts marshal them (untruncated: the format is not a table). */
export type DfVerboseItems = {Images: Record<string, unknown>[]; Containers: Record<string, unknown>[]; Volumes: Record<string, unknown>[]; BuildCache: Record<string, unknown>[]};

export function formatDfVerbose(format: string, items: DfVerboseItems): CommandOutcome {
	if (format !== 'json') return ok('', {stderr: '[simulator] docker system df -v with a --format template is not simulated here; --format json is\n'});
	const list = (rows: Record<string, unknown>[]) => `[${rows.map(marshalContext).join(',')}]`;
	return ok(`{"Images":${list(items.Images)},"Containers":${list(items.Containers)},"Volumes":${list(items.Volumes)},"BuildCache":${list(items.BuildCache)}}`);
}
