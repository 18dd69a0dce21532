#!/usr/bin/env node
// The size rules of docs/architecture.md: thin apps, small libs. Run by `npm test` with the import rules.
const fs = require('fs');
const path = require('path');

const APPS_SHARE_MAX = 0.2;
const APP_FILE_LINES_MAX = 150;
const LIB_LINES_MAX = 3000;

const root = path.join(__dirname, '..');
const isProductCode = (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.includes(`${path.sep}testing${path.sep}`);
function linesOf(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
}
function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : isProductCode(full) ? [full] : [];
  });
}
function packages(kind) {
  return fs.readdirSync(path.join(root, kind)).map((name) => {
    const files = filesUnder(path.join(root, kind, name)).map((file) => ({ file: path.relative(root, file), lines: linesOf(file) }));
    return { name: `${kind}/${name}`, files, lines: files.reduce((sum, f) => sum + f.lines, 0) };
  });
}

const apps = packages('apps');
const libs = packages('libs');
const appLines = apps.reduce((sum, p) => sum + p.lines, 0);
const allLines = appLines + libs.reduce((sum, p) => sum + p.lines, 0);
const problems = [];
if (appLines / allLines > APPS_SHARE_MAX)
  problems.push(`apps/ hold ${((100 * appLines) / allLines).toFixed(1)}% of the product's lines (at most ${APPS_SHARE_MAX * 100}%)`);
for (const f of apps.flatMap((p) => p.files))
  if (f.lines > APP_FILE_LINES_MAX) problems.push(`${f.file} has ${f.lines} lines (apps/ files: at most ${APP_FILE_LINES_MAX})`);
for (const p of libs)
  if (p.lines > LIB_LINES_MAX) problems.push(`${p.name} has ${p.lines} lines (a lib: at most ${LIB_LINES_MAX}; split it along a domain line)`);

// Libs use each other in one direction only (circles between files are dependency-cruiser's to find).
const libNames = new Set(libs.map((p) => p.name.slice('libs/'.length)));
const usesOf = new Map(
  libs.map((p) => {
    const used = new Set();
    for (const f of p.files) {
      for (const m of fs.readFileSync(path.join(root, f.file), 'utf8').matchAll(/from '@petitio\/([a-z-]+)/g)) {
        if (libNames.has(m[1]) && `libs/${m[1]}` !== p.name) used.add(m[1]);
      }
    }
    return [p.name.slice('libs/'.length), used];
  }),
);
function circleFrom(start) {
  const walk = (lib, trail) => {
    for (const next of usesOf.get(lib)) {
      if (next === start) return [...trail, next];
      if (!trail.includes(next)) {
        const found = walk(next, [...trail, next]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(start, [start]);
}
const circle = [...libNames].map(circleFrom).find(Boolean);
if (circle) problems.push(`libs use each other in a circle: ${circle.join(' → ')}`);

console.log(
  `house: apps ${appLines} of ${allLines} lines (${((100 * appLines) / allLines).toFixed(1)}%), largest lib ${Math.max(...libs.map((p) => p.lines))} lines`,
);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
