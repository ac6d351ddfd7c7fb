import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serviceRoutes as API } from '@callflow/model/api-contract';
import express, { type Express } from 'express';
import { route } from '../http/contract-route.js';

/** The agent desktop's page in the editor build (a second entry of the same Vite build). */
export const AGENT_DESKTOP_PAGE = 'agent.html';

/**
 * Serves the editor build when it exists. Any GET that is not an API route and not a file falls back
 * to index.html, so that client-side routes survive a reload; /agent (and below it) is the agent
 * desktop's page instead. Without a build, / and /agent explain how to get one.
 */
export function serveEditor(app: Express, editorDist: string): void {
  const index = join(editorDist, 'index.html');
  const desktop = join(editorDist, AGENT_DESKTOP_PAGE);
  // Registered as a route of its own (a row of the role table): the page is public, its API is not.
  route(app, API.agentDesktopPage, (_input, _req, res) => {
    if (existsSync(desktop)) res.set('Cache-Control', 'no-cache').sendFile(desktop);
    else res.type('text/plain').send(NOT_BUILT);
  });
  if (existsSync(index)) {
    app.use(
      express.static(editorDist, {
        index: 'index.html',
        maxAge: '1h',
        // Asset names carry a content hash; the pages do not, so they are always revalidated.
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
      const page = req.path.startsWith('/agent/') && existsSync(desktop) ? desktop : index;
      res.set('Cache-Control', 'no-cache').sendFile(page);
    });
    return;
  }
  app.get('/', (_req, res) => {
    res.type('text/plain').send(NOT_BUILT);
  });
}

const NOT_BUILT =
  'callflow server is running. The editor is not built: run `npm run build -w @callflow/editor`.\n';

function isServiceRoute(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/metrics' || path === '/healthz';
}
