import YAML from 'yaml';
import { assertYamlDepth } from '../yaml/depth-guard.js';
import { InvalidProvenanceError } from './errors.js';
import { isValidChartVersion } from './versions.js';

const SIGNED_MESSAGE_HEADER = '-----BEGIN PGP SIGNED MESSAGE-----';

/**
 * Derives the storage file name of a provenance file (`<name>-<version>.tgz.prov`) from the chart metadata
 * in its signed body, as ChartMuseum does: the text must start with the PGP clear-sign header and contain
 * unindented `name:` and `version:` lines. Throws `InvalidProvenanceError` for anything else, including a
 * name that is a path (`<file> is improperly formatted`). Signatures are not verified here (Helm does that).
 */
export function provenanceFileNameFor(content: Buffer): string {
  const text = content.toString('utf8');
  if (!text.startsWith(SIGNED_MESSAGE_HEADER)) throw new InvalidProvenanceError();
  const name = topLevelScalar(text, 'name');
  const version = topLevelScalar(text, 'version');
  if (!name || !version) throw new InvalidProvenanceError();
  const fileName = `${name}-${version}.tgz.prov`;
  if (/[/\\]/.test(fileName) || name === '.' || name === '..') {
    throw new InvalidProvenanceError(`${fileName} is improperly formatted`);
  }
  if (!isValidChartVersion(version)) throw new InvalidProvenanceError();
  return fileName;
}

function topLevelScalar(text: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*(.+?)[ \\t]*$`, 'm').exec(text);
  if (!match?.[1]) return undefined;
  try {
    assertYamlDepth(match[1]);
    const value: unknown = YAML.parse(match[1]);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  } catch {
    return undefined;
  }
}
