/**
 * The error Sprig functions throw. Its message is the text Go's Sprig produces (an error it returns or a
 * panic it raises), which the executor reports as `error calling NAME: MESSAGE`.
 */
export class SprigError extends Error {
  override readonly name = 'SprigError' as const;
}
