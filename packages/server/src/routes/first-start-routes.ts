import { serviceRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import { route } from '../http/contract-route.js';
import type { FirstStartReport } from '../publishing/first-start.js';

/** What the first start of the data directory published, for the designer's notice (null later). */
export function firstStartRoutes(app: Express, report: FirstStartReport | null): void {
  route(app, API.firstStart, (_input, _req, res) => {
    res.json({ firstStart: report });
  });
}
