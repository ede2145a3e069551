/**
 * The object-name checks `helm lint` applies to each rendered document (pkg/lint/rules/template.go
 * validateMetadataName, with k8s.io/apimachinery's validation texts): a DNS-1123 subdomain for most kinds,
 * a DNS-1035 label for a Service, a label without dots for a Namespace, a path segment for RBAC kinds.
 */

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_1123_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const tooLong = (max: number) => `must be no more than ${max} characters`;

function subdomain(name: string): string[] {
  const errs = name.length > 253 ? [tooLong(253)] : [];
  return SUBDOMAIN.test(name) ? errs : [...errs, SUBDOMAIN_MSG];
}

function label(name: string, pattern: RegExp, message: string): string[] {
  const errs = name.length > 63 ? [tooLong(63)] : [];
  return pattern.test(name) ? errs : [...errs, message];
}

function pathSegment(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** The validation messages for `name` as an object of `kind` (empty when it is valid). */
export function nameProblems(kind: string, name: string): string[] {
  switch (kind.toLowerCase()) {
    case 'service':
      return label(name, LABEL_1035, LABEL_1035_MSG);
    case 'namespace':
      return name.includes('.') ? ['must not contain dots'] : label(name, LABEL_1123, LABEL_1123_MSG);
    case 'certificatesigningrequest':
      return [];
    case 'role': case 'clusterrole': case 'rolebinding': case 'clusterrolebinding':
      return pathSegment(name);
    default:
      return subdomain(name);
  }
}

/** Helm's warning text for an invalid name, or undefined (field.ErrorList aggregated as Go prints it). */
export function metadataNameWarning(kind: string, name: string): string | undefined {
  const errs = nameProblems(kind, name).map((m) => `metadata.name: Invalid value: ${JSON.stringify(name)}: ${m}`);
  if (errs.length === 0) return undefined;
  const joined = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return `object name does not conform to Kubernetes naming requirements: ${JSON.stringify(name)}: ${joined}`;
}
