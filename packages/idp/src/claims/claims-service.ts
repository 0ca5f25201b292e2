// claims/: what a token says about the user: the NameID, the claims and their transformations, claims mapping policies.
import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { z } from 'zod'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import { updateFound } from '../state/found'
import {
  type Claim,
  claimSourceSchema,
  type EnterpriseApp,
  type IdpState,
  NAME_ID_FORMATS,
  nameIdSchema,
} from '../state/idp-state'
import { ALWAYS_EMITTED_CLAIMS, claimType, NAME_IDENTIFIER_CLAIM } from './effective-claims'

/** A claim as the editor's "Manage claim" form submits it. */
export const claimInputSchema = z.object({
  name: z.string(),
  namespace: z.string().nullable().optional(),
  source: claimSourceSchema,
})
export type ClaimInput = z.infer<typeof claimInputSchema>

/** The "Unique User Identifier (Name ID)" form. */
export const nameIdInputSchema = nameIdSchema

/** Explains a schema failure in one line: which field, what was expected. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid value'
}

function checkClaim(
  app: EnterpriseApp,
  raw: ClaimInput,
  replacing: string | null,
): Result<Omit<Claim, 'id'>, AdminError> {
  const parsed = claimInputSchema.safeParse(raw)
  if (!parsed.success) {
    return invalid(
      `The claim is not valid (${describeIssue(parsed.error)}); a transformation source takes one or two steps.`,
      'source',
    )
  }
  const input = parsed.data
  const name = input.name.trim()
  const namespace = input.namespace?.trim() || null
  if (name.length === 0 || name.length > 256 || /\s/.test(name)) {
    return invalid('The claim name is required, without spaces, and at most 256 characters.', 'name')
  }
  if (namespace !== null && (/\s/.test(namespace) || namespace.length > 256)) {
    return invalid('The namespace must be a URI without spaces (at most 256 characters).', 'namespace')
  }
  if (
    input.source.kind === 'constant' &&
    (input.source.value.length === 0 || input.source.value.length > 1024)
  ) {
    return invalid('A constant source value must have 1 to 1024 characters.', 'source')
  }
  const type = claimType({ name, namespace })
  if ((ALWAYS_EMITTED_CLAIMS as readonly string[]).includes(type) || type === NAME_IDENTIFIER_CLAIM) {
    return invalid(
      `The claim '${type}' is restricted: Entra emits it itself and it cannot be added or changed.`,
      'name',
    )
  }
  if (app.saml.claims.some((c) => c.id !== replacing && claimType(c) === type)) {
    return invalid(`A claim named '${type}' already exists; edit that one instead.`, 'name')
  }
  return ok({ name, namespace, source: input.source })
}

/** Attributes & Claims: the Unique User Identifier and the additional claims of an app. */
export function createClaimsService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps

  function withApp<R>(id: string, change: (app: EnterpriseApp) => Result<R, AdminError>) {
    return updateFound(store, appByServicePrincipalId, id, change)
  }

  return {
    setNameId(servicePrincipalId: string, input: z.infer<typeof nameIdInputSchema>) {
      return withApp(servicePrincipalId, (app) => {
        const parsed = nameIdInputSchema.safeParse(input)
        if (!parsed.success) {
          return invalid(
            `The name identifier is not valid (${describeIssue(parsed.error)}); formats: ${NAME_ID_FORMATS.join(', ')}.`,
            'nameId',
          )
        }
        app.saml.nameId = parsed.data
        return ok(app.saml.nameId)
      })
    },

    addClaim(servicePrincipalId: string, input: ClaimInput): Promise<Result<Claim, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        const checked = checkClaim(app, input, null)
        if (!checked.ok) return checked
        const claim: Claim = { id: runtime.ids.guid(), ...structuredClone(checked.value) }
        app.saml.claims.push(claim)
        return ok(claim)
      })
    },

    updateClaim(
      servicePrincipalId: string,
      claimId: string,
      input: ClaimInput,
    ): Promise<Result<Claim, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        const index = app.saml.claims.findIndex((c) => c.id === claimId)
        if (index < 0) return notFound(claimId)
        const checked = checkClaim(app, input, claimId)
        if (!checked.ok) return checked
        const claim: Claim = { id: claimId, ...structuredClone(checked.value) }
        app.saml.claims[index] = claim
        return ok(claim)
      })
    },

    deleteClaim(servicePrincipalId: string, claimId: string): Promise<Result<void, AdminError>> {
      return withApp(servicePrincipalId, (app) => {
        if (!app.saml.claims.some((c) => c.id === claimId)) return notFound(claimId)
        app.saml.claims = app.saml.claims.filter((c) => c.id !== claimId)
        return ok(undefined)
      })
    },
  }
}
