import { AllGroupsPage } from '../../views/console/pages/groups/all-groups-page'
import { GROUPS_HREF, groupHref, NEW_GROUP_HREF } from '../../views/console/pages/groups/group-links'
import { AddMembersPane, GroupPage } from '../../views/console/pages/groups/group-page'
import { MEMBER_FIELD, NewGroupPage } from '../../views/console/pages/groups/new-group-page'
import type { HttpDeps, IdpContext } from '../env'
import { formFields } from '../request-facts'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { listQueryOf } from './list-query'

/** The object ids of the ticked `member:<id>` boxes of a form. */
function tickedMembers(form: Record<string, string | undefined>): string[] {
  return Object.entries(form)
    .filter(([name, value]) => name.startsWith(MEMBER_FIELD) && value === 'true')
    .map(([name]) => name.slice(MEMBER_FIELD.length))
    .slice(0, 200)
}

/** Identity > Groups: All groups, New group (Security, name, members), a group and its members. */
export function groupsRoutes(deps: HttpDeps) {
  const { groups } = deps.services

  function missing(c: IdpContext) {
    return consolePage(c, deps).done(GROUPS_HREF, {
      kind: 'error',
      title: 'Group not found',
      message: 'The group does not exist any more. It may have been deleted.',
    })
  }

  async function addAll(c: IdpContext, groupId: string, memberIds: readonly string[]) {
    const by = consolePage(c, deps).actor
    const failed: string[] = []
    for (const memberId of memberIds) {
      const added = await groups.addMember(groupId, memberId, by)
      if (!added.ok) failed.push(added.error.message)
    }
    return failed
  }

  return consoleArea(deps, GROUPS_HREF)
    .get(GROUPS_HREF, (c) => {
      const page = consolePage(c, deps)
      const query = listQueryOf(c)
      return page.show(
        <AllGroupsPage
          frame={page.frame(GROUPS_HREF)}
          search={query.search}
          list={groups.findGroups(query)}
        />,
      )
    })
    .get(NEW_GROUP_HREF, (c) => {
      const page = consolePage(c, deps)
      return page.show(
        <NewGroupPage
          frame={page.frame(GROUPS_HREF)}
          csrf={page.csrf}
          values={{ displayName: '', description: '', memberIds: [] }}
          errors={{}}
          candidates={groups.memberCandidates(null)}
        />,
      )
    })
    .post(NEW_GROUP_HREF, async (c) => {
      const page = consolePage(c, deps)
      const form = await formFields(c)
      const values = {
        displayName: (form.displayName ?? '').trim().slice(0, 256),
        description: (form.description ?? '').trim().slice(0, 1024),
        memberIds: tickedMembers(form),
      }
      const again = (errors: { displayName?: string; form?: string }) =>
        page.invalid(
          <NewGroupPage
            frame={page.frame(GROUPS_HREF)}
            csrf={page.csrf}
            values={values}
            errors={errors}
            candidates={groups.memberCandidates(null)}
          />,
        )
      if (values.displayName === '') return again({ displayName: 'Group name is required.' })
      const made = await groups.createGroup(
        { displayName: values.displayName, description: values.description || null, securityEnabled: true },
        page.actor,
      )
      if (!made.ok)
        return again(
          made.error.target === 'displayName'
            ? { displayName: made.error.message }
            : { form: made.error.message },
        )
      const failed = await addAll(c, made.value.id, values.memberIds)
      return page.done(groupHref(made.value.id), {
        kind: failed.length === 0 ? 'success' : 'error',
        title: failed.length === 0 ? 'Successfully created group' : 'Group created, some members not added',
        message:
          failed.length === 0
            ? `${made.value.displayName} was created with ${values.memberIds.length} member${values.memberIds.length === 1 ? '' : 's'}.`
            : failed.join(' '),
      })
    })
    .get(`${GROUPS_HREF}/:id`, (c) => {
      const group = groups.getGroup(c.req.param('id'))
      const members = groups.listMembers(c.req.param('id'))
      if (!group.ok || !members.ok) return missing(c)
      const page = consolePage(c, deps)
      const overlay =
        c.req.query('pane') === 'add-members' ? (
          <AddMembersPane
            groupId={group.value.id}
            csrf={page.csrf}
            candidates={groups.memberCandidates(group.value.id)}
          />
        ) : undefined
      return page.show(
        <GroupPage
          frame={page.frame(GROUPS_HREF)}
          csrf={page.csrf}
          group={group.value}
          members={members.value}
          overlay={overlay}
        />,
      )
    })
    .post(`${GROUPS_HREF}/:id/members`, async (c) => {
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return missing(c)
      const ids = tickedMembers(await formFields(c))
      const failed = await addAll(c, group.value.id, ids)
      return consolePage(c, deps).done(groupHref(group.value.id), {
        kind: failed.length === 0 ? 'success' : 'error',
        title: failed.length === 0 ? 'Successfully added members' : 'Could not add some members',
        message:
          failed.length === 0
            ? `${ids.length} member${ids.length === 1 ? '' : 's'} added to ${group.value.displayName}.`
            : failed.join(' '),
      })
    })
    .post(`${GROUPS_HREF}/:id/members/remove`, async (c) => {
      const page = consolePage(c, deps)
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return missing(c)
      const memberId = (await formFields(c)).memberId ?? ''
      const removed = await groups.removeMember(group.value.id, memberId, page.actor)
      return page.done(groupHref(group.value.id), {
        kind: removed.ok ? 'success' : 'error',
        title: removed.ok ? 'Successfully removed member' : 'Could not remove member',
        message: removed.ok
          ? `The member was removed from ${group.value.displayName}.`
          : removed.error.message,
      })
    })
}
