import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The designer is a static app in dist/ served by @callflow/server. Monaco is split into its own lazy
 * chunks (JSON view only) so the first screen stays small; its workers are bundled, never fetched
 * from a CDN.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4310', '/healthz': 'http://127.0.0.1:4310' },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
});
