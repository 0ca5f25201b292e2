import type { AssertionTiming, SignerSummary } from '../sign-in/acs/acs-facts'
import { Card } from './console/cards'
import { KeyValueTable } from './console/key-value'

/** What the IdP sent, as the ACS read it from the signed assertion (null: not read). */
export interface IdpSentProps {
  readonly nameId: string | null
  readonly nameIdFormat?: string | null
  readonly issuer?: string | null
  readonly attributes: Readonly<Record<string, readonly string[]>>
  readonly certificate: SignerSummary | null
  readonly timing: AssertionTiming | null
  /** The SP's clock when the assertion arrived, beside the times the IdP wrote. */
  readonly receivedAt: string
}

const NOT_READ = '(not read)'

/**
 * "What the IdP sent": the subject, every attribute, the signing certificate and the timing, in
 * tables whose name columns share one width, so the values line up from table to table.
 */
export function IdpSentCard(props: IdpSentProps) {
  const attributes = Object.entries(props.attributes)
  return (
    <Card title="What the IdP sent" id="idp-sent">
      <div class="idp-sent">
        <KeyValueTable
          caption="Subject"
          keys="narrow"
          rows={[
            { key: 'NameID', values: [props.nameId ?? NOT_READ] },
            ...(props.nameIdFormat ? [{ key: 'NameID format', values: [props.nameIdFormat] }] : []),
            ...(props.issuer ? [{ key: 'Identity provider', values: [props.issuer] }] : []),
          ]}
        />
        <KeyValueTable
          caption={`Attributes (${attributes.length})`}
          keys="narrow"
          mono={true}
          rows={
            attributes.length > 0
              ? attributes.map(([name, values]) => ({ key: name, values: [...values] }))
              : [{ key: '(none)', values: ['The assertion carried no attributes, or they were not read.'] }]
          }
        />
        <KeyValueTable
          caption="Signing certificate"
          keys="narrow"
          rows={[
            { key: 'Subject', values: [props.certificate?.subject ?? '(not verified)'] },
            { key: 'Thumbprint', values: [props.certificate?.thumbprint ?? '-'], opaque: true },
          ]}
        />
        <KeyValueTable
          caption="Timing"
          keys="narrow"
          rows={[
            { key: 'IssueInstant', values: [props.timing?.issueInstant ?? NOT_READ] },
            { key: 'NotBefore', values: [props.timing?.notBefore ?? '-'] },
            { key: 'NotOnOrAfter', values: [props.timing?.notOnOrAfter ?? '-'] },
            { key: 'Webex clock on arrival', values: [props.receivedAt] },
          ]}
        />
      </div>
    </Card>
  )
}
