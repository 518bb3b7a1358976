import {useEffect, useMemo, useRef, useState} from 'react';
import type {Clock} from '../clock.ts';
import {litCells, nextExpiry, trackChanges, type ChangeTracker} from './change-tracker.ts';

/** The cells lit because they changed within the last moment; re-renders when they go dark. */
export function useChangeHighlights(values: Map<string, string>, scope: string, clock: Clock): Set<string> {
	const tracker = useRef<ChangeTracker | undefined>(undefined);
	const [, setExpired] = useState(0);
	const current = useMemo(() => (tracker.current = trackChanges(tracker.current, scope, values, clock.now())), [values, scope, clock]);
	const now = clock.now();
	const expiry = nextExpiry(current, now);
	useEffect(() => {
		if (expiry === undefined) return;
		return clock.after(Math.max(1, expiry - clock.now()), () => setExpired(n => n + 1));
	}, [expiry, clock]);
	return litCells(current, now);
}
