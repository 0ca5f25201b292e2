import { Hono } from 'hono'
import type { Child } from 'hono/jsx'
import { describeError } from '../../errors/catalogue'
import type { DirectoryError } from '../../users/user-rules'
import {
  type ProfileDraft,
  UserDetailPage,
  type UserDetailProps,
  UsersPage,
} from '../../views/console/pages/users-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import {
  consoleChrome,
  formText,
  listPaging,
  postedForm,
  redirectWithToasts,
  renderPage,
} from './console-page'

/** Rows per page of the Users list. */
export const USERS_PAGE_SIZE = 50

/** The Users page for the request's search and page, with an optional dialog open on top. */
export function usersListPage(c: ConsoleContext, deps: HttpDeps, modal?: Child) {
  const paging = listPaging(c, '/admin/users', USERS_PAGE_SIZE)
  const page = deps.services.users.list({
    search: paging.query,
    offset: paging.offset,
    limit: USERS_PAGE_SIZE,
  })
  return (
    <UsersPage
      chrome={consoleChrome(c, deps, 'users')}
      users={page.items}
      query={paging.query}
      pager={paging.pager(page)}
      {...(modal ? { modal } : {})}
    />
  )
}

/** A refused profile change, said with its fix, on the email field when the email was the problem. */
function profileError(error: DirectoryError): NonNullable<UserDetailProps['error']> {
  const { message, fix } = describeError(error)
  const onEmail = error.code === 'USER_EXISTS' || (error.code === 'USER_INVALID' && error.field === 'email')
  return { message: `${message} ${fix}`, field: onEmail ? 'email' : null }
}

/** Control Hub > Users: the list, search and paging, and one user's page (edit the email and names, deactivate, delete). */
export function consoleUsersRoutes(deps: HttpDeps) {
  const { users } = deps.services

  function detail(c: ConsoleContext, id: string, extra: Omit<UserDetailProps, 'chrome' | 'user'> = {}) {
    const found = users.get(id)
    if (!found.ok) return null
    return <UserDetailPage chrome={consoleChrome(c, deps, 'users')} user={found.value} {...extra} />
  }

  const notFound = (c: ConsoleContext) => renderPage(c, usersListPage(c, deps), 404)

  return new Hono<ConsoleEnv>()
    .use('/admin/users', requireControlHubAdmin(deps))
    .use('/admin/users/*', requireControlHubAdmin(deps))
    .get('/admin/users', (c) => renderPage(c, usersListPage(c, deps)))
    .get('/admin/users/:id{[0-9a-f-]{36}}', (c) => {
      const page = detail(c, c.req.param('id'), { confirmDelete: c.req.query('confirm') === 'delete' })
      return page ? renderPage(c, page) : notFound(c)
    })
    .post('/admin/users/:id{[0-9a-f-]{36}}', async (c) => {
      const id = c.req.param('id')
      const form = await postedForm(c)
      const current = users.get(id)
      if (!current.ok) return notFound(c)
      // A form without the email field (a page from before it had one) leaves the email as it is.
      const draft: ProfileDraft = {
        email: form.email === undefined ? current.value.userName : formText(form, 'email', 300),
        firstName: formText(form, 'firstName', 300),
        lastName: formText(form, 'lastName', 300),
        displayName: formText(form, 'displayName', 300),
      }
      const changed = await users.modify(id, draft)
      if (changed.ok) return redirectWithToasts(c, deps, `/admin/users/${id}`, [{ code: 'user-saved' }])
      const page = detail(c, id, { draft, error: profileError(changed.error) })
      return page ? renderPage(c, page, 422) : notFound(c)
    })
    .post('/admin/users/:id{[0-9a-f-]{36}}/:action{deactivate|activate|delete}', async (c) => {
      const id = c.req.param('id')
      const action = c.req.param('action')
      if (action === 'delete') {
        const removed = await users.remove(id)
        return removed.ok
          ? redirectWithToasts(c, deps, '/admin/users', [{ code: 'user-deleted' }])
          : notFound(c)
      }
      const done = action === 'activate' ? await users.activate(id) : await users.deactivate(id)
      if (!done.ok) return notFound(c)
      return redirectWithToasts(c, deps, `/admin/users/${id}`, [
        { code: action === 'activate' ? 'user-activated' : 'user-deactivated' },
      ])
    })
}
