import type { ExpiringCertificate } from '../../../sso-setup/certificate-expiry'
import { ActionButton, CSRF_FIELD } from '../actions'
import { Icon } from '../icons'

/** Where the card's actions live (routes under the wizard's path, behind the same guard). */
export const CERTIFICATE_UPDATE_PATHS = {
  import: '/admin/settings/authentication/sso?step=import',
  test: '/admin/settings/authentication/sso/test-connection',
  switch: '/admin/settings/authentication/switch-metadata',
}

/** Where the admin is in replacing the IdP metadata while single sign-on stays on. */
export interface CertificateUpdate {
  readonly expiring: readonly ExpiringCertificate[]
  /** The entity of a new metadata file imported while SSO is on (sign-ins still use the old one), or null. */
  readonly newMetadataEntityId: string | null
  /** The last Test SSO Update of that new metadata. */
  readonly test: 'passed' | 'failed' | 'not-run'
  readonly csrfToken: string
}

function dayCount(days: number): string {
  if (days <= 0) return 'has expired'
  return `may expire in ${days} ${days === 1 ? 'day' : 'days'}`
}

const TEST_WORDS = {
  passed: 'Test passed: single sign-on with the new metadata works.',
  failed: 'Test failed: fix the setup in Entra, import the metadata again and test again.',
  'not-run': 'Not tested yet.',
}

/**
 * "Update SSO Certificate": an IdP signing certificate ends within 60 days (Webex then refuses every
 * sign-in), or a new metadata file was imported while SSO is on. Its steps keep single sign-on
 * working throughout: import the new metadata (sign-ins still use the old one), Test SSO Update
 * against the new one in another tab, then Switch to new metadata, which only a passed test unlocks.
 */
export function CertificateUpdateCard(props: CertificateUpdate) {
  const imported = props.newMetadataEntityId !== null
  return (
    <section class="card tone-error cert-warning" aria-labelledby="cert-warning-title" id="cert-warning">
      <div class="card-head">
        <h3 id="cert-warning-title">Update SSO Certificate</h3>
      </div>
      <div class="card-body">
        {props.expiring.map((c) => (
          <p>
            SSO certificate {dayCount(c.daysLeft)} ({c.subject}, thumbprint <code>{c.thumbprint}</code>, ends{' '}
            {c.notAfter}). Add a new certificate in Entra (SAML Certificates), download the Federation
            Metadata XML again and import it here; single sign-on keeps using the current one until you
            switch.
          </p>
        ))}
        <ol class="cert-update-steps">
          <li>
            <p>
              {imported
                ? `New metadata imported (${props.newMetadataEntityId}); sign-ins still use the current one.`
                : 'Import the new metadata file.'}
            </p>
            <ActionButton
              label="Import new metadata"
              variant="secondary"
              action={{ method: 'get', href: CERTIFICATE_UPDATE_PATHS.import }}
            />
          </li>
          <li>
            <p id="cert-update-test">{imported ? TEST_WORDS[props.test] : 'Test the new metadata.'}</p>
            {imported ? (
              // A link, like Test SSO Connection: the test goes on to the IdP in a new tab.
              <a
                class="btn btn-secondary"
                href={`${CERTIFICATE_UPDATE_PATHS.test}?${CSRF_FIELD}=${encodeURIComponent(props.csrfToken)}`}
                target="_blank"
                rel="noopener"
              >
                <Icon name="external" />
                Test SSO Update
              </a>
            ) : (
              <button type="button" class="btn btn-secondary" disabled={true}>
                Test SSO Update
              </button>
            )}
          </li>
          <li>
            <p>Switch sign-ins to the new metadata once its test passed.</p>
            <ActionButton
              label="Switch to new metadata"
              variant="primary"
              disabled={props.test !== 'passed'}
              action={{ method: 'post', href: CERTIFICATE_UPDATE_PATHS.switch, csrfToken: props.csrfToken }}
            />
          </li>
        </ol>
      </div>
    </section>
  )
}
