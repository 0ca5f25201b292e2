import { describe, expect, it } from 'vitest'
import { signInToConsole } from '../../test-support/console'
import { createTestIdp } from '../../test-support/harness'

describe('Monitoring & health in the admin center', () => {
  it('lists a failed sign-in with its AADSTS code and reason, and shows its details pane with the correlation id', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    const wrong = idp.browser()
    await signInToConsole(idp, wrong, { login: 'admin@contoso.com', password: 'Wrong-password-1' })
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const failed = idp.services.signInLog.list().find((r) => r.status === 'failure')
    if (!failed) throw new Error('no failed sign-in recorded')
    const logs = await browser.open(`${idp.url}/monitoring/sign-ins`)
    expect(logs.status).toBe(200)
    expect(logs.facts.text).toContain(`AADSTS${failed.errorCode}`)
    expect(logs.facts.text).toContain(failed.id)
    const details = await browser.open(`${idp.url}/monitoring/sign-ins?pane=details&id=${failed.id}`)
    expect(details.facts.text).toContain('Activity Details: Sign-ins')
    expect(details.facts.text).toContain(failed.correlationId)
    const unknown = await browser.open(`${idp.url}/monitoring/sign-ins?pane=details&id=%3Cx%3E&page=abc`)
    expect(unknown.status).toBe(200)
    expect(unknown.facts.text).not.toContain('Activity Details')
  })

  it('lists the "Stay signed in?" interrupt as Interrupted (AADSTS50140), not as a failure', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const interrupt = idp.services.signInLog.list().find((r) => r.errorCode === 50140)
    if (!interrupt) throw new Error('no interrupt recorded')
    const details = await browser.open(`${idp.url}/monitoring/sign-ins?pane=details&id=${interrupt.id}`)
    expect(details.facts.text).toContain('Status Interrupted Sign-in error code AADSTS50140')
    expect(details.facts.text).toContain(
      "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
    )
  })

  it('shows an admin change with who, what and the old and new values', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const made = await idp.services.directory.createUser({
      userPrincipalName: 'b.simon@contoso.com',
      displayName: 'B.Simon',
    })
    if (!made.ok) throw new Error('create failed')
    await idp.services.directory.updateUser(
      made.value.user.id,
      { displayName: 'Britta Simon' },
      {
        displayName: 'Sandbox Admin',
        userPrincipalName: 'admin@contoso.com',
      },
    )
    const logs = await browser.open(`${idp.url}/monitoring/audit`)
    expect(logs.facts.text).toContain('Update user')
    expect(logs.facts.text).toContain('Sandbox API client')
    const entry = idp.services.audit.list()[0]
    const details = await browser.open(`${idp.url}/monitoring/audit?pane=details&id=${entry?.id}`)
    expect(details.facts.text).toContain('Modified Properties')
    // The JSON-encoded values (`["B.Simon"]`) read as plain text in the pane.
    expect(details.facts.text).toMatch(/DisplayName\s*B\.Simon\s*Britta Simon/)
    expect(details.facts.text).not.toContain('["B.Simon"]')
    expect(details.facts.text).toContain('admin@contoso.com')
  })

  it('names the sandbox fault that answered a sign-in, in the list and the details pane', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const signedIn = idp.services.signInLog.list()[0]
    if (!signedIn) throw new Error('no sign-in recorded')
    const fault = { id: 'f-1', preset: 'wrong-audience', description: 'The Audience names another app.' }
    idp.services.signInLog.record({ ...signedIn, id: 'faulted-sign-in', fault })
    const logs = await browser.open(`${idp.url}/monitoring/sign-ins`)
    expect(logs.facts.text).toContain('Sandbox fault: wrong-audience.')
    const details = await browser.open(`${idp.url}/monitoring/sign-ins?pane=details&id=faulted-sign-in`)
    expect(details.facts.text).toContain('wrong-audience: The Audience names another app.')
  })

  it("downloads the sign-in and audit logs as CSV and as Graph-shaped JSON, from each page's Download pane", async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: 'Wrong-password-1' })
    await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
    const made = await idp.services.directory.createUser({
      userPrincipalName: 'b.simon@contoso.com',
      displayName: '=B.Simon',
    })
    if (!made.ok) throw new Error('create failed')
    const cookie = browser.jar
      .cookiesFor(new URL(idp.url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
    const fetchFile = (path: string) => idp.app.request(path, { headers: { cookie } })

    const pane = await browser.open(`${idp.url}/monitoring/sign-ins?pane=download`)
    expect(pane.facts.text).toContain(`The ${idp.services.signInLog.list().length} sign-ins the log keeps`)
    expect(pane.body).toContain('href="/monitoring/sign-ins/download?format=csv"')
    const csv = await fetchFile('/monitoring/sign-ins/download?format=csv')
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toMatch(
      /filename="InteractiveSignIns_\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const lines = (await csv.text()).split('\r\n')
    expect(lines[0]).toBe(
      'Date (UTC),Request ID,Correlation ID,User ID,User,Username,Application,Application ID,IP address,Status,Sign-in error code,Failure reason',
    )
    const failed = idp.services.signInLog.list().find((r) => r.status === 'failure')
    expect(lines.find((l) => failed && l.includes(failed.id))).toContain(`,Failure,${failed?.errorCode},`)
    expect(lines).toHaveLength(idp.services.signInLog.list().length + 2)
    const json = (await (await fetchFile('/monitoring/sign-ins/download?format=json')).json()) as {
      id: string
      status: { errorCode: number }
    }[]
    expect(json.find((r) => r.id === failed?.id)?.status.errorCode).toBe(failed?.errorCode)

    const auditPane = await browser.open(`${idp.url}/monitoring/audit?pane=download`)
    expect(auditPane.facts.text).toContain(`The ${idp.services.audit.list().length} change`)
    const auditCsv = await fetchFile('/monitoring/audit/download?format=csv')
    expect(auditCsv.headers.get('content-disposition')).toMatch(/filename="AuditLogs_\d{4}-\d{2}-\d{2}\.csv"/)
    const auditText = await auditCsv.text()
    expect(auditText.split('\r\n')[0]).toContain('Activity,Result,ResultReason,ActorType')
    // A display name that a spreadsheet would run as a formula is defused.
    expect(auditText).toContain(",User,'=B.Simon,")
    const auditJson = (await (await fetchFile('/monitoring/audit/download?format=json')).json()) as {
      activityDisplayName: string
      targetResources: { displayName: string }[]
    }[]
    expect(auditJson[0]).toMatchObject({
      activityDisplayName: 'Add user',
      targetResources: [{ displayName: '=B.Simon' }],
    })

    const unknown = await fetchFile('/monitoring/sign-ins/download?format=xlsx')
    expect(unknown.status).toBe(400)
    await expect(unknown.text()).resolves.toContain('use format=csv or format=json')
    const anonymous = await idp.app.request('/monitoring/audit/download?format=csv')
    expect(anonymous.status).toBe(302)
  })
})
