// The endpoint's requests and answers as plain data, so handlers are pure functions testable without sockets.
import type {World} from '../engine/world.ts';

export type ApiRequest = {
	method: string;
	/** The path without the query: /api/v1/namespaces/default/pods. */
	path: string;
	query: URLSearchParams;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	body?: string;
	/** The user a service account token (kubectl create token) authenticated, when the kubeconfig's token was not used. */
	serviceAccount?: {name: string; groups: string[]; uid?: string; extra?: Record<string, string[]>};
};

/** `warnings` go out as `Warning: 299 - "..."` headers, which kubectl prints as `Warning: ...`. */
export type ApiResponse = {status: number; body: unknown; contentType?: string; warnings?: string[]};

/** What a watch request asks to be streamed: the server turns world changes into its events. */
export type WatchRequest = {group: string; version: string; resource: string; namespace?: string; name?: string; labelSelector?: string; fieldSelector?: string; sinceVersion?: number; table: boolean; /** allowWatchBookmarks: BOOKMARK events now and then */ bookmarks?: boolean; /** sendInitialEvents: a BOOKMARK marks the end of the first ADDED events */ initialEventsEnd?: boolean};

export type Handled = {
	response: ApiResponse;
	/** The world after the request, when it changed anything. */
	world?: World;
	/** The verb and target of the kubectl command this request is part of, for lesson checks. */
	action?: {verb: string; resource: string; name?: string; namespace?: string};
	watch?: WatchRequest;
	/** `kubectl logs -f`: the log request to read again as the world changes, sending the lines added since. */
	follow?: ApiRequest;
};
