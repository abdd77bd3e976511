// `npm run trust-list -- tsl_signed.xml [folder]`: ANTS's 2D-DOC trust service list, as downloaded
// from https://pub.ants.gouv.fr/2D-DOC/V1/PRD/01_TSL/tsl_signed.xml, written as `trust-list.json`
// into the folder (by default TRUST_LIST_DIR, else the list shipped with the release). The nodes
// read it when they start (docs/decisions/0021).
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_TRUST_LIST_DIR } from '../apps/server/src/modules/tax-notices/trust-list.ts';
import { trustListFromTsl } from '../apps/server/src/modules/tax-notices/tsl.ts';

const [file, folder = process.env.TRUST_LIST_DIR ?? SHIPPED_TRUST_LIST_DIR] = process.argv.slice(2);
if (!file) {
  console.error('Usage : npm run trust-list -- tsl_signed.xml [dossier]');
  process.exit(2);
}
let list: ReturnType<typeof trustListFromTsl>;
try {
  list = trustListFromTsl(readFileSync(file, 'utf8'), new Date().toISOString().slice(0, 10));
} catch (error) {
  console.error(`Liste non écrite : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
for (const authority of list.authorities)
  for (const pem of authority.certificates) {
    const certificate = new X509Certificate(pem);
    console.log(
      `${authority.id} (${authority.name ?? '?'}) : ${certificate.subject.replaceAll('\n', ', ')}, valable jusqu’au ${new Date(certificate.validTo).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}`,
    );
  }
const out = join(folder, 'trust-list.json');
writeFileSync(out, `${JSON.stringify(list, null, 2)}\n`);
console.log(
  `Liste n° ${list.sequenceNumber} du ${list.issuedOn} écrite dans ${out} : redémarrez les nœuds.`,
);
