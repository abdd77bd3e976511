import { useState } from 'react';
import { useParams } from 'wouter';
import { api } from '../shared/api.ts';
import { Loading, orMissing, useLoad } from '../shared/loading.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { cardCheckPage as msg } from '../messages/pages.ts';

/** What the QR code of a member card opens, for a partner: the name, and valid or not. */
export function CardCheckPage() {
  const { token = '' } = useParams();
  const [check, setCheck] = useState<
    { name: string; valid: boolean; year: number | null } | 'missing' | null
  >(null);
  const loading = useLoad(
    async () =>
      setCheck(
        await orMissing(
          api<{ name: string; valid: boolean; year: number | null }>(
            'GET',
            `/api/cards/${encodeURIComponent(token)}`,
          ),
        ),
      ),
    token,
  );
  return (
    <>
      <PageTitle>{msg.verificationCarteAdherent}</PageTitle>
      {check === null ? (
        <Loading {...loading} />
      ) : check === 'missing' ? (
        <p className="alert">{msg.carteInconnue}</p>
      ) : (
        <div className={check.valid ? 'notice' : 'alert'} role="status">
          <p>
            <strong>{check.name}</strong>
          </p>
          <p>
            {check.valid
              ? msg.carteValable(check.year === null ? '' : msg.pour(check.year))
              : msg.carteNonValableCette}
          </p>
        </div>
      )}
    </>
  );
}
