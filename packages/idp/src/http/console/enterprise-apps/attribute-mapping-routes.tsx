import { Hono } from 'hono'
import { z } from 'zod'
import { mappingRow } from '../../../admin/provisioning-bodies'
import { describeProvisioningError } from '../../../errors/provisioning-error'
import type { MappingInput } from '../../../provisioning/mapping-rules'
import { attributeMappingSchema } from '../../../provisioning/templates'
import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import {
  AttributeMappingPage,
  type MappingPaneValues,
} from '../../../views/console/pages/enterprise-apps/attribute-mapping-page'
import type { HttpDeps, IdpContext, IdpEnv } from '../../env'
import { formFields } from '../../request-facts'
import { consolePage } from '../console-page'
import { appNotFound, appOf } from './app-context'

const KINDS = { users: 'Provision Microsoft Entra ID Users', groups: 'Provision Microsoft Entra ID Groups' }
type Kind = keyof typeof KINDS
const draftSchema = z.array(mappingRow).max(64)

/** A stored or drafted row in the one shape the page and the service take. */
const asInput = (row: MappingInput): MappingInput => ({
  targetAttributeName: row.targetAttributeName,
  source: row.source,
  matchingPriority: row.matchingPriority ?? 0,
  flowType: row.flowType ?? 'Always',
})

function readDraft(text: string | undefined): MappingInput[] | null {
  try {
    const parsed = draftSchema.safeParse(JSON.parse(text ?? ''))
    return parsed.success ? parsed.data.map(asInput) : null
  } catch {
    return null
  }
}

/** The pane's values for a row (or for a new one: the first target attribute not mapped yet). */
function paneFor(
  rows: readonly MappingInput[],
  row: number | 'new',
  targets: readonly string[],
  sources: readonly string[],
): MappingPaneValues {
  const found = row === 'new' ? undefined : rows[row]
  const source = found?.source ?? { type: 'Attribute' as const, name: sources[0] ?? '' }
  return {
    row,
    mappingType:
      source.type === 'Attribute' ? 'Direct' : source.type === 'Constant' ? 'Constant' : 'Expression',
    sourceAttribute: source.type === 'Attribute' ? source.name : (sources[0] ?? ''),
    constantValue: source.type === 'Constant' ? source.value : '',
    expression: source.type === 'Function' ? source.expression : '',
    targetAttribute:
      found?.targetAttributeName ?? targets.find((t) => !rows.some((r) => r.targetAttributeName === t)) ?? '',
    matching: (found?.matchingPriority ?? 0) > 0,
    matchingPriority: found?.matchingPriority ?? 0,
    flowType: found?.flowType === 'ObjectAddOnly' ? 'ObjectAddOnly' : 'Always',
  }
}

/** The row the pane's fields describe (the service checks it against the schema on Save). */
function rowFromPane(f: Record<string, string | undefined>): MappingInput {
  const text = (name: string) => (f[name] ?? '').trim().slice(0, 1024)
  const type = f.mappingType
  const priority = Number.parseInt(f.matchingPriority ?? '', 10)
  return {
    targetAttributeName: text('targetAttribute'),
    source:
      type === 'Constant'
        ? { type: 'Constant', value: text('constantValue') }
        : type === 'Expression'
          ? { type: 'Function', expression: text('expression') }
          : { type: 'Attribute', name: text('sourceAttribute') },
    matchingPriority: f.matching === 'Yes' ? (Number.isInteger(priority) && priority > 0 ? priority : 1) : 0,
    flowType: f.flowType === 'ObjectAddOnly' ? 'ObjectAddOnly' : 'Always',
  }
}

/**
 * Provisioning > Mappings > Attribute Mapping for users and for groups. The unsaved table rides
 * in each form as `draft` (checked in shape on every request); Save asks first, then hands the
 * whole table to the provisioning service, which validates it as Graph's schema PUT does.
 */
