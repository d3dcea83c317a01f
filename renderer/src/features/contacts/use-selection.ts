// Which rows of a list are ticked, for acting on several at once (export, bulk changes), or "all matching": everyone
// the list's filter matches, loaded or not (the list is paged), which actions then send as the filter.
import { useState } from 'react';

const NONE: ReadonlySet<string> = new Set();

interface State {
  scope: string;
  ids: ReadonlySet<string>;
  /** The last id ticked or cleared: where a Shift+click range starts. */
  anchor: string | null;
  /** Every contact the filter matches is selected, not only the ticked rows. */
  allMatching: boolean;
}

/**
 * A set of ticked ids that empties itself whenever `scope` changes. The scope is kept beside the ids and
 * reset during render (React's pattern for state that follows a prop), so no render shows a stale selection
 * and going back to an earlier scope does not bring its old selection back.
 */
export function useSelection(scope: string) {
  const [state, setState] = useState<State>({ scope, ids: NONE, anchor: null, allMatching: false });
  if (state.scope !== scope) setState({ scope, ids: NONE, anchor: null, allMatching: false });
  const selected = state.scope === scope ? state.ids : NONE;
  return {
    selected,
    allMatching: state.scope === scope && state.allMatching,
    /** Ticks or clears `id`; given `order` (the list's ids, in order), also every id between it and the last one toggled. */
    toggle: (id: string, on: boolean, order?: readonly string[]) =>
      setState((current) => {
        const same = current.scope === scope;
        const ids = new Set(same ? current.ids : NONE);
        const from = order && same && current.anchor ? order.indexOf(current.anchor) : -1;
        const to = order ? order.indexOf(id) : -1;
        const range = order && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
        for (const each of range) {
          if (on) ids.add(each);
          else ids.delete(each);
        }
        return { scope, ids, anchor: id, allMatching: false };
      }),
    selectAll: (ids: readonly string[]) => setState({ scope, ids: new Set(ids), anchor: null, allMatching: false }),
    /** Everyone the filter matches; the ticked rows stay ticked, so the rows still show it. */
    selectAllMatching: (ids: readonly string[]) => setState({ scope, ids: new Set(ids), anchor: null, allMatching: true }),
    clear: () => setState({ scope, ids: NONE, anchor: null, allMatching: false }),
  };
}
