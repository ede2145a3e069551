/** Thrown when Go's sigs.k8s.io/yaml Marshal would return an error for the same value. */
export class GoYamlMarshalError extends Error {
  override readonly name = 'GoYamlMarshalError';
}
