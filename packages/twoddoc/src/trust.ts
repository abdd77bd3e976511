import type { X509Certificate as Certificate } from '@peculiar/x509';
import type { TwoDDoc } from './message.ts';
import { verifySignature } from './signature.ts';

/**
 * The certificates a 2D-DOC may be checked against, as data: ANTS's list of the certification
 * authorities (by their header id, "FR00"…) with their certificate stores, and the signing
 * certificates they issued (by the header's certificate id, "0001"…) already known, with where
 * and when the list was taken.
 */
export interface TrustList {
  readonly source: string;
  readonly retrievedOn: string;
  /** ANTS's own numbering of its list, the day it was issued and the day it said it would be replaced. */
  readonly sequenceNumber?: number;
  readonly issuedOn?: string;
  readonly nextUpdate?: string;
  readonly authorities: readonly TrustedAuthority[];
  readonly signers: readonly {
    readonly authority: string;
    readonly id: string;
    readonly certificate: string;
  }[];
}

export interface TrustedAuthority {
  readonly id: string;
  /** Who runs it, as the list names them. */
  readonly name?: string;
  /** Its certificate store (RFC 4387), where its signing certificates are asked for by id. */
  readonly store?: string;
  readonly certificates: readonly string[];
}

export type Verdict =
  | { readonly valid: true; readonly signer: string }
  | { readonly valid: false; readonly reason: string };

const refused = (reason: string): Verdict => ({ valid: false, reason });
const frenchDate = (date: Date) => date.toISOString().slice(0, 10).split('-').reverse().join('/');

/**
 * Whether a 2D-DOC is genuine: its header names a certificate of the list, issued by the
 * authority it names, valid on the day the code was signed (or `on`), whose key signed exactly
 * this header and message. Every refusal says why, in French.
 */
export async function verify2dDoc(doc: TwoDDoc, list: TrustList, on?: Date): Promise<Verdict> {
  const { authority, certificate } = doc.header;
  const authorityEntry = list.authorities.find((a) => a.id === authority);
  if (!authorityEntry) return refused(`autorité de certification inconnue : ${authority}`);
  const signerEntry = list.signers.find((s) => s.authority === authority && s.id === certificate);
  if (!signerEntry) return refused(`certificat inconnu : ${authority}/${certificate}`);
  // Loaded at the first notice checked, not at the server's start. @peculiar/x509 registers its
  // parts with tsyringe, which needs the Reflect metadata polyfill first.
  await import('reflect-metadata');
  const { X509Certificate } = await import('@peculiar/x509');
  const signer = new X509Certificate(signerEntry.certificate);
  const day =
    on ?? (doc.header.signedOn ? new Date(`${doc.header.signedOn}T12:00:00Z`) : new Date());
  let issuer: Certificate | null = null;
  for (const pem of authorityEntry.certificates) {
    const candidate = new X509Certificate(pem);
    if (await signer.verify({ publicKey: candidate.publicKey, signatureOnly: true })) {
      issuer = candidate;
      break;
    }
  }
  if (!issuer)
    return refused(`le certificat ${certificate} n’a pas été émis par l’autorité ${authority}`);
  for (const [name, cert] of [
    [`le certificat ${certificate}`, signer],
    [`l’autorité ${authority}`, issuer],
  ] as const) {
    if (day < cert.notBefore)
      return refused(`${name} n’était pas encore valable le ${frenchDate(day)}`);
    if (day > cert.notAfter) return refused(`${name} a expiré le ${frenchDate(cert.notAfter)}`);
  }
  const key = await signer.publicKey.export();
  if (!(await verifySignature(doc, key)))
    return refused('signature invalide : le code a été modifié, ou un autre certificat l’a signé');
  return { valid: true, signer: signer.subject };
}
