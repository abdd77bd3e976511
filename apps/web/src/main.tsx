import { lazy, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './shared/layout.tsx';
import { PageLoading } from './shared/page-loading.tsx';
import { applyTheme } from './shared/theme.tsx';
import { SessionProvider } from './shared/session.tsx';
import './styles.css';

/**
 * A page in its own chunk: the first page a person opens downloads only the frame and itself.
 */
const loaders: (() => Promise<unknown>)[] = [];
const page = <Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) => {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
};
// Once the first page has loaded, the others are fetched in the background, one at a time so
// that the person's own requests never wait behind them: the next page opens at once.
window.addEventListener('load', () => {
  void (async () => {
    for (const load of loaders) await load().catch(() => undefined);
  })();
});

const MyDataPage = page(() => import('./features/member/my-data-page.tsx'), 'MyDataPage');
const FileReadsPage = page(() => import('./features/member/file-reads-page.tsx'), 'FileReadsPage');
const SecurityPage = page(() => import('./features/accounts/security-page.tsx'), 'SecurityPage');
const CommitteeIdentityPage = page(
  () => import('./features/staff/committee-identity-page.tsx'),
  'CommitteeIdentityPage',
);
const FailedMailsPage = page(
  () => import('./features/staff/failed-mails-page.tsx'),
  'FailedMailsPage',
);
const StaffAccountsPage = page(
  () => import('./features/staff/staff-accounts-page.tsx'),
  'StaffAccountsPage',
);
const AgentRecordPage = page(
  () => import('./features/agent-record/agent-record-page.tsx'),
  'AgentRecordPage',
);
const CardCheckPage = page(() => import('./features/card-check-page.tsx'), 'CardCheckPage');
const ChangePasswordPage = page(
  () => import('./features/accounts/change-password-page.tsx'),
  'ChangePasswordPage',
);
const ForgotIdentifierPage = page(
  () => import('./features/accounts/forgot-identifier-page.tsx'),
  'ForgotIdentifierPage',
);
const ForgotPasswordPage = page(
  () => import('./features/accounts/forgot-password-page.tsx'),
  'ForgotPasswordPage',
);
const LoginPage = page(() => import('./features/accounts/login-page.tsx'), 'LoginPage');
const SetPasswordPage = page(
  () => import('./features/accounts/set-password-page.tsx'),
  'SetPasswordPage',
);
const SignUpPage = page(() => import('./features/accounts/sign-up-page.tsx'), 'SignUpPage');
const HomePage = page(() => import('./features/home-page.tsx'), 'HomePage');
const ClaimsReviewPage = page(
  () => import('./features/claims/claims-review-page.tsx'),
  'ClaimsReviewPage',
);
const MyClaimsPage = page(() => import('./features/claims/my-claims-page.tsx'), 'MyClaimsPage');
const MySolidarityPage = page(
  () => import('./features/solidarity/my-solidarity-page.tsx'),
  'MySolidarityPage',
);
const SolidarityReviewPage = page(
  () => import('./features/solidarity/solidarity-review-page.tsx'),
  'SolidarityReviewPage',
);
const MyInvoicesPage = page(
  () => import('./features/billing/my-invoices-page.tsx'),
  'MyInvoicesPage',
);
const PaymentsPage = page(() => import('./features/billing/payments-page.tsx'), 'PaymentsPage');
const ActivityPage = page(() => import('./features/catalogue/activity-page.tsx'), 'ActivityPage');
const CataloguePage = page(
  () => import('./features/catalogue/catalogue-page.tsx'),
  'CataloguePage',
);
const MyRegistrationsPage = page(
  () => import('./features/registrations/my-registrations-page.tsx'),
  'MyRegistrationsPage',
);
const RegistrationFormPage = page(
  () => import('./features/registrations/registration-form-page.tsx'),
  'RegistrationFormPage',
);
const ActivitiesEditorPage = page(
  () => import('./features/staff/activities-editor-page.tsx'),
  'ActivitiesEditorPage',
);
const DashboardPage = page(() => import('./features/staff/dashboard-page.tsx'), 'DashboardPage');
const SelectionPage = page(() => import('./features/staff/selection-page.tsx'), 'SelectionPage');
const ContactPage = page(() => import('./features/member/contact-page.tsx'), 'ContactPage');
const BankAccountsPage = page(
  () => import('./features/member/bank-accounts-page.tsx'),
  'BankAccountsPage',
);
const MemberHomePage = page(
  () => import('./features/member/member-home-page.tsx'),
  'MemberHomePage',
);
const NotFoundPage = page(() => import('./features/not-found-page.tsx'), 'NotFoundPage');
const SimulatorPage = page(
  () => import('./features/simulator/simulator-page.tsx'),
  'SimulatorPage',
);
const MemberSearchPage = page(
  () => import('./features/staff/member-search-page.tsx'),
  'MemberSearchPage',
);
const PartnerOffersEditorPage = page(
  () => import('./features/staff/partner-offers-editor-page.tsx'),
  'PartnerOffersEditorPage',
);
const PartnerOffersPage = page(
  () => import('./features/member/partner-offers-page.tsx'),
  'PartnerOffersPage',
);
const PacksPage = page(() => import('./features/staff/packs-page.tsx'), 'PacksPage');
const RecordValidationPage = page(
  () => import('./features/staff/record-validation-page.tsx'),
  'RecordValidationPage',
);
const StaffHomePage = page(() => import('./features/staff/staff-home-page.tsx'), 'StaffHomePage');
const SignUpQueuePage = page(
  () => import('./features/staff/sign-up-queue-page.tsx'),
  'SignUpQueuePage',
);

applyTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <Layout>
            <PageLoading>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/simulateur" element={<SimulatorPage />} />
                <Route path="/connexion" element={<LoginPage />} />
                <Route path="/inscription" element={<SignUpPage />} />
                <Route path="/identifiant-oublie" element={<ForgotIdentifierPage />} />
                <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
                <Route path="/mot-de-passe/definir" element={<SetPasswordPage />} />
                <Route path="/espace" element={<MemberHomePage />} />
                <Route path="/espace/mot-de-passe" element={<ChangePasswordPage />} />
                <Route path="/espace/securite" element={<SecurityPage />} />
                <Route path="/espace/consultations" element={<FileReadsPage />} />
                <Route path="/espace/mes-donnees" element={<MyDataPage />} />
                <Route path="/gestion/comptes" element={<StaffAccountsPage />} />
                <Route path="/gestion/comite" element={<CommitteeIdentityPage />} />
                <Route path="/gestion/courriels" element={<FailedMailsPage />} />
                <Route path="/gestion" element={<StaffHomePage />} />
                <Route path="/gestion/inscriptions" element={<SignUpQueuePage />} />
                <Route path="/gestion/fiches" element={<RecordValidationPage />} />
                <Route path="/gestion/baremes" element={<PacksPage />} />
                <Route path="/gestion/adherents" element={<MemberSearchPage />} />
                <Route path="/gestion/partenaires" element={<PartnerOffersEditorPage />} />
                <Route path="/espace/partenaires" element={<PartnerOffersPage />} />
                <Route path="/espace/fiche" element={<AgentRecordPage />} />
                <Route path="/espace/rib" element={<BankAccountsPage />} />
                <Route path="/espace/coordonnees" element={<ContactPage />} />
                <Route path="/carte/:token" element={<CardCheckPage />} />
                <Route path="/activites" element={<CataloguePage />} />
                <Route path="/activites/:id" element={<ActivityPage />} />
                <Route path="/espace/inscriptions" element={<MyRegistrationsPage />} />
                <Route path="/espace/inscriptions/nouvelle" element={<RegistrationFormPage />} />
                <Route path="/gestion/activites" element={<ActivitiesEditorPage />} />
                <Route path="/gestion/selection" element={<SelectionPage />} />
                <Route path="/gestion/tableau-de-bord" element={<DashboardPage />} />
                <Route path="/gestion/reglements" element={<PaymentsPage />} />
                <Route path="/espace/factures" element={<MyInvoicesPage />} />
                <Route path="/espace/subventions" element={<MyClaimsPage />} />
                <Route path="/gestion/subventions" element={<ClaimsReviewPage />} />
                <Route path="/espace/solidarite" element={<MySolidarityPage />} />
                <Route path="/gestion/solidarite" element={<SolidarityReviewPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </PageLoading>
          </Layout>
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
