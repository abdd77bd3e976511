import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { PageTitle } from '../../shared/layout.tsx';
import { useSession } from '../../shared/session.tsx';
import { Entitlements } from './entitlements.tsx';
import { RequireUser } from './require-user.tsx';

interface Profile {
  identifier: string;
  firstName: string;
  lastName: string;
  email: string;
  dependants: {
    relation: 'spouse' | 'child';
    firstName: string;
    lastName: string;
    birthDate: string;
  }[];
}

function MemberProfile({ id }: { readonly id: string }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    void api<Profile>('GET', `/api/members/${id}`).then(setProfile);
  }, [id]);
  if (!profile) return <p role="status">Chargement…</p>;
  return (
    <section aria-labelledby="famille">
      <h2 id="famille">Ma famille</h2>
      {profile.dependants.length === 0 ? (
        <p>Aucun ayant droit déclaré.</p>
      ) : (
        <ul>
          {profile.dependants.map((d) => (
            <li key={`${d.relation}-${d.firstName}-${d.birthDate}`}>
              {d.relation === 'spouse' ? 'Conjoint' : 'Enfant'} : {d.firstName} {d.lastName},
              naissance le {formatDate(d.birthDate)}
            </li>
          ))}
        </ul>
      )}
      <p>Courriel : {profile.email}</p>
    </section>
  );
}

export function MemberHomePage() {
  const { session } = useSession();
  const user = session?.user;
  return (
    <RequireUser>
      <PageTitle>{`Bonjour ${user?.firstName ?? ''}`}</PageTitle>
      <p>
        Votre identifiant CAES : <strong>{user?.identifier}</strong>
      </p>
      {user?.role === 'member' ? (
        <>
          <Entitlements />
          <MemberProfile id={user.id} />
        </>
      ) : (
        <p>Vous êtes connecté avec un compte du personnel du comité.</p>
      )}
      <h2>Mon espace adhérent</h2>
      <ul>
        {user?.role === 'member' ? (
          <>
            <li>
              <Link to="/espace/fiche">Ma Fiche Agent</Link>
            </li>
            <li>
              <Link to="/espace/inscriptions">Mes demandes d’inscription</Link>
            </li>
            <li>
              <Link to="/espace/factures">Mes dossiers factures</Link>
            </li>
            <li>
              <Link to="/espace/subventions">Mes dossiers subventions</Link>
            </li>
            <li>
              <Link to="/espace/solidarite">Solidarité : aide ou prêt</Link>
            </li>
            <li>
              <Link to="/espace/coordonnees">Mes coordonnées</Link>
            </li>
            <li>
              <Link to="/espace/rib">Gérer mes RIB</Link>
            </li>
            <li>
              <Link to="/espace/partenaires">Infos partenariat</Link>
            </li>
            <li>
              <a href="/api/me/card.pdf" target="_blank" rel="noreferrer">
                Ma carte adhérent (PDF à imprimer)
              </a>
            </li>
            <li>
              Formulaires pré-remplis à imprimer :{' '}
              <a
                href="/api/me/forms/subvention-administrative.pdf"
                target="_blank"
                rel="noreferrer"
              >
                subvention administrative
              </a>
              ,{' '}
              <a
                href="/api/me/forms/attestation-non-subvention.pdf"
                target="_blank"
                rel="noreferrer"
              >
                attestation de non-subvention (employeur du conjoint)
              </a>
            </li>
          </>
        ) : null}
        <li>
          <Link to="/simulateur">Calculer un taux de subvention</Link>
        </li>
        <li>
          <Link to="/espace/mot-de-passe">Changer mon mot de passe</Link>
        </li>
        <li>
          <Link to="/espace/securite">Sécurité du compte (second facteur)</Link>
        </li>
        <li>
          <Link to="/espace/consultations">Qui a consulté mon dossier</Link>
        </li>
        <li>
          <Link to="/espace/mes-donnees">Mes données (télécharger, fermer mon compte)</Link>
        </li>
        {user && user.role !== 'member' ? (
          <li>
            <Link to="/gestion">Gestion : demandes d’inscription</Link>
          </li>
        ) : null}
      </ul>
    </RequireUser>
  );
}
