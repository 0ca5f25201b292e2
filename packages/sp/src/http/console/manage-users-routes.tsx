import { Hono } from 'hono'
import { checkEmail } from '../../users/user-rules'
import type { NewUser, WebexLicense } from '../../users/user-service'
import type { EntryToken } from '../../views/console/fields'
import {
  AddServicesDialog,
  ManageUsersDialog,
  ManualAddDialog,
  type ManualAddProps,
  UsersAddedDialog,
} from '../../views/console/pages/manage-users-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { formText, formTexts, postedForm, redirectWithToasts, renderPage } from './console-page'
import { usersListPage } from './users-routes'

/** Real Control Hub takes up to 25 people per run of "Manually Add or Modify Users". */
const MAX_ENTRIES = 25
const LICENSES: readonly WebexLicense[] = ['message', 'meeting', 'call']
const GUID = /^[0-9a-f-]{36}$/

function entriesOf(form: Record<string, unknown>): EntryToken[] {
  return formTexts(form, 'entry', MAX_ENTRIES).map((value) => {
    const [firstName = '', lastName = '', email = ''] = value.split('\t')
    return {
      firstName: firstName.slice(0, 256),
      lastName: lastName.slice(0, 256),
      email: email.slice(0, 254),
    }
  })
}

/** Each address once, each an address: the list the E6 message is about. */
function listIsValid(emails: readonly string[]): boolean {
  const seen = new Set<string>()
  for (const email of emails) {
    const checked = checkEmail(email)
    if (!checked.ok || seen.has(checked.value)) return false
    seen.add(checked.value)
  }
  return emails.length > 0
}

/**
 * Users > Manage Users > Manually Add or Modify Users (E6): the list is kept in the form (hidden
 * `entry` fields), so the plus sign, Remove and Next work the same with or without the page script.
 * Next checks every address (format, repeats, people already in the org); Add Users adds them all
 * through the user service, or none.
 */
export function consoleManageUsersRoutes(deps: HttpDeps) {
  const { users } = deps.services

  function manual(c: ConsoleContext, props: Omit<ManualAddProps, 'csrfToken'>, status: 200 | 422 = 200) {
    const dialog = <ManualAddDialog csrfToken={c.get('consoleAdmin').csrfToken} {...props} />
    return renderPage(c, usersListPage(c, deps, dialog), status)
  }

  return new Hono<ConsoleEnv>()
    .use('/admin/users/manage', requireControlHubAdmin(deps))
    .use('/admin/users/manage/*', requireControlHubAdmin(deps))
    .get('/admin/users/manage', (c) => renderPage(c, usersListPage(c, deps, <ManageUsersDialog />)))
    .get('/admin/users/manage/manual', (c) =>
      manual(c, { by: c.req.query('by') === 'email' ? 'email' : 'names', entries: [] }),
    )
    .post('/admin/users/manage/manual', async (c) => {
      const form = await postedForm(c)
      const by = formText(form, 'by') === 'email' ? 'email' : 'names'
      const intent = formText(form, 'intent')
      const entries = entriesOf(form)
      const draft = {
        firstName: formText(form, 'firstName', 256).trim(),
        lastName: formText(form, 'lastName', 256).trim(),
        email: formText(form, 'email', 254).trim(),
      }
      const emails = formText(form, 'emails', 10_000)
      const removeAt = /^remove-(\d{1,2})$/.exec(intent)?.[1]
      if (removeAt !== undefined)
        return manual(c, { by, emails, draft, entries: entries.filter((_, i) => i !== Number(removeAt)) })
      if (intent === 'add') {
        const checked = checkEmail(draft.email)
        if (!checked.ok)
          return manual(
            c,
            {
              by,
              emails,
              draft,
              entries,
              entryError: 'Enter a valid email address, such as b.simon@contoso.com.',
            },
            422,
          )
        if (
          entries.some((e) => e.email.toLowerCase() === checked.value) ||
          users.findSignInUser(checked.value)
        )
          return manual(
            c,
            {
              by,
              emails,
              draft,
              entries,
              entryError: `${checked.value} is already in the list or in this organization.`,
            },
            422,
          )
        if (entries.length >= MAX_ENTRIES)
          return manual(
            c,
            {
              by,
              emails,
              draft,
              entries,
              entryError: `At most ${MAX_ENTRIES} people per run: select Next, then add the others.`,
            },
            422,
          )
        return manual(c, { by, emails, entries: [...entries, { ...draft, email: checked.value }] })
      }
      // Next: a typed but not yet added person counts as added, as in Control Hub.
      const people: EntryToken[] =
        by === 'email'
          ? emails
              .split(',')
              .map((e) => e.trim())
              .filter((e) => e.length > 0)
              .slice(0, MAX_ENTRIES + 1)
              .map((email) => ({ firstName: '', lastName: '', email }))
          : draft.email
            ? [...entries, draft]
            : entries
      const valid =
        people.length <= MAX_ENTRIES &&
        listIsValid(people.map((p) => p.email)) &&
        people.every((p) => users.findSignInUser(p.email) === null)
      if (!valid) return manual(c, { by, emails, draft, entries, formError: true }, 422)
      return renderPage(
        c,
        usersListPage(
          c,
          deps,
          <AddServicesDialog csrfToken={c.get('consoleAdmin').csrfToken} entries={people} />,
        ),
      )
    })
    .post('/admin/users/manage/add', async (c) => {
      const form = await postedForm(c)
      const entries = entriesOf(form)
      if (formText(form, 'intent') === 'back') return manual(c, { by: 'names', entries })
      const licenses = LICENSES.filter((l) => formTexts(form, 'license', 3).includes(l))
      const inputs: NewUser[] = entries.map((e) => ({
        email: e.email,
        firstName: e.firstName,
        lastName: e.lastName,
        licenses,
      }))
      const added = await users.addMany(inputs)
      if (!added.ok || inputs.length === 0) return manual(c, { by: 'names', entries, formError: true }, 422)
      const ids = added.value.map((u) => u.id).join(',')
      return redirectWithToasts(c, deps, `/admin/users/manage/done?added=${ids}`, [{ code: 'users-added' }])
    })
    .get('/admin/users/manage/done', (c) => {
      const ids = (c.req.query('added') ?? '')
        .split(',')
        .filter((id) => GUID.test(id))
        .slice(0, MAX_ENTRIES)
      const added = ids.flatMap((id) => {
        const found = users.get(id)
        return found.ok ? [{ email: found.value.userName, displayName: found.value.displayName }] : []
      })
      return renderPage(c, usersListPage(c, deps, <UsersAddedDialog added={added} />))
    })
}
