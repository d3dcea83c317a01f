// The sandboxed preload: exposes window.rapport = { invoke, on, pathForFile } and nothing else (pathForFile gives
// main the path of a file dropped on a page, which a sandboxed page cannot see itself). Bundled to one CommonJS file
// (dist/electron/preload.cjs) that requires only `electron`. Never imports node:*, core, db or main.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_DROPPED } from '../../shared/ipc/bridge';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer);
contextBridge.exposeInMainWorld('rapport', {
  invoke: bridge.invoke,
  on: bridge.on,
  pathForFile(file: unknown) {
    const path = webUtils.getPathForFile(file as File);
    // Before the page can name the path in a call (same pipe, so main sees this first): a dropped file is picked.
    if (path) ipcRenderer.send(IPC_DROPPED, path);
    return path;
  },
});
