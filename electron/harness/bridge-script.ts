// The browser side of the harness: defines window.rapport over HTTP and SSE with exactly the shape the
// preload exposes in Electron ({ invoke, on }), so the renderer cannot tell the two apart.
export const BRIDGE_PATH = '/__harness/bridge.js';

export const BRIDGE_SCRIPT = `(() => {
  'use strict';
  let source = null;
  const sourceOf = () => (source ??= new EventSource('/events'));
  window.rapport = Object.freeze({
    async invoke(channel, input) {
      try {
        const response = await fetch('/rpc/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined ? {} : input),
        });
        const body = await response.json();
        return response.ok ? { ok: true, value: body } : { ok: false, error: body };
      } catch (error) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'The Rapport harness is not reachable' } };
      }
    },
    on(event, listener) {
      const handler = (message) => listener(JSON.parse(message.data));
      sourceOf().addEventListener(event, handler);
      return () => sourceOf().removeEventListener(event, handler);
    },
  });
})();
`;
