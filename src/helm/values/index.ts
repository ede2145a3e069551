/**
 * User values from the command line: Helm's `--set` grammar (strvals) and the merge of `-f` files with the
 * `--set` family in Helm's order. Pure except read-file.ts, which reads files with Go's error text.
 */
export { parseSet, StrvalsError, MAX_INDEX, MAX_NESTED_NAME_LEVEL, type SetKind, type SetFileReader } from './strvals.js';
export { mergeValueOptions, parseValuesFile, ValueOptionsError, type ValueOptions, type ReadValuesFile } from './value-options.js';
export { readFileLikeGo, GoFileError } from './read-file.js';
export { typedValue, goTypeName } from './typed-value.js';
export { decodeJsonPrefix, JsonPrefixError } from './json-prefix.js';
