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
    rollupOptions: {
      output: {
        // zod and the renderer's zod settings (jitless: the CSP forbids eval) in one chunk, settings right after zod:
        // split routes put schemas in shared chunks that run before the entry's own modules, and a schema built before
        // jitless is set probes `new Function`, which the CSP reports as a violation.
        manualChunks: (id) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]renderer[\\/]src[\\/]app[\\/]zod-config\.ts$/.test(id) ? 'zod' : undefined),
      },
    },
  },
});
