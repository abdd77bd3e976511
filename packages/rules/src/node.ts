// Node-only entry: reads rule packs from JSON files. The rest of the engine does no I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RulesError } from './errors.ts';
import { compilePack, PackRegistry, type Pack } from './pack.ts';

/** The folder of the packs that ship with Entraide. */
export const BUILT_IN_PACKS_DIR = fileURLToPath(new URL('../packs/', import.meta.url));

/** Loads and validates one pack file; a faulty file is an `invalid_pack` error naming the file. */
export function loadPackFile(file: string): Pack {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RulesError('invalid_pack', `${file} : JSON illisible (${String(error)})`);
  }
  try {
    return compilePack(raw);
  } catch (error) {
    if (error instanceof RulesError)
      throw new RulesError(error.code, `${file} : ${error.message}`, error.issues);
    throw error;
  }
}

/** Every `*.json` pack in a folder: a new year's pack is a new file, not new code. */
export function loadPackDirectory(dir: string = BUILT_IN_PACKS_DIR): PackRegistry {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return new PackRegistry(files.map((name) => loadPackFile(join(dir, name))));
}
