/** Every corpus list by name (the name of its golden file under test/fixtures/gotemplate/). */
import type { CorpusCase } from '../harness.js';
import { apiCases } from './api.js';
import { builtinCases } from './builtins.js';
import { execCases } from './exec.js';
import { helmCases } from './helm.js';
import { printfCases } from './printf.js';
import { randomCases } from './random.js';
import { randomPrintfCases } from './random-printf.js';
import { syntaxCases } from './syntax.js';

/** Corpus lists; each function returns the cases without oracle results. */
export const CORPORA: Record<string, () => CorpusCase[]> = {
  syntax: syntaxCases,
  exec: execCases,
  builtins: builtinCases,
  printf: printfCases,
  helm: helmCases,
  api: apiCases,
  random: () => randomCases(20261125, 600),
  'random-defines': () => randomCases(4, 300, 'defines'),
  'random-printf': () => randomPrintfCases(7, 400),
};
