/**
 * Tags that go-yaml v2 (which Helm reads YAML with) treats differently from the `yaml` package's YAML 1.1
 * schema: `!!set`, `!!omap` and `!!pairs` mean nothing special, and `!!float`/`!!int` resolve the scalar's
 * text as an untagged scalar would be, failing when it is of another kind.
 */
import YAML from 'yaml';

/** go-yaml v2 gives `!!set` no meaning (a map, its values null) nor `!!omap`/`!!pairs` (a sequence of maps). */
const PLAIN_COLLECTION_TAGS: Record<string, string> = {
  'tag:yaml.org,2002:set': 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:omap': 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:pairs': 'tag:yaml.org,2002:seq',
};

/** Copies of the map and seq tags under the names !!set, !!omap and !!pairs. */
export function plainCollectionTags(tags: YAML.Tags): YAML.Tags {
  return Object.entries(PLAIN_COLLECTION_TAGS).flatMap(([tag, like]) => {
    const base = tags.find((t) => typeof t === 'object' && t.tag === like);
    return base && typeof base === 'object' ? [{ ...base, tag, default: false }] : [];
  }) as YAML.Tags;
}

const TAG = 'tag:yaml.org,2002:';

/** A tagged scalar of the wrong kind (the `yaml` package turns it into a TAG_RESOLVE_FAILED document error). */
export class GoYamlTagError extends Error {
  override readonly name = 'GoYamlTagError' as const;
}

/** The tag go-yaml v2 resolves a plain scalar's text to (null, bool, int, float or str), and its value. */
function implicitScalar(source: string, options: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions): { tag: string; value: unknown } {
  const doc = YAML.parseDocument(source, options);
  const node = doc.contents;
  if (doc.errors.length > 0 || !YAML.isScalar(node) || node.range?.[1] !== source.length) return { tag: 'str', value: source };
  const v = node.value;
  if (v === null) return { tag: 'null', value: null };
  if (typeof v === 'boolean') return { tag: 'bool', value: v };
  if (typeof v === 'number' || typeof v === 'bigint') {
    const float = !/^[-+]?0[xXbBoO]/.test(source) && /[.eE]|inf|nan/i.test(source);
    return { tag: float ? 'float' : 'int', value: v };
  }
  return { tag: 'str', value: source };
}

/**
 * `!!float` and `!!int` on a scalar as go-yaml v2 resolves them: the text resolved as if untagged must be of
 * that kind (an int is fine for `!!float`, which makes it a float), quoted or not; otherwise the decode fails
 * with `cannot decode !!str \`abc\` as a !!float` (the message starts so: yaml-values.ts reports it).
 */
export function explicitNumberTags(options: () => YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions): YAML.Tags {
  return (['float', 'int'] as const).map((kind) => ({
    tag: `${TAG}${kind}`,
    default: false,
    resolve: (source: string): unknown => {
      const found = implicitScalar(source, options());
      if (found.tag === kind || (kind === 'float' && found.tag === 'int')) return kind === 'float' ? Number(found.value) : found.value;
      throw new GoYamlTagError(`cannot decode !!${found.tag} \`${source}\` as a !!${kind}`);
    },
  }));
}

/** Whether `tag` is one of the collection tags go-yaml reads as a plain map or sequence. */
export function isPlainCollectionTag(tag: string): boolean {
  return tag in PLAIN_COLLECTION_TAGS;
}
