import { readFileSync } from 'node:fs';

/**
 * The official ISO 20022 schema of pain.001.001.03, as shipped by Debian's
 * tryton-modules-account-payment-sepa 6.0.4-2 (see schemas/README.md).
 */
const PAIN_001_001_03 = readFileSync(
  new URL('./schemas/pain.001.001.03.xsd', import.meta.url),
  'utf8',
);

/**
 * What libxml2 finds wrong in a SEPA credit transfer file when it validates it against the
 * official pain.001.001.03 schema: empty when the file is valid.
 */
export async function painSchemaErrors(xml: string): Promise<string[]> {
  // Loaded at the first payout file, not at the server's start.
  const { memoryPages, validateXML } = await import('xmllint-wasm');
  const result = await validateXML({
    xml: [{ fileName: 'payout.xml', contents: xml }],
    schema: [PAIN_001_001_03],
    // libxml2 holds the whole document: 16 MiB (the default) stop at about 15 000 transfers;
    // memory grows only as needed, up to 1 GiB (about a million).
    maxMemoryPages: memoryPages.GiB,
  });
  return result.valid
    ? []
    : result.errors.map((error) =>
        error.message
          .replace('Schemas validity error : ', '')
          .replaceAll('{urn:iso:std:iso:20022:tech:xsd:pain.001.001.03}', ''),
      );
}
