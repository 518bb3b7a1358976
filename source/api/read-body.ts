// A request body read within a limit, for both endpoints (the Kubernetes API and the Docker daemon):
// a declared or actual size over the limit drains the rest and answers 'too-large'.
import type {IncomingMessage} from 'node:http';

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
	return new Promise((resolve, reject) => {
		if (Number(req.headers['content-length'] ?? 0) > limit) {
			req.resume();
			return resolve('too-large');
		}
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				req.removeAllListeners('data');
				req.resume();
				return resolve('too-large');
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}
