import type { PartnerOfferInput } from '@entraide/contract';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { Loading, useLoad } from '../../shared/loading.tsx';
import { SECTOR_LABELS } from '../../messages/labels.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { RequireUser } from './require-user.tsx';
import { partnerOffersPage as msg } from '../../messages/member.ts';

export type Offer = PartnerOfferInput & { id: string };

/** Infos partenariat: partners' offers and codes (show the member card to get them). */
export function PartnerOffersPage() {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const loading = useLoad(async () =>
    setOffers((await api<{ offers: Offer[] }>('GET', '/api/partner-offers')).offers),
  );
  return (
    <RequireUser>
      <PageTitle>{msg.infosPartenariat}</PageTitle>
      {offers === null ? (
        <Loading {...loading} />
      ) : offers.length === 0 ? (
        <p>{msg.aucuneOffrePartenairePour}</p>
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
                  {msg.code} <strong>{offer.code}</strong>
                </p>
              ) : null}
              {offer.url ? (
                <p>
                  <a href={offer.url} target="_blank" rel="noreferrer">
                    {msg.site(offer.partner)}
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
