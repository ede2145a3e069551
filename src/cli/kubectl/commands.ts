/**
 * The `chartroom kubectl` command table: every command, the flags it declares and its `--help` text.
 * A flag not declared here (or in GLOBAL_FLAGS) is refused as kubectl refuses it.
 */
import type { FlagDef } from './args.js';
import { createCommand } from './create.js';
import { describeCommand } from './describe/index.js';
import { getCommand } from './get.js';
import type { Command } from './invocation.js';
import { annotateCommand, labelCommand, patchCommand } from './metadata.js';
import { applyCommand, deleteCommand, scaleCommand, setImageCommand } from './mutate.js';
import { rolloutCommand } from './rollout.js';

/** One command or subcommand: what it does, how it is called, the flags it takes. */
export interface CommandSpec {
  summary: string;
  /** The usage line after the program name, e.g. `get TYPE[/NAME] [flags]`. */
  usage: string;
  flags: readonly FlagDef[];
  /** Subcommands by name (`rollout status`); their flags add to the command's. */
  subcommands?: Record<string, CommandSpec>;
}

/** A runnable top-level command. */
export interface RunnableSpec extends CommandSpec {
  run: Command;
}

const flag = (name: string, help: string, short?: string): FlagDef => ({ name, help, takesValue: true, ...(short ? { short } : {}) });
const bool = (name: string, help: string, short?: string): FlagDef => ({ name, help, ...(short ? { short } : {}) });

/** Flags every `chartroom kubectl` command takes. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  flag('server', 'Chartroom server URL (env CHARTROOM_SERVER, default http://localhost:8080)'),
  flag('cluster', 'simulated cluster name (default "default")'),
  flag('namespace', 'namespace of the request (default "default")', 'n'),
  flag('request-timeout', 'how long a watch waits before giving up (e.g. 30s); 0 waits forever'),
  bool('help', 'help for the command', 'h'),
];

const FILENAME = flag('filename', 'file, directory (its .yaml, .yml, .json files) or - for stdin; repeatable', 'f');
const SELECTOR = flag('selector', 'label selector (e.g. app=vweb)', 'l');

/** Every `chartroom kubectl` command. */
export const KUBECTL_COMMANDS: Record<string, RunnableSpec> = {
  get: {
    run: getCommand,
    summary: 'Display one or many resources',
    usage: 'get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [flags]',
    flags: [
      flag('output', 'json|yaml|wide|name|custom-columns=...|jsonpath=...', 'o'),
      SELECTOR,
      flag('field-selector', 'field selector (e.g. status.phase=Running)'),
      bool('all-namespaces', 'list across all namespaces', 'A'),
      bool('watch', 'after listing, watch for changes', 'w'),
      bool('watch-only', 'watch for changes without listing first'),
      bool('show-labels', 'add a LABELS column'),
      bool('no-headers', 'print tables (and custom columns) without their header line'),
      flag('sort-by', 'sort by a JSONPath expression (e.g. .metadata.name)'),
    ],
  },
  describe: { run: describeCommand, summary: 'Show details of a resource or group of resources', usage: 'describe TYPE [NAME...] | TYPE/NAME [flags]', flags: [SELECTOR] },
  apply: { run: applyCommand, summary: 'Apply a configuration to a resource by file name or stdin', usage: 'apply -f FILENAME [flags]', flags: [FILENAME] },
  create: {
    run: createCommand,
    summary: 'Create a resource from a file or from stdin',
    usage: 'create -f FILENAME | create deployment NAME --image=IMAGE [flags]',
    flags: [FILENAME],
    subcommands: {
      deployment: {
        summary: 'Create a deployment with the specified name',
        usage: 'create deployment NAME --image=IMAGE... [--replicas=N] [--port=PORT] [flags]',
        flags: [flag('image', 'container image; repeatable'), flag('replicas', 'number of replicas (default 1)', 'r'), flag('port', 'container port'), bool('dry-run', 'not supported by the simulator')],
      },
    },
  },
  delete: {
    run: deleteCommand,
    summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    usage: 'delete -f FILENAME | TYPE NAME... | TYPE/NAME... | TYPE -l SELECTOR | TYPE --all [flags]',
    flags: [FILENAME, SELECTOR, bool('all', 'delete every object of the type in the namespace'), bool('force', 'delete at once (grace period 0)'), flag('grace-period', 'seconds to wait before pods are removed')],
  },
  scale: { run: scaleCommand, summary: 'Set a new size for a deployment, replica set or stateful set', usage: 'scale TYPE/NAME --replicas=COUNT [flags]', flags: [flag('replicas', 'the new desired number of replicas (required)')] },
  set: {
    run: setImageCommand,
    summary: 'Set specific features on objects',
    usage: 'set image TYPE/NAME CONTAINER=IMAGE... [flags]',
    flags: [],
    subcommands: { image: { summary: 'Update the image of a pod template', usage: 'set image TYPE/NAME CONTAINER=IMAGE... [flags]', flags: [] } },
  },
  rollout: {
    run: rolloutCommand,
    summary: 'Manage the rollout of a resource',
    usage: 'rollout SUBCOMMAND TYPE/NAME [flags]',
    flags: [],
    subcommands: {
      status: {
        summary: 'Show the status of the rollout',
        usage: 'rollout status TYPE/NAME [flags]',
        flags: [bool('watch', 'watch until the rollout finishes (default true)', 'w'), flag('timeout', 'how long to watch (e.g. 1m); 0 waits forever'), flag('revision', 'pin to a revision')],
      },
      history: { summary: 'View rollout history', usage: 'rollout history TYPE/NAME [--revision=N] [flags]', flags: [flag('revision', 'show the pod template of this revision')] },
      undo: { summary: 'Undo a previous rollout', usage: 'rollout undo TYPE/NAME [--to-revision=N] [flags]', flags: [flag('to-revision', 'the revision to roll back to (default: the previous one)')] },
      pause: { summary: 'Mark the provided resource as paused', usage: 'rollout pause TYPE/NAME [flags]', flags: [] },
      resume: { summary: 'Resume a paused resource', usage: 'rollout resume TYPE/NAME [flags]', flags: [] },
      restart: { summary: 'Restart a resource', usage: 'rollout restart TYPE/NAME [flags]', flags: [] },
    },
  },
  label: { run: labelCommand, summary: 'Update the labels on a resource', usage: 'label TYPE NAME KEY=VALUE... | KEY- [flags]', flags: [bool('overwrite', 'allow changing a label that is set')] },
  annotate: { run: annotateCommand, summary: 'Update the annotations on a resource', usage: 'annotate TYPE NAME KEY=VALUE... | KEY- [flags]', flags: [bool('overwrite', 'allow changing an annotation that is set')] },
  patch: {
    run: patchCommand,
    summary: 'Update fields of a resource',
    usage: 'patch TYPE NAME -p PATCH [--type=strategic|merge|json] [flags]',
    flags: [flag('patch', 'the patch (JSON or YAML)', 'p'), flag('type', 'strategic (default), merge or json')],
  },
};
