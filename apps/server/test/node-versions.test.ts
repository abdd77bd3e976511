import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** The repository's root, and a JSON file read from it. */
const root = new URL('../../../', import.meta.url);
const json = (file: string): unknown => JSON.parse(readFileSync(new URL(file, root), 'utf8'));

interface Lock {
  readonly packages: Record<
    string,
    { readonly version?: string; readonly engines?: { readonly node?: unknown } }
  >;
}

describe('installed packages', () => {
  it('each supports the lowest Node the project runs on (package.json engines)', () => {
    const { engines } = json('package.json') as { engines: { node: string } };
    const lowest = semver.minVersion(engines.node)?.version ?? '';
    expect(lowest).toBe('20.19.0');
    const unsupported = Object.entries((json('package-lock.json') as Lock).packages).flatMap(
      ([path, { version, engines: wanted }]) => {
        const node = wanted?.node;
        return typeof node === 'string' && !semver.satisfies(lowest, node)
          ? [`${path} ${version ?? ''} (node ${node})`]
          : [];
      },
    );
    expect(unsupported).toEqual([]);
  });
});
