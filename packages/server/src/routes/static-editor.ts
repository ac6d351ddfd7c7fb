import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the editor build when it exists. Any GET that is not an API route and not a file falls back
 * to index.html, so that client-side routes survive a reload. Without a build, / explains how to get one.
 */
export function serveEditor(app: Express, editorDist: string): void {
  const index = join(editorDist, 'index.html');
  if (existsSync(index)) {
    app.use(
      express.static(editorDist, {
        index: 'index.html',
        maxAge: '1h',
        // Asset names carry a content hash; index.html does not, so it is always revalidated.
        setHeaders: (res, path) => {
          if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    app.use((req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || isServiceRoute(req.path)) {
        next();
        return;
      }
      res.set('Cache-Control', 'no-cache').sendFile(index);
    });
    return;
  }
  app.get('/', (_req, res) => {
    res
      .type('text/plain')
      .send(
        'callflow server is running. The editor is not built: run `npm run build -w @callflow/editor`.\n',
      );
  });
}

function isServiceRoute(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/metrics' || path === '/healthz';
}
