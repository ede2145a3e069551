/** Loads test/fixtures/yaml/golden.json, the Go oracle's answers for the corpus. */
import { readFileSync } from 'node:fs';
import type { Tagged } from './corpus/tagged.js';

/** One oracle answer: the YAML Go produced, or the error it returned. */
export interface GoldenCase {
  readonly name: string;
  readonly value: Tagged;
  readonly yaml?: string;
  /** Go printed different bytes on repeated runs (non-transitive key order); see NON_TRANSITIVE_KEYS. */
  readonly unstable?: boolean;
  readonly error?: string;
}

/** Reads the committed golden file. */
export function loadGolden(): GoldenCase[] {
  const url = new URL('../fixtures/yaml/golden.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as GoldenCase[];
}

/** The lines of a document, sorted: equal for two documents that differ only in line order. */
export function sortedLines(doc: string): string[] {
  return doc.split('\n').sort();
}
