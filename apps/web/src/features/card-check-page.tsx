import { useEffect, useState } from 'react';
import { useParams } from 'wouter';
import { api, ApiError } from '../shared/api.ts';
import { PageTitle } from '../shared/layout.tsx';
import { cardCheckPage as msg } from '../messages/pages.ts';

/** What the QR code of a member card opens, for a partner: the name, and valid or not. */
export function CardCheckPage() {
  const { token = '' } = useParams();
  const [check, setCheck] = useState<{ name: string; valid: boolean; year: number | null } | null>(
    null,
  );
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api<{ name: string; valid: boolean; year: number | null }>(
      'GET',
      `/api/cards/${encodeURIComponent(token)}`,
    )
      .then(setCheck)
      .catch((error: unknown) => setMissing(error instanceof ApiError));
  }, [token]);
  return (
    <>
      <PageTitle>{msg.verificationCarteAdherent}</PageTitle>
      {missing ? <p className="alert">{msg.carteInconnue}</p> : null}
      {check ? (
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
      ) : null}
    </>
  );
}
