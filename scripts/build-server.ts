// `npm run build`, the server's part: the server, the engine and the contract compiled by esbuild
// into one ES module, apps/server/dist/main.js, that `NODE_ENV=production npm start` runs with
// Node alone (no tsx). Packages from node_modules stay outside the bundle, imported at run time.
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outfile = `${root}apps/server/dist/main.js`;

/** Bare imports stay external, but for the workspace's own packages (TypeScript, bundled). */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@entraide/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Each module finds its files (migrations, packs, the web app, the SEPA schema, fonts) next to its
 * source, relative to `import.meta.url`: in the bundle, that address is each source file's own,
 * written relative to the bundle so that the checkout can move.
 */
const sourceAddresses: Plugin = {
  name: 'source-addresses',
  setup(b) {
    b.onLoad({ filter: /\/(apps|packages)\/[^/]+\/src\/.*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const path = relative(dirname(outfile), args.path).split('\\').join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(path)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: [`${root}apps/server/src/main.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalPackages, sourceAddresses],
  logLevel: 'warning',
});
console.log(`Serveur compilé : ${relative(root, outfile)}`);
