// ANTS's trust service list (ETSI TS 119 612, the `tsl_signed.xml` ANTS publishes) made into the
// trust list the server reads: each authority ("FR01"…) whose service is in accord, with its
// certificates and its certificate store (decision 0021).
import { X509Certificate } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { TrustedAuthority, TrustList } from '@entraide/twoddoc';

const IN_ACCORD = 'http://uri.etsi.org/TrstSvc/Svcstatus/inaccord';
const REPEATED = new Set(['TrustServiceProvider', 'TSPService', 'Name', 'URI', 'DigitalId']);

interface Tsl {
  SchemeInformation: {
    TSLSequenceNumber: string;
    ListIssueDateTime: string;
    NextUpdate?: { dateTime?: string };
    DistributionPoints?: { URI: string[] };
  };
  TrustServiceProviderList?: { TrustServiceProvider: Provider[] };
}
interface Provider {
  TSPInformation: {
    TSPName?: { Name: string[] };
    TSPTradeName?: { Name: string[] };
    TSPInformationURI?: { URI: string[] };
  };
  TSPServices?: { TSPService: { ServiceInformation: Service }[] };
}
interface Service {
  ServiceStatus: string;
  ServiceDigitalIdentity?: { DigitalId: { X509Certificate?: string }[] };
}

/** A certificate's base64 as PEM (read by Node, so a damaged one is refused here). */
const pem = (base64: string) => new X509Certificate(Buffer.from(base64, 'base64')).toString();

export function trustListFromTsl(xml: string, retrievedOn: string): TrustList {
  const parsed = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name),
  }).parse(xml) as { TrustServiceStatusList?: Tsl };
  const tsl = parsed.TrustServiceStatusList;
  if (!tsl) throw new Error('ce fichier n’est pas une liste de confiance (TrustServiceStatusList)');
  const scheme = tsl.SchemeInformation;
  const authorities = (tsl.TrustServiceProviderList?.TrustServiceProvider ?? []).flatMap(
    (provider): TrustedAuthority[] => {
      const { TSPName, TSPTradeName, TSPInformationURI } = provider.TSPInformation;
      const id = TSPTradeName?.Name.find((name) => /^FR\d\d$/.test(name));
      const name = TSPName?.Name[0];
      const certificates = (provider.TSPServices?.TSPService ?? [])
        .map((s) => s.ServiceInformation)
        .filter((s) => s.ServiceStatus === IN_ACCORD)
        .flatMap((s) => s.ServiceDigitalIdentity?.DigitalId ?? [])
        .flatMap((d) => (d.X509Certificate ? [pem(d.X509Certificate)] : []));
      if (!id || certificates.length === 0) return [];
      // The store is asked by name (`?name=<id>`): any query the list gives is dropped.
      const uri = TSPInformationURI?.URI[0];
      return [
        {
          id,
          ...(name ? { name } : {}),
          ...(uri ? { store: uri.split('?')[0] } : {}),
          certificates,
        },
      ];
    },
  );
  return {
    source: scheme.DistributionPoints?.URI[0] ?? 'liste de confiance 2D-DOC de l’ANTS',
    sequenceNumber: Number(scheme.TSLSequenceNumber),
    issuedOn: scheme.ListIssueDateTime.slice(0, 10),
    ...(scheme.NextUpdate?.dateTime ? { nextUpdate: scheme.NextUpdate.dateTime.slice(0, 10) } : {}),
    retrievedOn,
    authorities,
    signers: [],
  };
}
