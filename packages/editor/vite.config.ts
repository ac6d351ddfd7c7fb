import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The designer is a static app in dist/ served by @callflow/server. Monaco is split into its own lazy
 * chunks (JSON view only) so the first screen stays small; its workers are bundled, never fetched
 * from a CDN. The agent desktop (agent.html, served at /agent) is a second entry of the same build: it
 * shares the API client and the model's number rules, and its own code loads only on its page, so the
 * designer's first screen does not grow (docs/agent-desktop.md).
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
    rolldownOptions: {
      input: {
        designer: resolve(import.meta.dirname, 'index.html'),
        desktop: resolve(import.meta.dirname, 'agent.html'),
      },
    },
  },
});
