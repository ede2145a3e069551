/** Where `chartroom helm repo …` keeps repositories.yaml and the index cache: Helm's environment rules. */
import { describe, expect, it } from 'vitest';
import { repoPaths } from '../../../src/cli/helm/repositories.js';

describe('repoPaths', () => {
  const none = new Map<string, string>();
  it.each([
    [{ HOME: '/h' }, '/h/.config/helm/repositories.yaml', '/h/.cache/helm/repository'],
    [{ HOME: '/h', XDG_CONFIG_HOME: '/x/c', XDG_CACHE_HOME: '/x/k' }, '/x/c/helm/repositories.yaml', '/x/k/helm/repository'],
    [{ HOME: '/h', XDG_CONFIG_HOME: '/x/c', HELM_CONFIG_HOME: '/hc', HELM_CACHE_HOME: '/hk' }, '/hc/repositories.yaml', '/hk/repository'],
    [{ HOME: '/h', HELM_CONFIG_HOME: '/hc', HELM_REPOSITORY_CONFIG: '/r.yaml', HELM_REPOSITORY_CACHE: '/rc' }, '/r.yaml', '/rc'],
  ])('%j', (env, config, cache) => {
    expect(repoPaths(env, none)).toEqual({ config, cache });
  });

  it('lets --repository-config and --repository-cache win over the environment', () => {
    const flags = new Map([['repository-config', '/f.yaml'], ['repository-cache', '/fc']]);
    expect(repoPaths({ HOME: '/h', HELM_REPOSITORY_CONFIG: '/r.yaml', HELM_CACHE_HOME: '/hk' }, flags)).toEqual({ config: '/f.yaml', cache: '/fc' });
  });
});
