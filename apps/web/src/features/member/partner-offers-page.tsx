import type { PartnerOfferInput } from '@entraide/contract';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { SECTOR_LABELS } from '../../shared/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from './require-user.tsx';

export type Offer = PartnerOfferInput & { id: string };

/** Infos partenariat: partners' offers and codes (show the member card to get them). */
export function PartnerOffersPage() {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  useEffect(() => {
    void api<{ offers: Offer[] }>('GET', '/api/partner-offers').then((answer) =>
      setOffers(answer.offers),
    );
  }, []);
  return (
    <RequireUser>
      <PageTitle>Infos partenariat</PageTitle>
      {offers === null ? (
        <p role="status">Chargement…</p>
      ) : offers.length === 0 ? (
        <p>Aucune offre partenaire pour l’instant.</p>
      ) : (
        <ul className="queue">
          {offers.map((offer) => (
            <li key={offer.id}>
              <h2>{offer.partner}</h2>
              <p>
                {SECTOR_LABELS[offer.sector]} — {offer.description}
              </p>
              {offer.code ? (
                <p>
                  Code : <strong>{offer.code}</strong>
                </p>
              ) : null}
              {offer.url ? (
                <p>
                  <a href={offer.url} target="_blank" rel="noreferrer">
                    Site de {offer.partner}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </RequireUser>
  );
}
