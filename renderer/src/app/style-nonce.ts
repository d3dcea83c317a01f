// The CSP only admits <style> tags that carry this load's nonce; the host writes it into a meta tag.
import { STYLE_NONCE_META } from '../../../shared/ipc/bridge';

declare global {
  // Read by get-nonce, which react-remove-scroll (Mantine's modals and Spotlight) uses for its <style> tag.
  var __webpack_nonce__: string | undefined;
}

/** Returns the nonce for Mantine's getStyleNonce, and hands it to the libraries that read it globally. */
export function installStyleNonce(): string {
  const nonce = document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content ?? '';
  if (nonce) globalThis.__webpack_nonce__ = nonce;
  return nonce;
}
