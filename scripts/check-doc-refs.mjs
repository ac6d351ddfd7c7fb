// Keeps the repository self-contained: comments and docs may point only at documents it holds.
// Fails (exit 1) when a file names a design note kept outside the repository, or when a reference such
// as `docs/domain.md#caller-id` (or, inside docs/, `[text](domain.md#caller-id)`) names a doc or a
// section heading that does not exist. `node scripts/check-doc-refs.mjs [root]`; part of `npm run check`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const TEXT = /\.(?:ts|tsx|mts|js|mjs|cjs|json|md|yml|yaml|css|html)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'generated', 'test-results', 'playwright-report']);

/** Files git tracks (what a reader of the repository sees); a plain walk when git is not there. */
function listFiles() {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter((f) => f && existsSync(join(root, f)));
  } catch {
    const found = [];
    const walk = (dir) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (SKIP_DIRS.has(entry.name)) continue;
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else found.push(path);
      }
    };
    walk('');
    return found;
  }
}

/** Team notes that live beside the repository, not in it: a reader of the code cannot open them. */
const OUTSIDE = /\b(?:DESIGN|DOMAIN|STYLE|TOOLCHAIN)\.md\b|\/work\/shared\b|\bshared\/(?:tools|hooks)\//;
const DOC_REF = /\bdocs\/([a-z0-9][a-z0-9-]*\.md)(?:#([A-Za-z0-9_-]+))?/g;
const MD_LINK = /\]\((?!https?:)([a-z0-9][a-z0-9-]*\.md)?(?:#([A-Za-z0-9_-]+))?\)/g;

/** The anchors GitHub gives a document's headings (lower case, punctuation dropped, spaces as '-'). */
const anchorCache = new Map();
function anchorsOf(doc) {
  let anchors = anchorCache.get(doc);
  if (anchors) return anchors;
  anchors = new Set();
  const seen = new Map();
  let fenced = false;
  for (const line of readFileSync(join(root, 'docs', doc), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  anchorCache.set(doc, anchors);
  return anchors;
}

const problems = [];
for (const file of listFiles()) {
  if (!TEXT.test(file) || file.split('/').some((part) => SKIP_DIRS.has(part))) continue;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const inDocs = posix.dirname(file) === 'docs';
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    const outside = OUTSIDE.exec(line);
    if (outside) problems.push(`${at}: names ${outside[0]}, which is not in the repository`);
    const refs = [...line.matchAll(DOC_REF)].map((m) => [m[1], m[2]]);
    if (inDocs) for (const m of line.matchAll(MD_LINK)) refs.push([m[1] ?? posix.basename(file), m[2]]);
    for (const [doc, anchor] of refs) {
      if (!existsSync(join(root, 'docs', doc))) problems.push(`${at}: docs/${doc} does not exist`);
      else if (anchor && !anchorsOf(doc).has(anchor))
        problems.push(`${at}: docs/${doc} has no section #${anchor}`);
    }
  });
}

if (problems.length > 0) {
  console.error(`Broken or outside references (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
