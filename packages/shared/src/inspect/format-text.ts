import type {
  CertificateReport,
  CheckResult,
  InspectedMessage,
  InspectionReport,
  SignatureReport,
} from './report'

/**
 * The report as plain text for a terminal: every value printed as it is (the XML as indented
 * text, attribute values verbatim), nothing escaped for HTML, since nothing here is HTML;
 * only characters a terminal would act on are shown by their code.
 */

const MARK = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const

const shortAlgorithm = (uri: string | null): string => (uri ? (uri.split('#').pop() ?? uri) : 'unknown')

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n')

function summaryLines(message: InspectedMessage): string[] {
  const { fields, attributes } = message.summary
  const lines: string[] = []
  if (fields.length > 0) {
    const width = Math.min(38, Math.max(...fields.map((f) => f.label.length)))
    lines.push('Summary')
    for (const field of fields)
      lines.push(
        `  ${field.label.padEnd(width)}  ${field.value}${field.relative ? ` (${field.relative})` : ''}`,
      )
  }
  if (attributes.length > 0) {
    lines.push(`Attributes (${attributes.length})`)
    for (const attribute of attributes) {
      const friendly = attribute.friendlyName ? ` [${attribute.friendlyName}]` : ''
      const values = attribute.values.length === 0 ? '(no value)' : attribute.values.join(' | ')
      lines.push(`  ${attribute.name}${friendly} = ${values}`)
    }
  }
  return lines
}

function signatureLines(signature: SignatureReport): string[] {
  const target = signature.signedId ? ` (ID ${signature.signedId})` : ''
  const algorithm = signature.digestAlgorithm
    ? `${shortAlgorithm(signature.signatureAlgorithm)}, digest ${shortAlgorithm(signature.digestAlgorithm)}`
    : shortAlgorithm(signature.signatureAlgorithm)
  const lines = [
    `  ${signature.signedElement}${target}: ${signature.verdict} (${algorithm}${signature.reference ? `, Reference ${signature.reference}` : ''})`,
    `    ${signature.detail}`,
  ]
  if (signature.keyInfoCertificate)
    lines.push(
      `    KeyInfo certificate: ${signature.keyInfoCertificate.subject} (thumbprint ${signature.keyInfoCertificate.thumbprint})`,
    )
  lines.push(`    trust: ${signature.trustDetail}`)
  return lines
}

function certificateLines(certificate: CertificateReport): string[] {
  return [
    `  ${certificate.role}: ${certificate.subject}`,
    `    issuer ${certificate.issuer}; serial ${certificate.serialNumber}`,
    `    thumbprint ${certificate.thumbprint}; SHA-256 ${certificate.sha256Fingerprint}`,
    `    ${certificate.validity}; ${certificate.publicKey}`,
    `    chain: ${certificate.chain}`,
  ]
}

function checkLines(check: CheckResult, width: number): string[] {
  const head = `  ${MARK[check.status]}  ${check.name.padEnd(width)}  `
  if (check.status !== 'failed') return [`${head}${check.detail}`]
  const pad = ' '.repeat(head.length)
  return [`${head}${check.message}`, `${pad}Fix: ${check.fix}`, `${pad}(${check.code})`]
}

function messageLines(message: InspectedMessage, total: number): string[] {
  const lines = [
    '',
    `== Message ${message.index} of ${total}: ${message.kind ?? 'unreadable'} ==`,
    `Found in ${message.location}, ${message.encoding}${message.parameter ? `, as ${message.parameter}` : ''}`,
  ]
  if (message.alsoSeenIn.length > 0) lines.push(`Also in ${message.alsoSeenIn.join('; ')}`)
  if (message.relayState !== null) lines.push(`RelayState ${message.relayState}`)
  lines.push(...summaryLines(message))
  if (message.signatures.length > 0) lines.push('Signatures', ...message.signatures.flatMap(signatureLines))
  else if (message.kind) lines.push('Signatures', '  none')
  if (message.certificates.length > 0)
    lines.push('Certificates', ...message.certificates.flatMap(certificateLines))
  if (message.decryption)
    lines.push('Decryption', `  ${message.decryption.status}: ${message.decryption.detail}`)
  const width = Math.max(...message.checks.map((c) => c.name.length))
  lines.push(`Checks (${message.checksBy})`, ...message.checks.flatMap((c) => checkLines(c, width)))
  if (message.xml !== null) lines.push('Decoded XML', indent(message.xml, '  '))
  if (message.decryptedAssertionXml !== null)
    lines.push('Decrypted assertion', indent(message.decryptedAssertionXml, '  '))
  return lines
}

// Characters a terminal acts on rather than prints (C0 but tab and newline, DEL, C1 such as
// the 8-bit CSI) and the bidirectional overrides that reorder what is shown: a hostile value
// must not rewrite the screen or disguise a URL, so each is printed as its code instead.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class names exactly those characters.
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** `text` with every terminal-active or reordering character shown as `\u{…}`. */
export function terminalSafe(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`)
}

/** The whole report as text, ending with a one-line result. */
export function formatInspectionText(report: InspectionReport): string {
  const total = report.messages.length
  const lines = [
    `Detected: ${report.detected.description}`,
    `Judged at: ${report.judgedAt}`,
    'Compared with:',
    ...report.comparedWith.map((line) => `  - ${line}`),
    ...report.messages.flatMap((m) => messageLines(m, total)),
    '',
  ]
  const withFailures = report.messages.filter((m) => m.failed > 0).length
  lines.push(
    report.failed === 0
      ? `Result: no check failed in ${total} message${total === 1 ? '' : 's'}.`
      : `Result: ${report.failed} check${report.failed === 1 ? '' : 's'} failed in ${withFailures} of ${total} message${total === 1 ? '' : 's'}.`,
  )
  return `${terminalSafe(lines.join('\n'))}\n`
}
