import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../shared/api.ts';
import { PageTitle } from '../shared/layout.tsx';

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
      <PageTitle>Vérification de carte adhérent</PageTitle>
      {missing ? <p className="alert">Carte inconnue.</p> : null}
      {check ? (
        <div className={check.valid ? 'notice' : 'alert'} role="status">
          <p>
            <strong>{check.name}</strong>
          </p>
          <p>
            {check.valid
              ? `Carte valable${check.year === null ? '' : ` pour ${check.year}`}.`
              : 'Carte non valable cette année.'}
          </p>
        </div>
      ) : null}
    </>
  );
}
