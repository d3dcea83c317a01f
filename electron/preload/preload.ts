// The sandboxed preload: exposes window.rapport = { invoke, on } and nothing else. Bundled to one CommonJS file
// (dist/electron/preload.cjs) that requires only `electron`. Never imports node:*, core, db or main.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer);
contextBridge.exposeInMainWorld('rapport', { invoke: bridge.invoke, on: bridge.on });
