// Builds the renderer (renderer/ -> dist/renderer) for both the app:// protocol and the web harness.
// Relative base so the same files load from any origin; no inline scripts so the strict CSP holds.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: `${repoRoot}renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    // Inlined assets would become data: URLs or inline styles; keep every asset a file the CSP allows.
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
