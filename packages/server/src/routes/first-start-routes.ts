import type { Express } from 'express';
import type { FirstStartReport } from '../publishing/first-start.js';

/** What the first start of the data directory published, for the designer's notice (null later). */
export function firstStartRoutes(app: Express, report: FirstStartReport | null): void {
  app.get('/api/first-start', (_req, res) => {
    res.json({ firstStart: report });
  });
}
