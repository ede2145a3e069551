/**
 * `--kube-version` as Helm 3.22 reads it (chartutil.ParseKubeVersion over Kubernetes' version.ParseGeneric):
 * an optional `v`, two or more dot-separated numbers, anything after them ignored; printed back as
 * `v` + the numbers.
 *
 *   parseKubeVersion('1.20') → 'v1.20'     parseKubeVersion('v1.20.3-rc.1+x') → 'v1.20.3'
 *   parseKubeVersion('1')    → throws `illegal version string "1"`
 */

/** The version is not one Kubernetes' generic parser accepts; the message is its text. */
export class KubeVersionError extends Error {
  override readonly name = 'KubeVersionError' as const;
}

const VERSION_MATCH = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s;
const UINT64_MAX = 2n ** 64n - 1n;

/** Parses a Kubernetes version; returns its `.Capabilities.KubeVersion.Version` text. Throws KubeVersionError. */
export function parseKubeVersion(text: string): string {
  const m = VERSION_MATCH.exec(text);
  if (!m) throw new KubeVersionError(`could not parse "${text}" as version`);
  const components = m[1]!.split('.');
  if (components.length < 2) throw new KubeVersionError(`illegal version string "${text}"`);
  const numbers = components.map((comp, i) => {
    if (i === 0 && comp.startsWith('0') && comp !== '0') {
      throw new KubeVersionError(`illegal zero-prefixed version component "${comp}" in "${text}"`);
    }
    const n = BigInt(comp);
    if (n > UINT64_MAX) {
      throw new KubeVersionError(
        `illegal non-numeric version component "${comp}" in "${text}": strconv.ParseUint: parsing "${comp}": value out of range`,
      );
    }
    return n.toString();
  });
  return `v${numbers.join('.')}`;
}