export function attributeMappingRoutes(deps: HttpDeps) {
  const { provisioning } = deps.services
  const PATH = `${ENTERPRISE_APPS_HREF}/:id/provisioning/mappings/:kind`

  function context(c: IdpContext) {
    const kind = c.req.param('kind') as string
    const found = appOf(c, deps)
    const page = found ? provisioning.page(found.ref.servicePrincipalId) : null
    const job = page?.ok ? page.value.job : null
    if (!found || !job || !(kind in KINDS)) return null
    const schema = attributeMappingSchema(job.templateId, kind as Kind)
    if (!schema) return null
    const saved = job.mappings[kind as Kind]
    return {
      found,
      kind: kind as Kind,
      schema,
      saved: { enabled: saved.enabled, rows: saved.attributeMappings.map((r) => asInput(r as MappingInput)) },
    }
  }

  function render(
    c: IdpContext,
    ctx: NonNullable<ReturnType<typeof context>>,
    state: {
      rows: MappingInput[]
      enabled: boolean
      pane?: MappingPaneValues | null
      confirmSave?: boolean
      banner?: { tone: 'success' | 'error'; message: string }
    },
  ) {
    const screen = consolePage(c, deps)
    const draft = JSON.stringify(state.rows)
    return (
      <AttributeMappingPage
        frame={screen.frame(ENTERPRISE_APPS_HREF)}
        app={ctx.found.ref}
        kind={ctx.kind}
        title={KINDS[ctx.kind]}
        targetSystem={ctx.schema.targetSystem}
        rows={state.rows}
        enabled={state.enabled}
        unsaved={draft !== JSON.stringify(ctx.saved.rows) || state.enabled !== ctx.saved.enabled}
        targets={ctx.schema.targets}
        sources={ctx.schema.sources}
        csrf={screen.csrf}
        draft={draft}
        pane={state.pane ?? null}
        confirmSave={state.confirmSave === true}
        banner={state.banner}
      />
    )
  }

  return new Hono<IdpEnv>()
    .get(PATH, (c) => {
      const ctx = context(c)
      if (!ctx) return appNotFound(c)
      return consolePage(c, deps).show(render(c, ctx, { rows: ctx.saved.rows, enabled: ctx.saved.enabled }))
    })
    .post(PATH, async (c) => {
      const ctx = context(c)
      if (!ctx) return appNotFound(c)
      const screen = consolePage(c, deps)
      const f = await formFields(c)
      const rows = readDraft(f.draft)
      const enabled = f.enabled !== 'No'
      if (!rows)
        return screen.invalid(
          render(c, ctx, {
            ...ctx.saved,
            banner: {
              tone: 'error',
              message:
                'The unsaved table could not be read, so the saved mappings are shown again. Make the change once more.',
            },
          }),
        )
      const [op = '', index = ''] = (f.op ?? '').split(':')
      const at = Number.parseInt(index, 10)
      const known = Number.isInteger(at) && at >= 0 && at < rows.length
      const { targets, sources } = ctx.schema
      if (op === 'edit' && known)
        return screen.show(render(c, ctx, { rows, enabled, pane: paneFor(rows, at, targets, sources) }))
      if (op === 'add')
        return screen.show(render(c, ctx, { rows, enabled, pane: paneFor(rows, 'new', targets, sources) }))
      if (op === 'delete' && known)
        return screen.show(render(c, ctx, { rows: rows.filter((_, i) => i !== at), enabled }))
      if (op === 'restore')
        return screen.show(
          render(c, ctx, {
            rows: ctx.schema.defaults.attributeMappings.map((r) => asInput(r as MappingInput)),
            enabled: true,
          }),
        )
      if (op === 'apply') {
        const row = rowFromPane(f)
        const target = f.row === 'new' ? rows.length : Number.parseInt(f.row ?? '', 10)
        if (!Number.isInteger(target) || target < 0 || target > rows.length)
          return screen.show(render(c, ctx, { rows, enabled }))
        const next = [...rows.slice(0, target), row, ...rows.slice(target + 1)]
        return screen.show(render(c, ctx, { rows: next, enabled }))
      }
      if (op === 'save') return screen.show(render(c, ctx, { rows, enabled, confirmSave: true }))
      if (op === 'confirm-save') {
        const saved = await provisioning.updateMappings(ctx.found.ref.servicePrincipalId, undefined, {
          [ctx.kind]: { enabled, attributeMappings: rows },
        })
        if (!saved.ok)
          return screen.invalid(
            render(c, ctx, {
              rows,
              enabled,
              banner: { tone: 'error', message: describeProvisioningError(saved.error) },
            }),
          )
        return screen.done(ctx.found.ref.hrefs.attributeMapping(ctx.kind), {
          kind: 'success',
          title: 'Attribute mappings saved',
          message: `${KINDS[ctx.kind]}: saved. The next cycle is an initial cycle that applies the new mappings.`,
        })
      }
      return screen.show(render(c, ctx, { rows, enabled }))
    })
}
