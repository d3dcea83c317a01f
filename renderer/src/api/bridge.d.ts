// Declares the one global the preload (or the web harness) provides. Only renderer/src/api reads it.
import type { RapportBridge } from '../../../shared/ipc/bridge';

declare global {
  interface Window {
    readonly rapport: RapportBridge;
  }
}

export {};
