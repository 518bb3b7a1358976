import {useCallback, useRef, useState} from 'react';

/**
 * useReducer whose latest state is readable at once: keys can arrive faster than renders
 * (a typed word, then Enter), and the Enter must see the word.
 */
export function useRefReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, (action: A) => void, {readonly current: S}] {
	const ref = useRef(initial);
	const [state, setState] = useState(initial);
	const dispatch = useCallback(
		(action: A) => {
			const next = reducer(ref.current, action);
			if (next === ref.current) return;
			ref.current = next;
			setState(next);
		},
		[reducer],
	);
	return [state, dispatch, ref];
}
