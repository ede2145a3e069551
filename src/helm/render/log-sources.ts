/**
 * Helm prints its render warnings with Go's `log` package and the Lshortfile flag, so each line starts with
 * the Go source file and line that printed it (`coalesce.go:237: warning: …`). This table gives the
 * prefix for each message Chartroom reports, as Helm 3.22 prints it (each observed from the binary).
 */
const SOURCES: [prefix: string, source: string][] = [
  ['warning: skipping globals because destination', 'coalesce.go:138'],
  ['warning: skipping globals because source', 'coalesce.go:145'],
  ['Conflict: cannot merge map onto non-map', 'coalesce.go:161'],
  ['warning: skipped value for', 'coalesce.go:237'],
  ['warning: cannot overwrite table with non table', 'coalesce.go:316'],
  ['warning: destination for', 'coalesce.go:319'],
  ['info: skipping unknown hook', 'manifest_sorter.go:199'],
  ['Warning: Condition path', 'dependencies.go:64'],
  ['Warning: Tag ', 'dependencies.go:95'],
  ['Warning: ImportValues missing table from chart', 'dependencies.go:270'],
  ['Warning: ImportValues missing table:', 'dependencies.go:287'],
];

/** The line Helm would print to stderr for a render warning (`<file>:<line>: <msg>`); unknown messages bare. */
export function helmLogLine(message: string): string {
  const source = SOURCES.find(([prefix]) => message.startsWith(prefix))?.[1];
  return source ? `${source}: ${message}` : message;
}
