/**
 * Limits of a multipart upload besides its size (`--max-upload-size`): a ChartMuseum upload has at most a
 * chart and a provenance file, so a form with more parts than this is refused (413) before it is read.
 */
export const MULTIPART_LIMITS = { files: 4, fields: 16, parts: 20, headerPairs: 100 } as const;
