import { Hono } from 'hono'
import {
  EditPropertiesPane,
  type UserPropertiesErrors,
  type UserPropertiesValues,
} from '../../views/console/pages/users/edit-properties-pane'
import { USERS_HREF, userPropertiesHref } from '../../views/console/pages/users/user-links'
import { type UserProfile, UserProfilePage } from '../../views/console/pages/users/user-profile-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { formFields } from '../request-facts'
import { consolePage } from './console-page'
import { profileOf } from './user-profile'

/** The pane's fields as the user's saved properties. */
export function propertiesOf(user: UserProfile['user']): UserPropertiesValues {
  const at = user.userPrincipalName.lastIndexOf('@')
  return {
    upnLocal: user.userPrincipalName.slice(0, at),
    upnDomain: user.userPrincipalName.slice(at + 1),
    displayName: user.displayName,
    givenName: user.givenName ?? '',
    surname: user.surname ?? '',
    mail: user.mail ?? '',
    accountEnabled: user.accountEnabled,
  }
}

/** The pane's fields as posted; an unticked check box is not posted at all, so absent means off. */
function postedProperties(form: Record<string, string | undefined>): UserPropertiesValues {
  return {
    upnLocal: (form.upnLocal ?? '').trim().slice(0, 113),
    upnDomain: (form.upnDomain ?? '').trim().slice(0, 253),
    displayName: (form.displayName ?? '').slice(0, 256),
    givenName: (form.givenName ?? '').slice(0, 256),
    surname: (form.surname ?? '').slice(0, 256),
    mail: (form.mail ?? '').slice(0, 256),
    accountEnabled: form.accountEnabled === 'true',
  }
}

/** Which field a directory error is about, from the property it names (the rest go on top). */
function fieldOf(target: string | undefined): keyof UserPropertiesErrors {
  if (target === 'userPrincipalName') return 'upnLocal'
  return target === 'displayName' || target === 'givenName' || target === 'surname' || target === 'mail'
    ? target
    : 'form'
}

/** What to type instead, where the directory's Graph-worded message does not say it. */
const FIELD_HINTS: Partial<Record<keyof UserPropertiesErrors, string>> = {
  displayName: 'Display name is required (at most 256 characters). Type the name people see for this user.',
  givenName: 'First name can be at most 64 characters. Shorten it or leave it empty.',
  surname: 'Last name can be at most 64 characters. Shorten it or leave it empty.',
  mail: 'Email must be an email address such as b.simon@contoso.com. Correct it or leave it empty.',
}

/** The profile's Properties tab with the Edit properties pane open over it (Entra edits them there). */
export function editPropertiesPage(
  c: IdpContext,
  deps: HttpDeps,
  profile: UserProfile,
  values: UserPropertiesValues,
  errors: UserPropertiesErrors,
) {
  const page = consolePage(c, deps)
  const view = (
    <UserProfilePage
      frame={page.frame(USERS_HREF)}
      profile={profile}
      tab="properties"
      overlay={
        <EditPropertiesPane
          userId={profile.user.id}
          userPrincipalName={profile.user.userPrincipalName}
          values={values}
          errors={errors}
          domains={deps.services.directory.domains()}
          csrf={page.csrf}
        />
      }
    />
  )
  return Object.keys(errors).length > 0 ? page.invalid(view) : page.show(view)
}

/**
 * Save in a user's Edit properties pane: the same directory update Graph's PATCH /users/{id}
 * makes, so its rules (the last enabled Global Administrator stays enabled) hold here too.
 * Mounted inside the Users area, whose guard and body limit stand in front of it.
 */
export function userPropertiesRoutes(deps: HttpDeps) {
  const { directory } = deps.services
  return new Hono<IdpEnv>().post(`${USERS_HREF}/:id/properties`, async (c) => {
    const page = consolePage(c, deps)
    const profile = profileOf(deps, c.req.param('id'))
    if (!profile) {
      return page.done(USERS_HREF, {
        kind: 'error',
        title: 'User not found',
        message: 'The user does not exist any more. It may have been deleted.',
      })
    }
    const values = postedProperties(await formFields(c))
    if (values.upnLocal === '')
      return editPropertiesPage(c, deps, profile, values, {
        upnLocal: 'User principal name is required: type the name before the @, such as B.Simon.',
      })
    const saved = await directory.updateUser(
      profile.user.id,
      {
        // The directory checks the name and that the domain is one of the tenant's verified ones.
        userPrincipalName: `${values.upnLocal}@${values.upnDomain}`,
        displayName: values.displayName.trim(),
        givenName: values.givenName.trim() || null,
        surname: values.surname.trim() || null,
        mail: values.mail.trim() || null,
        accountEnabled: values.accountEnabled,
      },
      page.actor,
    )
    if (!saved.ok) {
      const field = fieldOf(saved.error.target)
      return editPropertiesPage(c, deps, profile, values, {
        [field]: FIELD_HINTS[field] ?? saved.error.message,
      })
    }
    return page.done(userPropertiesHref(profile.user.id), {
      kind: 'success',
      title: 'Successfully updated user',
      message: `The properties of ${saved.value.displayName} were saved.`,
    })
  })
}
