// The bare baselines the service is measured against (service-speed.bench.mjs), each a child process:
// `node baseline-server.mjs <data dir> [json file]`. They use the very express and better-sqlite3 the
// service runs on (resolved from @callflow/server), so a ratio compares the work done, not libraries.
//   POST /events  parses a small JSON body and commits one 2 KB row (SQLite in WAL mode with
//                 synchronous = NORMAL, as the service opens its file), answering a small JSON object;
//   GET /flows    answers the JSON text of the given file, read into memory once at start.
// Prints `listening <port>` on stdout.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.resolve('@callflow/server'));
const express = require('express');
const Database = require('better-sqlite3');

const [dataDir, jsonFile] = process.argv.slice(2);
mkdirSync(dataDir, { recursive: true });
const db = new Database(join(dataDir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, contact_id TEXT NOT NULL, row TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO events (contact_id, row) VALUES (?, ?)');
const ROW = 'x'.repeat(2048);
const flowsJson = jsonFile ? readFileSync(jsonFile, 'utf8') : '[]';

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
app.post('/events', (req, res) => {
  const { lastInsertRowid } = insert.run(String(req.body.contactId), ROW);
  res.json({ seq: Number(lastInsertRowid), type: req.body.type });
});
app.get('/flows', (_req, res) => {
  res.type('application/json').send(flowsJson);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
