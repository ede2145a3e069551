/**
 * Errors of the template engine. Messages are Go's text/template messages byte for byte, so callers (Helm's
 * layer) may show them as they are; the structured fields say the same thing for code that must not parse
 * message text.
 */
import { quote } from './strconv.js';

/** A template failed to parse: `template: NAME:LINE: DETAIL`. */
export class TemplateParseError extends Error {
  override readonly name = 'TemplateParseError' as const;
  constructor(
    /** The name of the top-level template being parsed. */
    readonly templateName: string,
    /** 1-based line of the token where parsing stopped. */
    readonly line: number,
    /** Go's message after the location. */
    readonly detail: string,
  ) {
    super(`template: ${templateName}:${line}: ${detail}`);
  }
}

/** Where an execution error happened, as Go reports it. */
export interface ExecLocation {
  /** Name of the template whose text holds the node (Go's ParseName). */
  parseName: string;
  line: number;
  /** Byte column, 0-based on the first line of the text and 1-based after (Go's quirk, reproduced). */
  col: number;
  /** The node as Go prints it, e.g. `.Values.a.b`. */
  context: string;
}

/**
 * Executing a template failed: `template: LOC: executing "NAME" at <CONTEXT>: DETAIL` (or
 * `template: NAME: DETAIL` when no node is current).
 */
export class TemplateExecError extends Error {
  override readonly name = 'TemplateExecError' as const;
  constructor(
    /** Name of the template being executed. */
    readonly templateName: string,
    readonly location: ExecLocation | undefined,
    /** Go's message after the prefix, e.g. `error calling fail: boom`. */
    readonly detail: string,
    /** The error a function threw, when the failure is `error calling NAME: …`. */
    override readonly cause?: unknown,
  ) {
    super(formatExecMessage(templateName, location, detail));
  }
}

function formatExecMessage(name: string, loc: ExecLocation | undefined, detail: string): string {
  if (!loc) return `template: ${name}: ${detail}`;
  return `template: ${loc.parseName}:${loc.line}:${loc.col}: executing ${quote(name)} at <${loc.context}>: ${detail}`;
}


/** A template name given to ExecuteTemplate or `template` does not exist in the set. */
export class TemplateNotFoundError extends Error {
  override readonly name = 'TemplateNotFoundError' as const;
  constructor(message: string) {
    super(message);
  }
}
