/**
 * Differential corners of `chartroom template` against `helm template` (issue #4): the mismatches a
 * fresh-context check found and the small charts written to look for more, each run through both tools
 * as real processes; stdout must be byte-identical, stderr equal line for line (in any order: Helm's
 * coalescing warnings follow Go's random map order) and the exit codes equal. The charts live in
 * fixtures/template-corners; each case names one and the flags.
 */
import { cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHelm, helmRequired } from '../helm/render/helm-peer.js';
import { mapLimited, templatePeers, type RunResult, type TemplatePeers } from './template-peer.js';

const CORPUS = join(import.meta.dirname, 'fixtures/template-corners');

/** Each case: the arguments after `template`, run in a copy of the corpus. */
const CASES: string[][] = [
  // .nan/.inf fail where sigs.k8s.io/yaml converts YAML to JSON (values files, -f, fromYaml, rendered documents);
  // duplicate keys keep the last, float keys take Go's float32 text, a null key fails
  ['x', 'nanvalues'],
  ['x', 'naninf'],
  ['x', 'keys'],
  ['x', 'keys', '-f', 'ninf.yaml'],
  ['x', 'keys', '-f', 'nullkey.yaml'],
  ['x', 'yamlfns'],
  ['x', 'yamlfns', '--set', 's=.nan'],
  ['x', 'yamlfns', '--set', 's=-.Inf'],
  // rendered documents decode as releaseutil.SimpleHead: bare scalars and lists fail, numbers in string fields
  // become text, field names match case-insensitively
  ['x', 'doc', '--set-json', 'doc="hello"'],
  ['x', 'doc', '--set-json', 'doc="- a"'],
  ['x', 'doc', '--set-json', 'doc="5"'],
  ['x', 'doc', '--set-json', 'doc="kind: [1]"'],
  ['x', 'doc', '--set-json', 'doc="metadata: []"'],
  ['x', 'doc', '--set-json', 'doc="metadata: {annotations: {a: [1]}}"'],
  ['x', 'doc', '--set-json', 'doc="metadata: {Annotations: [1]}"'],
  ['x', 'doc', '--set-json', 'doc="kind: 5\\nmetadata: {name: 5}"'],
  ['x', 'doc', '--set-json', 'doc="KIND: Secret"'],
  ['x', 'doc', '--set-json', 'doc="metadata: {annotations: {helm.sh/hook: 1}}"'],
  ['x', 'doc', '--set-json', 'doc="metadata: {annotations: {helm.sh/hook: null}}"'],
  ['x', 'doc', '--set-json', 'doc="a: {~: [1]}"'],
  ['x', 'doc', '--set-json', 'doc="a: 1\\na: 2"'],
  ['x', 'doc', '--set-json', 'doc="null"'],
  // .Files is a map[string][]byte with methods; .Capabilities.APIVersions a []string with Has
  ['x', 'files'],
  ['x', 'apis'],
  ['x', 'apis', '-a', 'example.com/v1'],
  ['x', 'apis', '-a', 'example.com/v1,cert-manager.io/v1'],
  // install flags helm template accepts and ignores; --dry-run's value, --timeout and --labels are checked
  ['x', 'apis', '--dry-run', '--create-namespace', '--wait', '--wait-for-jobs', '--timeout', '1h2m3.5s', '--atomic', '--description', 'd',
    '--replace', '--hide-notes', '--labels', 'a=b,c=d', '--take-ownership', '--render-subchart-notes', '--disable-openapi-validation', '--force', '--enable-dns'],
  ['x', 'apis', '--dry-run=server', '-l', 'x=y'],
  ['x', 'apis', '--dry-run', 'server'],
  ['x', 'apis', '--dry-run=bogus'],
  ['x', 'lib', '--dry-run=bogus'],
  ['x', 'apis', '--timeout', '1x'],
  ['x', 'apis', '--timeout', '5'],
  ['x', 'apis', '--labels', 'x'],
  ['x', 'apis', '--wait=x'],
  // non-bool subchart conditions warn; coalescing warnings of dependency processing; nulls over subchart maps
  ['x', 'cond'],
  ['x', 'cond', '--set', 'sub.enabled=false'],
  ['x', 'cond', '--set', 'sub2.on=null'],
  ['x', 'cond', '--set', 'sub.enabled=null,sub2.on=false'],
  ['x', 'nulls'],
  ['x', 'nulls', '--set', 'sub.h=1'],
  ['x', 'nulls', '-f', 'subhnull.yaml'],
  ['x', 'nulls', '-f', 'subnull.yaml'],
  ['x', 'nulls', '--set', 'sub.h=null'],
  ['x', 'nullsub'],
  // a deep include | nindent chain under the output limit; {{template}} recursion's depth error and location
  ['x', 'deepnindent'],
  ['x', 'recurse'],
  ['x', 'recurse3'],
  ['x', 'recinclude'],
  // corners: printf, tpl and .Template, required/fail, toYaml of empty things, Capabilities and semver, dict
  // functions and their mutation, whitespace trimming, lookup, globals through subcharts and aliases
  ['x', 'printf1', '--set', 'i2=9007199254740993'],
  ['x', 'tpl1'],
  ['x', 'tplerr'],
  ['x', 'tplerr2'],
  ['x', 'tplerr3'],
  ['x', 'tplerr4'],
  ['x', 'req'],
  ['x', 'req', '--set', 'a=0,b=1'],
  ['x', 'fail1'],
  ['x', 'fail1', '--set', 'ok=true'],
  ['x', 'emp'],
  ['x', 'kube'],
  ['x', 'kube', '--kube-version', '1.29.3', '-a', 'example.com/v1/Foo'],
  ['x', 'kube', '--kube-version', 'v1.18'],
  ['x', 'kv'],
  ['x', 'kv', '--kube-version', '1.25'],
  ['x', 'dicts'],
  ['x', 'ws'],
  ['x', 'look'],
  ['x', 'glob'],
  ['x', 'glob', '--set', 'global.region=cli,two.x=1'],
  ['x', 'glob', '--set', 'global.m=null'],
  // more corners: sprig math and lists with Go's int/float rules, strings, encodings and dates, .Chart/.Release
  // objects and their JSON, tag and import-values warnings, and Go's and Helm's error texts
  ['x', 'm1', '--set', 'big=9223372036854775807,bigs=18446744073709551616'],
  ['x', 's1'],
  ['x', 'zt'],
  ['x', 'ch1', '-n', 'prod', '--is-upgrade'],
  ['x', 'ch2'],
  ['x', 'tags'],
  ['x', 'tags', '--set', 'tags.x=true,tags.back=1'],
  ['x', 'e1'],
  ['x', 'e2'],
  ['x', 'e3'],
  ['x', 'e4'],
  ['x', 'e5', '--set', 'l={1,2}'],
  ['x', 'e6'],
  ['x', 'e7'],
  ['x', 'e8'],
  ['x', 'e9', '--set', 's=str'],
  ['x', 'hk'],
  ['x', 'hk', '--no-hooks'],
  ['x', 'hk', '--skip-tests', '-s', 'templates/a.yaml'],
  ['x', 'hk', '-s', 'templates/NOTES.txt'],
  ['x', 'vars', '--set', 'i=3'],
  ['x', 'nums', '--set', 's1=1e3,s2=0x10,s3=007,s4=9223372036854775808,s5=-12,s6=1.50,z=-0', '--set-json', 'j1=12345678901234567890,j2=1.0,j4=-0'],
  ['x', 'nums', '--set-json', 'j3=[1e400]'],
  ['x', 'yv'],
  ['x', 'lib'],
  ['x', 'lib', '--set', 'mid.leaf.v=cli', '-s', 'charts/mid/charts/leaf/templates/a.yaml'],
  ['x', 'lib/charts/common'],
  ['x', 'md'],
  ['x', 'doc', '--set-json', 'doc="a: b\\n...\\nc: ["'],
  ['x', 'hi'],
  ['x', 'incl'],
  ['x', 'tpl2'],
  ['x', 'nanf'],
  ['x', 'nulls', '--set', 'global=null'],
  ['x', 'nulls', '--set', 'sub.global.z=1,global.z=2,sub.l[1]=x'],
  ['x', 'gl2'],
  ['x', 'gl2', '--set', 'global=null'],
  ['x', 'gl2', '--set', 's.global=null'],
  ['x', 'gp'],
  ['x', 'chp'],
  ['x', 'tml'],
  ['x', 'tml2'],
  ['x', 'fsub'],
  ['x', 'tj'],
  ['x', 'tps'],
  // a `...` before any node: go-yaml's "did not find expected node content" (manifests, fromYaml, values files)
  ['x', 'dots'],
  ['x', 'dots', '--set-json', 'doc="...\\n"'],
  ['x', 'dots', '--set-json', 'doc="a: 1\\n---\\n# c\\n\\n...\\n"'],
  ['x', 'dots', '--set-json', 'doc="a: 1\\n...\\n...\\n"'],
  ['x', 'dots', '-f', 'dots.yaml'],
  // time.Time methods: Month, Weekday, UnixMilli, IsZero, Location, AddDate, Add, Truncate, Before/After/Equal, Sub
  ['x', 'tm'],
  // chartutil.Values methods (found before keys): AsMap, YAML, Table, PathValue and their errors
  ['x', 'vm'],
  ['x', 'vmerr'],
  ['x', 'vmerr', '--set', 't=a.s.x'],
  ['x', 'vmerr', '--set', 't=a,p='],
  ['x', 'vmerr', '--set', 't=a,p=a'],
  // semver IncMajor/IncMinor/IncPatch return a semver.Version (value-receiver methods only)
  ['x', 'sv'],
  ['x', 'sverr'],
  // requirements.yaml: a v1 chart's dependencies (conditions, tags, aliases, .Chart.Dependencies, .Files), a v2
  // chart's too with load.go's warning, a missing one
  ['x', 'rq'],
  ['x', 'rq', '--set', 'sub.enabled=true,tags.back=false'],
  ['x', 'rq2'],
  ['x', 'rq3'],
  // go-yaml v2's refusals: collection map keys (no Node warning), a %YAML directive other than 1.1
  ['x', 'ytk'],
  ['x', 'yt2', '-f', 'ytkmap.yaml'],
  ['x', 'yt2', '-f', 'yt12.yaml'],
  // YAML tags: !!float/!!int resolve the text (or fail as go-yaml's decode), !!set is a map, !!omap/!!pairs lists
  ['x', 'yt'],
  ['x', 'yt2', '-f', 'ytf1.yaml'],
  ['x', 'yt2', '-f', 'ytf2.yaml'],
  // upper, lower, title, swapcase, untitle map rune by rune with Go's simple case mappings
  ['x', 'cm'],
];

