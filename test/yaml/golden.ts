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
  /** For unstable cases instead of `yaml`: Go's output lines, sorted (split on "\n"). */
  readonly lines?: string[];
  readonly error?: string;
}

/** Reads the committed golden file. */
export function loadGolden(): GoldenCase[] {
  const url = new URL('../fixtures/yaml/golden.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as GoldenCase[];
}

/** The lines of a document sorted by UTF-8 bytes, as the oracle's Go sort.Strings orders them. */
export function sortedLines(doc: string): string[] {
  return doc.split('\n').sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
