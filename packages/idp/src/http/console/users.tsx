import { AllUsersPage } from '../../views/console/pages/users/all-users-page'
import {
  type NewUserErrors,
  NewUserPage,
  type NewUserTab,
  type NewUserValues,
} from '../../views/console/pages/users/new-user-page'
import { NEW_USER_HREF, USERS_HREF, userHref } from '../../views/console/pages/users/user-links'
import {
  DeleteUserDialog,
  ResetPasswordPane,
  UserProfilePage,
} from '../../views/console/pages/users/user-profile-page'
import type { HttpDeps, IdpContext } from '../env'
import { formFields } from '../request-facts'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { listQueryOf } from './list-query'
import { profileOf as profileOfUser } from './user-profile'
import { editPropertiesPage, propertiesOf, userPropertiesRoutes } from './user-properties'

const TABS = new Set<NewUserTab>(['basics', 'properties', 'review'])

function valuesOf(form: Record<string, string | undefined>, domains: readonly string[]): NewUserValues {
  const domain = form.upnDomain ?? ''
  return {
    upnLocal: (form.upnLocal ?? '').trim().slice(0, 113),
    upnDomain: domains.includes(domain) ? domain : (domains[0] ?? ''),
    displayName: (form.displayName ?? '').slice(0, 256),
    password: (form.password ?? '').slice(0, 256),
    autoGenerate: form.autoGenerate === 'true',
    accountEnabled: form.accountEnabled === 'true',
    givenName: (form.givenName ?? '').slice(0, 64),
    surname: (form.surname ?? '').slice(0, 64),
  }
}

/** The Basics tab's own checks, so Review + create never shows a form that cannot be created. */
function basicsErrors(values: NewUserValues): NewUserErrors {
  return {
    ...(values.upnLocal === '' ? { upnLocal: 'User principal name is required.' } : {}),
    ...(values.displayName.trim() === '' ? { displayName: 'Display name is required.' } : {}),
    ...(values.password === ''
      ? { password: 'Password is required. Tick Auto-generate password for one.' }
      : {}),
  }
}

