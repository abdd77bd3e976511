// The machine's tools some tests run (Poppler, promtool, Caddy), where Debian, a hand install or
// Homebrew puts them; without one, a failure that says how to get it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The path of `name`, or an error naming the package to install (`debian`, `brew`). */
export function installedTool(
  name: string,
  { what, debian, brew }: { what: string; debian: string; brew: string },
): string {
  const found = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin']
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `${name} not found: install ${what} (\`apt-get install ${debian}\` on Debian, \`brew install ${brew}\` on macOS).`,
    );
  return found;
}
