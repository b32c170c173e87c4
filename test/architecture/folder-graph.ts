import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import from one source file to another, between two different top-level folders of `src/`. */
export interface FolderEdge {
  from: string;
  to: string;
  typeOnly: boolean;
  file: string;
  target: string;
}

const srcRoot = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder under src/ that a file lives in; files directly in src/ belong to '(root)'. */
export function folderOf(file: string): string {
  const parts = relative(srcRoot, file).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
}

const importPattern = /^\s*(import|export)\s+(type\s+)?[^'']*?from\s+[''](\.[^'']+)['']/gm;

/** Every relative import in src/ that crosses from one top-level folder into another. */
export function folderEdges(): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const target = resolve(dirname(file), match[3]!);
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      const typeOnly = match[2] !== undefined || /^\s*import\s+\{\s*(type\s+[^,}]+,?\s*)+\}/.test(match[0]);
      edges.push({ from, to, typeOnly, file: relative(srcRoot, file), target: relative(srcRoot, target).replace(/\.js$/, '.ts') });
    }
  }
  return edges;
}

/**
 * Pairs of folders that import each other, not counting types from catalogue/.
 * The domain model (the record, the search query and the lists they are made
 * from) lives in model/, which imports no other folder, so every folder may use it.
 */
export function mutualPairs(edges: FolderEdge[]): Array<[string, string, FolderEdge[]]> {
  const counted = edges.filter((edge) => !(edge.to === 'catalogue' && edge.typeOnly));
  const pairs: Array<[string, string, FolderEdge[]]> = [];
  const seen = new Set<string>();
  for (const edge of counted) {
    const key = [edge.from, edge.to].sort().join('↔');
    if (seen.has(key)) continue;
    const back = counted.filter((other) => other.from === edge.to && other.to === edge.from);
    if (back.length === 0) continue;
    seen.add(key);
    const there = counted.filter((other) => other.from === edge.from && other.to === edge.to);
    pairs.push([edge.from, edge.to, [...there, ...back]]);
  }
  return pairs;
}

/** The folder graph as text: one line per folder with the folders it imports ('t' marks type-only). */
export function describeGraph(edges: FolderEdge[]): string {
  const byFolder = new Map<string, Map<string, boolean>>();
  for (const edge of edges) {
    const targets = byFolder.get(edge.from) ?? new Map<string, boolean>();
    targets.set(edge.to, (targets.get(edge.to) ?? true) && edge.typeOnly);
    byFolder.set(edge.from, targets);
  }
  return [...byFolder.keys()]
    .sort()
    .map((from) => {
      const targets = [...byFolder.get(from)!.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([to, typeOnly]) => (typeOnly ? `${to}(t)` : to));
      return `${from.padEnd(10)} → ${targets.join(', ')}`;
    })
    .join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const edges = folderEdges();
  console.log(describeGraph(edges));
  const pairs = mutualPairs(edges);
  console.log(pairs.length === 0 ? '\nno two folders import each other (types from catalogue/ aside)' : '\nfolders importing each other:');
  for (const [a, b, via] of pairs) {
    console.log(`  ${a} ↔ ${b}`);
    for (const edge of via) console.log(`      ${edge.file} → ${edge.target}${edge.typeOnly ? ' (type)' : ''}`);
  }
}
