/**
 * `helm template --show-only` (cmd/helm/template.go): the output split back into documents, and for each
 * pattern in order the documents whose `# Source:` path without the chart name (`templates/x.yaml`,
 * `charts/sub/templates/y.yaml`) matches it as a Go glob, each printed as `---\n<document>\n`.
 *
 *   selectShowOnly(output, ['templates/service.yaml'])
 */
import { matchGoPath } from '../../util/go-path-match.js';
import { RenderError } from './errors.js';
import { splitManifests } from './manifests.js';

/** A `--show-only` pattern matched nothing: `could not find template <pattern> in chart`. */
export class ShowOnlyError extends RenderError {
  override name = 'ShowOnlyError';
}

const SOURCE = /# Source: [^/]+\/(.+)/;

/** Filters `helm template` output to the documents of the given templates. Throws ShowOnlyError. */
export function selectShowOnly(output: string, patterns: readonly string[]): string {
  const docs = splitManifests(output);
  let out = '';
  for (const pattern of patterns) {
    let found = false;
    for (const doc of docs) {
      const m = SOURCE.exec(doc);
      if (!m || !matchGoPath(pattern, m[1]!)) continue;
      out += `---\n${doc}\n`;
      found = true;
    }
    if (!found) throw new ShowOnlyError(`could not find template ${pattern} in chart`);
  }
  return out;
}
