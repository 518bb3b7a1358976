// The API server's error answer (a Status with its reason), in a module of its own so that what the
// API server calls (token-request.ts, reached from a pod's start) can name it without an import cycle.
export type ApiErrorReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden';
export type ApiError = {code: number; reason: ApiErrorReason; message: string};
