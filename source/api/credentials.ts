// The API endpoint's secrets, kept in the config folder (mode 0600) and made on first use: a CA,
// a serving certificate for 127.0.0.1/localhost signed by it, and the bearer token kubectl sends.
// kubectl sends a bearer token only over TLS, hence the certificates. node:crypto cannot write
// X.509, so @peculiar/x509 does (bundled; it needs a Reflect metadata polyfill loaded first).
import {randomBytes, webcrypto} from 'node:crypto';
import {chmodSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeFolder} from '../lessons/make-folder.ts';

export type ApiCredentials = {caPem: string; certPem: string; keyPem: string; token: string};

const files = {caPem: 'api-ca.crt', certPem: 'api-server.crt', keyPem: 'api-server.key', token: 'api-token'} as const;

/** The credentials in `dir`, made (and written mode 0600) when any of them is missing. */
export async function loadOrCreateCredentials(dir: string, now = new Date()): Promise<ApiCredentials> {
	const existing = readCredentials(dir);
	if (existing) return existing;
	const problem = makeFolder(dir);
	if (problem) throw new Error(`cannot use ${problem.path} for the API endpoint's certificates: ${problem.reason}`);
	const made = await createCredentials(now);
	for (const [field, name] of Object.entries(files) as [keyof ApiCredentials, string][]) {
		const path = join(dir, name);
		writeFileSync(path, made[field], {mode: 0o600});
		chmodSync(path, 0o600); // a file that existed keeps its mode through writeFileSync
	}
	return made;
}

function readCredentials(dir: string): ApiCredentials | undefined {
	try {
		const read = (name: string) => readFileSync(join(dir, name), 'utf8');
		const out = {caPem: read(files.caPem), certPem: read(files.certPem), keyPem: read(files.keyPem), token: read(files.token).trim()};
		return out.token && out.certPem.includes('BEGIN CERTIFICATE') ? out : undefined;
	} catch {
		return undefined;
	}
}

function pem(label: string, der: ArrayBuffer): string {
	const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
	return `-----BEGIN ${label}-----\n${base64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

export async function createCredentials(now = new Date()): Promise<ApiCredentials> {
	await import('reflect-metadata');
	// From the bundle the CommonJS module arrives as `default`; from source as named exports.
	const loaded = await import('@peculiar/x509');
	const x509 = ('cryptoProvider' in loaded ? loaded : (loaded as unknown as {default: typeof loaded}).default) as typeof loaded;
	x509.cryptoProvider.set(webcrypto as unknown as Crypto);
	const alg = {name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256'} as const;
	const notBefore = new Date(now.getTime() - 60_000);
	const notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
	const serial = () => '01' + randomBytes(8).toString('hex');
	const caKeys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
	const ca = await x509.X509CertificateGenerator.createSelfSigned({
		serialNumber: serial(),
		name: 'CN=k8s-tutor-ca',
		notBefore,
		notAfter,
		keys: caKeys,
		signingAlgorithm: alg,
		extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true), await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey)],
	});
	const serverKeys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
	const cert = await x509.X509CertificateGenerator.create({
		serialNumber: serial(),
		subject: 'CN=kube-apiserver',
		issuer: ca.subject,
		notBefore,
		notAfter,
		publicKey: serverKeys.publicKey,
		signingKey: caKeys.privateKey,
		signingAlgorithm: alg,
		extensions: [
			new x509.BasicConstraintsExtension(false, undefined, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
			new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
			new x509.SubjectAlternativeNameExtension([
				{type: 'dns', value: 'localhost'},
				{type: 'ip', value: '127.0.0.1'},
				{type: 'ip', value: '::1'},
			]),
			await x509.AuthorityKeyIdentifierExtension.create(ca),
		],
	});
	const keyDer = await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
	return {caPem: ca.toString('pem') + '\n', certPem: cert.toString('pem') + '\n', keyPem: pem('PRIVATE KEY', keyDer), token: randomBytes(32).toString('base64url')};
}
