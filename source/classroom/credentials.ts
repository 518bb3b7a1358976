// Join codes and student tokens. The code keeps strangers out of the room; the token, given
// on first join, proves a returning student is the one who first took the name.
import {createHash, randomBytes, randomInt, timingSafeEqual} from 'node:crypto';

// No 0/O, 1/I/L: the code is read aloud and copied from a projector.
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 6): string {
	let code = '';
	for (let i = 0; i < length; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return code;
}

/** Codes are compared ignoring case, spaces and dashes ("abc-234" is "ABC234"). */
export function normalizeCode(code: string): string {
	return code.toUpperCase().replace(/[\s-]/g, '');
}

export function codesMatch(expected: string, given: string): boolean {
	return safeEqual(normalizeCode(expected), normalizeCode(given));
}

export function newToken(): string {
	return randomBytes(18).toString('base64url');
}

/** The session folder keeps only a token's hash: a copied log does not let anyone pose as a student. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(tokenHash: string, token: string | undefined): boolean {
	return token !== undefined && safeEqual(tokenHash, hashToken(token));
}

function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}