/** Identity > Users: All users, Create new user, and a user's profile (Edit properties, Reset password, Delete). */
export function usersRoutes(deps: HttpDeps) {
  const { directory } = deps.services
  const profileOf = (id: string) => profileOfUser(deps, id)

  function notFound(c: IdpContext) {
    const page = consolePage(c, deps)
    return page.done(USERS_HREF, {
      kind: 'error',
      title: 'User not found',
      message: 'The user does not exist any more. It may have been deleted.',
    })
  }

  function newUserForm(
    c: IdpContext,
    values: NewUserValues,
    tab: NewUserTab,
    errors: NewUserErrors,
    status: 'show' | 'invalid',
  ) {
    const page = consolePage(c, deps)
    const view = (
      <NewUserPage
        frame={page.frame(USERS_HREF)}
        csrf={page.csrf}
        values={values}
        tab={tab}
        errors={errors}
        domains={directory.domains()}
      />
    )
    return status === 'show' ? page.show(view) : page.invalid(view)
  }

  return consoleArea(deps, USERS_HREF)
    .route('/', userPropertiesRoutes(deps))
    .get(USERS_HREF, (c) => {
      const page = consolePage(c, deps)
      const query = listQueryOf(c)
      return page.show(
        <AllUsersPage
          frame={page.frame(USERS_HREF)}
          search={query.search}
          list={directory.findUsers(query)}
        />,
      )
    })
    .get(NEW_USER_HREF, (c) => {
      const values: NewUserValues = {
        upnLocal: '',
        upnDomain: directory.domains()[0] ?? '',
        displayName: '',
        password: directory.suggestPassword(),
        autoGenerate: true,
        accountEnabled: true,
        givenName: '',
        surname: '',
      }
      return newUserForm(c, values, 'basics', {}, 'show')
    })
    .post(NEW_USER_HREF, async (c) => {
      const form = await formFields(c)
      const values = valuesOf(form, directory.domains())
      const withPassword =
        values.password === '' && values.autoGenerate
          ? { ...values, password: directory.suggestPassword() }
          : values
      const asked = TABS.has(form.tab as NewUserTab) ? (form.tab as NewUserTab) : 'basics'
      const errors = basicsErrors(withPassword)
      const invalid = Object.keys(errors).length > 0
      if (form.create !== 'yes') {
        if (asked === 'review' && invalid) return newUserForm(c, withPassword, 'basics', errors, 'invalid')
        return newUserForm(c, withPassword, asked, {}, 'show')
      }
      if (invalid) return newUserForm(c, withPassword, 'basics', errors, 'invalid')
      const made = await directory.createUser(
        {
          userPrincipalName: `${withPassword.upnLocal}@${withPassword.upnDomain}`,
          displayName: withPassword.displayName.trim(),
          password: withPassword.password,
          accountEnabled: withPassword.accountEnabled,
          givenName: withPassword.givenName.trim() || null,
          surname: withPassword.surname.trim() || null,
        },
        consolePage(c, deps).actor,
      )
      if (!made.ok) {
        const field: keyof NewUserErrors =
          made.error.target === 'userPrincipalName'
            ? 'upnLocal'
            : made.error.target === 'passwordProfile'
              ? 'password'
              : made.error.target === 'displayName'
                ? 'displayName'
                : 'form'
        const message =
          made.error.code === 'CONFLICT'
            ? `Another object with the same value for property userPrincipalName already exists: ${withPassword.upnLocal}@${withPassword.upnDomain}.`
            : made.error.message
        return newUserForm(c, withPassword, 'basics', { [field]: message }, 'invalid')
      }
      return consolePage(c, deps).done(userHref(made.value.user.id), {
        kind: 'success',
        title: 'Successfully created user',
        message: `${made.value.user.displayName} was created.`,
      })
    })
    .get(`${USERS_HREF}/:id`, (c) => {
      const profile = profileOf(c.req.param('id'))
      if (!profile) return notFound(c)
      const page = consolePage(c, deps)
      const pane = c.req.query('pane')
      if (pane === 'edit-properties')
        return editPropertiesPage(c, deps, profile, propertiesOf(profile.user), {})
      const overlay =
        pane === 'reset-password' ? (
          <ResetPasswordPane
            userId={profile.user.id}
            userPrincipalName={profile.user.userPrincipalName}
            csrf={page.csrf}
            temporaryPassword={null}
          />
        ) : pane === 'delete' ? (
          <DeleteUserDialog
            userId={profile.user.id}
            displayName={profile.user.displayName}
            csrf={page.csrf}
          />
        ) : undefined
      return page.show(
        <UserProfilePage
          frame={page.frame(USERS_HREF)}
          profile={profile}
          tab={c.req.query('tab') === 'properties' ? 'properties' : 'overview'}
          overlay={overlay}
        />,
      )
    })
    .post(`${USERS_HREF}/:id/reset-password`, async (c) => {
      const reset = await directory.resetPassword(c.req.param('id'), consolePage(c, deps).actor)
      const profile = profileOf(c.req.param('id'))
      if (!reset.ok || !profile) return notFound(c)
      const page = consolePage(c, deps)
      // The temporary password is shown once, in the answer to this POST: never in a cookie or a URL.
      return page.show(
        <UserProfilePage
          frame={{
            ...page.frame(USERS_HREF),
            toasts: [
              {
                kind: 'success',
                title: 'Password reset',
                message: `A temporary password was set for ${profile.user.displayName}.`,
              },
            ],
          }}
          profile={profile}
          overlay={
            <ResetPasswordPane
              userId={profile.user.id}
              userPrincipalName={profile.user.userPrincipalName}
              csrf={page.csrf}
              temporaryPassword={reset.value}
            />
          }
        />,
      )
    })
    .post(`${USERS_HREF}/:id/delete`, async (c) => {
      const page = consolePage(c, deps)
      const profile = profileOf(c.req.param('id'))
      if (!profile) return notFound(c)
      const deleted = await directory.deleteUser(profile.user.id, page.actor)
      if (!deleted.ok)
        return page.done(userHref(profile.user.id), {
          kind: 'error',
          title: 'Could not delete user',
          message: deleted.error.message,
        })
      return page.done(USERS_HREF, {
        kind: 'success',
        title: 'Successfully deleted user',
        message: `${profile.user.displayName} was deleted.`,
      })
    })
}
