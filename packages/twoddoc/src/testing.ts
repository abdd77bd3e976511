// For tests only (never a real certificate): a certification authority, the signing certificates
// it issues and the 2D-DOCs they sign, made on the spot — so that the whole check is exercised.
import 'reflect-metadata';
import { X509CertificateGenerator, type X509Certificate } from '@peculiar/x509';
import type { TrustList } from './trust.ts';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface TestCertificate {
  readonly pair: CryptoKeyPair;
  readonly certificate: X509Certificate;
}

export const testKeys = (): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);

/** RFC 4648 base32 without padding, as 2D-DOC signatures are written. */
export function toBase32(data: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32.charAt((value >> bits) & 31);
    }
  }
  return bits > 0 ? out + BASE32.charAt((value << (5 - bits)) & 31) : out;
}

/** A self-signed test authority, valid 2020–2035. */
export async function testAuthority(name: string): Promise<TestCertificate> {
  const pair = await testKeys();
  const certificate = await X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}, O=Autorité de test, C=FR`,
    keys: pair,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date('2020-01-01'),
    notAfter: new Date('2035-01-01'),
  });
  return { pair, certificate };
}

/** A signing certificate `id` issued by `issuer`, valid 2025–2028 unless told. */
export async function testSigner(
  issuer: TestCertificate,
  id: string,
  notBefore = new Date('2025-01-01'),
  notAfter = new Date('2028-01-01'),
): Promise<TestCertificate> {
  const pair = await testKeys();
  const certificate = await X509CertificateGenerator.create({
    subject: `CN=${id}, O=Émetteur de test, C=FR`,
    issuer: issuer.certificate.subject,
    publicKey: pair.publicKey,
    signingKey: issuer.pair.privateKey,
    signingAlgorithm: ALGORITHM,
    notBefore,
    notAfter,
  });
  return { pair, certificate };
}

/** `text` (header and message) followed by <US> and its signature by `key`. */
export async function signCode(text: string, key: CryptoKey): Promise<string> {
  const data = Uint8Array.from(text, (c) => c.charCodeAt(0));
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, data),
  );
  return `${text}\u001f${toBase32(signature)}`;
}

/** `text` signed by the key of a test signing certificate. */
export const signAs = (signer: TestCertificate, text: string): Promise<string> =>
  signCode(text, signer.pair.privateKey);

/** A trust list of the authority `id` and the signers given (by their header ids). */
export const testTrustList = (
  id: string,
  authority: TestCertificate,
  signers: Readonly<Record<string, TestCertificate>>,
): TrustList => ({
  source: 'autorité de test fabriquée par le test',
  retrievedOn: '2026-12-02',
  authorities: [{ id, certificates: [authority.certificate.toString('pem')] }],
  signers: Object.entries(signers).map(([certificate, s]) => ({
    authority: id,
    id: certificate,
    certificate: s.certificate.toString('pem'),
  })),
});
