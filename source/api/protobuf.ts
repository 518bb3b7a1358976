// Kubernetes' protobuf request bodies (application/vnd.kubernetes.protobuf), which kubectl 1.32's
// typed clients send (create deployment|role|pdb|token..., auth can-i): the "k8s\0" envelope, a
// runtime.Unknown holding apiVersion, kind and the object's bytes, decoded with the field table of
// protobuf-schema.ts into the JSON the API server would have received from a JSON client.
import {protobufSchemaJson} from './protobuf-schema.ts';

type Field = [number: number, name: string, type: string, flags: string, mapValue?: string];

let schema: Record<string, Field[]> | undefined;
const schemaOf = () => (schema ??= JSON.parse(protobufSchemaJson) as Record<string, Field[]>);

const meta = 'k8s.io.apimachinery.pkg.apis.meta.v1';
/** Fields Go always writes to JSON (no omitempty), so their zero value is kept. */
const zeroKept = new Set(['k8s.io.api.scheduling.v1.PriorityClass.value']);

type Raw = {wire: number; value: bigint | Uint8Array};

class Reader {
	private at = 0;
	constructor(private readonly bytes: Uint8Array) {}
	done(): boolean {
		return this.at >= this.bytes.length;
	}
	varint(): bigint {
		let result = 0n;
		let shift = 0n;
		for (;;) {
			if (this.at >= this.bytes.length) throw new Error('truncated varint');
			const byte = this.bytes[this.at++]!;
			result |= BigInt(byte & 0x7f) << shift;
			if ((byte & 0x80) === 0) return result;
			shift += 7n;
			if (shift > 70n) throw new Error('varint too long');
		}
	}
	take(length: number): Uint8Array {
		if (this.at + length > this.bytes.length) throw new Error('truncated field');
		const out = this.bytes.subarray(this.at, this.at + length);
		this.at += length;
		return out;
	}
	/** A packed repeated scalar's varints. */
	fieldsPacked(): Raw[] {
		const out: Raw[] = [];
		while (!this.done()) out.push({wire: 0, value: this.varint()});
		return out;
	}
	/** Each field as it comes: its number and raw value. */
	fields(): {number: number; raw: Raw}[] {
		const out: {number: number; raw: Raw}[] = [];
		while (!this.done()) {
			const key = Number(this.varint());
			const wire = key & 7;
			const number = key >>> 3;
			if (wire === 0) out.push({number, raw: {wire, value: this.varint()}});
			else if (wire === 2) out.push({number, raw: {wire, value: this.take(Number(this.varint()))}});
			else if (wire === 1) out.push({number, raw: {wire, value: this.take(8)}});
			else if (wire === 5) out.push({number, raw: {wire, value: this.take(4)}});
			else throw new Error(`unsupported wire type ${wire}`);
		}
		return out;
	}
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const bytesOf = (raw: Raw) => (raw.value instanceof Uint8Array ? raw.value : new Uint8Array());
const intOf = (raw: Raw, bits: 32 | 64) => (typeof raw.value === 'bigint' ? Number(BigInt.asIntN(bits, raw.value)) : 0);

/** RFC 3339 as the API server writes a metav1.Time (seconds) or MicroTime (microseconds). */
function timeOf(fields: Map<number, Raw>, micro: boolean): string | undefined {
	const seconds = intOf(fields.get(1) ?? {wire: 0, value: 0n}, 64);
	const nanos = intOf(fields.get(2) ?? {wire: 0, value: 0n}, 32);
	if (seconds === 0 && nanos === 0) return undefined;
	const iso = new Date(seconds * 1000).toISOString();
	return micro ? `${iso.slice(0, 19)}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso.slice(0, 19)}Z`;
}

/** Go's time.Duration.String() for a metav1.Duration (nanoseconds). */
function durationOf(ns: number): string {
	if (ns === 0) return '0s';
	const sign = ns < 0 ? '-' : '';
	let s = Math.abs(ns) / 1e9;
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	s -= m * 60;
	const sec = `${Number(s.toFixed(9))}s`;
	return sign + (h ? `${h}h${m}m${sec}` : m ? `${m}m${sec}` : sec);
}

function scalar(type: string, raw: Raw): unknown {
	switch (type) {
		case 'string':
			return text(bytesOf(raw));
		case 'bytes':
			return Buffer.from(bytesOf(raw)).toString('base64');
		case 'bool':
			return raw.value !== 0n;
		case 'int32':
			return intOf(raw, 32);
		case 'int64':
			return intOf(raw, 64);
		case 'double':
			return Buffer.from(bytesOf(raw)).readDoubleLE(0);
		case 'float':
			return Buffer.from(bytesOf(raw)).readFloatLE(0);
		default:
			return undefined;
	}
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false;

/** One message's bytes as the JSON object (or the string, number... of the special types) it stands for. */
function message(type: string, bytes: Uint8Array): unknown {
	const raws = new Reader(bytes).fields();
	const single = new Map(raws.map(r => [r.number, r.raw]));
	if (type === `${meta}.Time`) return timeOf(single, false);
	if (type === `${meta}.MicroTime`) return timeOf(single, true);
	if (type === `${meta}.Duration`) return durationOf(intOf(single.get(1) ?? {wire: 0, value: 0n}, 64));
	if (type === 'k8s.io.apimachinery.pkg.api.resource.Quantity') return text(bytesOf(single.get(1) ?? {wire: 2, value: new Uint8Array()}));
	if (type === 'k8s.io.apimachinery.pkg.util.intstr.IntOrString') {
		return intOf(single.get(1) ?? {wire: 0, value: 0n}, 64) === 1 ? text(bytesOf(single.get(3) ?? {wire: 2, value: new Uint8Array()})) : intOf(single.get(2) ?? {wire: 0, value: 0n}, 32);
	}
	if (type === 'k8s.io.apimachinery.pkg.runtime.RawExtension' || type === `${meta}.FieldsV1`) {
		const raw = single.get(1);
		if (!raw) return undefined;
		try {
			return JSON.parse(text(bytesOf(raw)));
		} catch {
			return undefined;
		}
	}
	const fields = schemaOf()[type];
	if (!fields) throw new Error(`no protobuf schema for ${type}`);
	const out: Record<string, unknown> = {};
	for (const [number, name, fieldType, flags, mapValue] of fields) {
		const present = raws.filter(r => r.number === number).map(r => r.raw);
		if (present.length === 0) continue;
		const valueOf = (t: string, raw: Raw) => (schemaOf()[t] || t.startsWith('k8s.io.') ? message(t, bytesOf(raw)) : scalar(t, raw));
		if (fieldType === 'map') {
			const entries: Record<string, unknown> = {};
			for (const raw of present) {
				const entry = new Map(new Reader(bytesOf(raw)).fields().map(r => [r.number, r.raw]));
				const key = text(bytesOf(entry.get(1) ?? {wire: 2, value: new Uint8Array()}));
				const value = entry.get(2);
				entries[key] = value ? valueOf(mapValue!, value) : mapValue === 'string' ? '' : undefined;
			}
			out[name] = entries;
			continue;
		}
		if (flags.includes('r')) {
			// A packed repeated scalar comes as one length-delimited run of varints.
			const values = present.flatMap(raw => (raw.wire === 2 && ['int32', 'int64', 'bool'].includes(fieldType) ? new Reader(bytesOf(raw)).fieldsPacked() : [raw]));
			out[name] = values.map(raw => valueOf(fieldType, raw));
			continue;
		}
		const value = valueOf(fieldType, present[present.length - 1]!);
		if (value === undefined) continue;
		// A Go value field reaches JSON without its zero value (omitempty); a pointer field only when it was set, zero or not.
		if (!flags.includes('p') && isZero(value) && !zeroKept.has(`${type}.${name}`)) continue;
		out[name] = value;
	}
	return out;
}

/** The message a body's apiVersion and kind name: apps/v1 Deployment is k8s.io.api.apps.v1.Deployment. */
function messageName(apiVersion: string, kind: string): string {
	const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
	return `k8s.io.api.${group ? group.split('.')[0] : 'core'}.${version}.${kind}`;
}

/** A protobuf body as the JSON object it stands for, or why it cannot be read. */
export function decodeProtobufBody(bytes: Uint8Array): {value: Record<string, unknown>} | {error: string} {
	if (bytes.length < 4 || bytes[0] !== 0x6b || bytes[1] !== 0x38 || bytes[2] !== 0x73 || bytes[3] !== 0) return {error: 'provided object is not a Kubernetes protobuf body (no k8s\\0 prefix)'};
	try {
		// runtime.Unknown: typeMeta (1: apiVersion 1, kind 2), raw (2).
		const unknown = new Map(new Reader(bytes.subarray(4)).fields().map(f => [f.number, f.raw]));
		const typeMeta = new Map(new Reader(bytesOf(unknown.get(1) ?? {wire: 2, value: new Uint8Array()})).fields().map(f => [f.number, f.raw]));
		const apiVersion = text(bytesOf(typeMeta.get(1) ?? {wire: 2, value: new Uint8Array()}));
		const kind = text(bytesOf(typeMeta.get(2) ?? {wire: 2, value: new Uint8Array()}));
		const name = messageName(apiVersion, kind);
		if (!schemaOf()[name]) return {error: `[simulator] this endpoint cannot decode a protobuf ${kind || 'object'} (${apiVersion || 'no apiVersion'}); send it as JSON (kubectl apply -f)`};
		const raw = bytesOf(unknown.get(2) ?? {wire: 2, value: new Uint8Array()});
		return {value: {apiVersion, kind, ...(message(name, raw) as Record<string, unknown>)}};
	} catch (error) {
		return {error: `unable to decode the protobuf body: ${error instanceof Error ? error.message : String(error)}`};
	}
}
