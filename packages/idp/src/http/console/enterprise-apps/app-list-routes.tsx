import { Hono } from 'hono'
import { APP_LIST_PAGE, findApps, readAppListQuery } from '../../../enterprise-apps/app-list'
import { CUSTOM_TEMPLATE_ID } from '../../../enterprise-apps/gallery'
import { AllAppsPage } from '../../../views/console/pages/enterprise-apps/all-apps-page'
import {
  appHrefs,
  ENTERPRISE_APPS_HREF,
  GALLERY_HREF,
} from '../../../views/console/pages/enterprise-apps/app-hrefs'
import {
  AddGalleryAppPane,
  CreateOwnAppPane,
  GalleryPage,
} from '../../../views/console/pages/enterprise-apps/gallery-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'

function galleryTemplates(deps: HttpDeps, search: string) {
  const needle = search.trim().toLowerCase()
  return deps.services.apps
    .listTemplates()
    .filter(
      (t) => t.id !== CUSTOM_TEMPLATE_ID && (needle === '' || t.displayName.toLowerCase().includes(needle)),
    )
}

function renderGallery(
  c: IdpContext,
  deps: HttpDeps,
  pane:
    | { kind: 'add'; templateId: string; name?: string; error?: string }
    | { kind: 'own'; name?: string; error?: string }
    | null,
) {
  const page = consolePage(c, deps)
  const search = (c.req.query('search') ?? '').slice(0, 256)
  const closeHref = search === '' ? GALLERY_HREF : `${GALLERY_HREF}?search=${encodeURIComponent(search)}`
  let overlay = null
  if (pane?.kind === 'add') {
    const template = deps.services.apps.getTemplate(pane.templateId)
    if (template.ok)
      overlay = (
        <AddGalleryAppPane
          template={template.value}
          name={pane.name ?? template.value.displayName}
          csrf={page.csrf}
          closeHref={closeHref}
          error={pane.error}
        />
      )
  } else if (pane?.kind === 'own') {
    overlay = (
      <CreateOwnAppPane csrf={page.csrf} closeHref={closeHref} name={pane.name ?? ''} error={pane.error} />
    )
  }
  const view = (
    <GalleryPage
      frame={page.frame(ENTERPRISE_APPS_HREF)}
      search={search}
      templates={galleryTemplates(deps, search)}
      overlay={overlay}
    />
  )
  return pane?.error ? page.invalid(view) : page.show(view)
}

/** Enterprise applications > All applications, and New application (the gallery, Create your own application). */
export function appListRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get(ENTERPRISE_APPS_HREF, (c) => {
      const page = consolePage(c, deps)
      const query = readAppListQuery({
        search: c.req.query('search'),
        assignmentRequired: c.req.query('assignmentRequired'),
        shown: c.req.query('shown'),
      })
      const found = findApps(deps.services.apps.listApps(), query)
      const more = new URLSearchParams({
        search: query.search,
        assignmentRequired: query.assignmentRequired,
        shown: String(query.shown + APP_LIST_PAGE),
      })
      return page.show(
        <AllAppsPage
          frame={page.frame(ENTERPRISE_APPS_HREF)}
          query={query}
          rows={found.rows}
          total={found.total}
          moreHref={found.more ? `${ENTERPRISE_APPS_HREF}?${more}` : null}
        />,
      )
    })
    .get(GALLERY_HREF, (c) => {
      const pane = c.req.query('pane')
      if (pane === 'add')
        return renderGallery(c, deps, { kind: 'add', templateId: c.req.query('template') ?? '' })
      if (pane === 'create-own') return renderGallery(c, deps, { kind: 'own' })
      return renderGallery(c, deps, null)
    })
    .post(`${GALLERY_HREF}/add`, async (c) => {
      const form = await formFields(c)
      const templateId = form.template ?? ''
      const name = (form.name ?? '').trim()
      const made = await deps.services.apps.instantiate(templateId, name, consolePage(c, deps).actor)
      if (!made.ok)
        return renderGallery(c, deps, { kind: 'add', templateId, name, error: made.error.message })
      return consolePage(c, deps).done(appHrefs(made.value.servicePrincipal.id).overview, {
        kind: 'success',
        title: 'Application added',
        message: `Successfully added application ${made.value.servicePrincipal.displayName}.`,
      })
    })
    .post(`${GALLERY_HREF}/own`, async (c) => {
      const form = await formFields(c)
      const name = (form.name ?? '').trim()
      if (form.kind !== 'non-gallery')
        return renderGallery(c, deps, {
          kind: 'own',
          name,
          error:
            'Only "Integrate any other application you don\'t find in the gallery (Non-gallery)" is available in the sandbox.',
        })
      const made = await deps.services.apps.instantiate(CUSTOM_TEMPLATE_ID, name, consolePage(c, deps).actor)
      if (!made.ok) return renderGallery(c, deps, { kind: 'own', name, error: made.error.message })
      return consolePage(c, deps).done(appHrefs(made.value.servicePrincipal.id).overview, {
        kind: 'success',
        title: 'Application added',
        message: `Successfully added application ${made.value.servicePrincipal.displayName}.`,
      })
    })
}