/** A local port nothing listens on (bound, then released), for `--repo` connection errors. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe.skipIf(!hasHelm && !helmRequired)('chartroom template matches helm template in corners', () => {
  let peers: TemplatePeers;
  const all: string[][] = [...CASES];
  const results = new Map<string, [RunResult, RunResult]>();

  beforeAll(async () => {
    peers = templatePeers();
    cpSync(CORPUS, peers.dir, { recursive: true });
    const port = await closedPort();
    // an unreachable --repo: Helm names the address it dialled (127.0.0.1), not the host
    all.push(['x', 'chart', '--repo', `http://localhost:${port}`], ['x', 'chart', '--repo', `http://127.0.0.1:${port}/sub/`]);
    const outcomes = await mapLimited(all, 2, async (args) => [await peers.helm('template', ...args), await peers.chartroom(...args)] as [RunResult, RunResult]);
    all.forEach((args, i) => results.set(args.join(' '), outcomes[i]!));
  }, 600_000);
  afterAll(() => peers?.dispose());

  it.each(CASES.map((c) => [c.join(' ')]))('template %s', (key) => compare(key));
  it('template --repo with nothing listening', () => {
    for (const args of all.slice(CASES.length)) compare(args.join(' '));
  });

  function compare(key: string): void {
    const [helm, ours] = results.get(key)!;
    expect(ours.stderr.split('\n').sort()).toEqual(helm.stderr.split('\n').sort());
    expect(ours.stdout).toBe(helm.stdout);
    expect(ours.code).toBe(helm.code);
  }

  it('covers successes and failures', () => {
    const codes = [...results.values()].map(([h]) => h.code);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(25);
    expect(codes.filter((c) => c !== 0).length).toBeGreaterThan(20);
  });
});
