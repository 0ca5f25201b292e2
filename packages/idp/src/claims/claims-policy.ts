import { err, NAMEID_FORMAT, ok, type Result } from '@sandbox/shared'
import type {
  ClaimSource,
  NameIdConfig,
  NameIdFormatChoice,
  Transformation,
  UserAttribute,
  ValueSource,
} from '../state/idp-state'
import { USER_ATTRIBUTES } from '../state/idp-state'

/** A claims mapping policy reduced to what the SAML token builder needs. */
export interface ParsedClaimsPolicy {
  readonly includeBasicClaimSet: boolean
  readonly nameId: NameIdConfig | null
  readonly claims: readonly { readonly type: string; readonly source: ClaimSource }[]
}

const NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier'

interface SchemaEntry {
  Source?: unknown
  ID?: unknown
  Value?: unknown
  SamlClaimType?: unknown
  SamlNameIdFormat?: unknown
  TransformationId?: unknown
}

interface TransformationEntry {
  ID?: unknown
  TransformationMethod?: unknown
  InputClaims?: { ClaimTypeReferenceId?: unknown; TransformationClaimType?: unknown }[]
  InputParameters?: { ID?: unknown; Value?: unknown }[]
}

const FORMATS: Record<string, NameIdFormatChoice> = {
  [NAMEID_FORMAT.emailAddress]: 'emailAddress',
  [NAMEID_FORMAT.persistent]: 'persistent',
  [NAMEID_FORMAT.unspecified]: 'unspecified',
  [NAMEID_FORMAT.windowsDomainQualifiedName]: 'windowsDomainQualifiedName',
}

function userAttribute(id: unknown): UserAttribute | null {
  if (typeof id !== 'string') return null
  const name = `user.${id.toLowerCase()}`
  return (USER_ATTRIBUTES as readonly string[]).includes(name) ? (name as UserAttribute) : null
}

function valueSourceOf(entry: SchemaEntry): Result<ValueSource, string> {
  if (typeof entry.Value === 'string') return ok({ kind: 'constant', value: entry.Value })
  if (entry.Source === 'user') {
    const attribute = userAttribute(entry.ID)
    if (attribute) return ok({ kind: 'attribute', attribute })
    return err(
      `ClaimsSchema entry with ID '${String(entry.ID)}' names a user attribute the sandbox does not have.`,
    )
  }
  return err(
    `ClaimsSchema entries need "Source":"user" with an "ID", a "Value", or "Source":"transformation".`,
  )
}

function transformationSource(
  entry: SchemaEntry,
  schema: readonly SchemaEntry[],
  transformations: readonly TransformationEntry[],
): Result<ClaimSource, string> {
  const transformation = transformations.find((t) => t.ID === entry.TransformationId)
  if (!transformation)
    return err(
      `TransformationId '${String(entry.TransformationId)}' is not defined in ClaimsTransformations.`,
    )
  const inputs: ValueSource[] = []
  for (const input of transformation.InputClaims ?? []) {
    const referenced = schema.find(
      (s) => s.ID === input.ClaimTypeReferenceId && s.Source !== 'transformation',
    )
    if (!referenced)
      return err(`InputClaims reference '${String(input.ClaimTypeReferenceId)}' is not a ClaimsSchema ID.`)
    const source = valueSourceOf(referenced)
    if (!source.ok) return source
    inputs.push(source.value)
  }
  const [first, second] = inputs
  if (!first) return err(`Transformation '${String(transformation.ID)}' has no InputClaims.`)
  const method = transformation.TransformationMethod
  let step: Transformation
  if (method === 'Join') {
    const separator = transformation.InputParameters?.find((p) => p.ID === 'separator')?.Value
    const parameter = second
    if (!parameter) return err(`Join transformation '${String(transformation.ID)}' needs two InputClaims.`)
    step = { method: 'Join', separator: typeof separator === 'string' ? separator : '', parameter }
  } else if (method === 'ExtractMailPrefix' || method === 'ToLowercase' || method === 'ToUppercase') {
    step = { method }
  } else {
    return err(
      `TransformationMethod '${String(method)}' is not supported by the sandbox (Join, ExtractMailPrefix, ToLowercase, ToUppercase).`,
    )
  }
  return ok({ kind: 'transformation', input: first, transformations: [step] })
}

/**
 * Reads a Graph `claimsMappingPolicy` definition (saml-claims-customization / claims mapping
 * policy type): ClaimsSchema entries with a SamlClaimType become claims, the nameidentifier entry
 * becomes the NameID; entries without SamlClaimType (JWT only) are ignored.
 */
export function parseClaimsMappingPolicy(definition: readonly string[]): Result<ParsedClaimsPolicy, string> {
  if (definition.length !== 1 || typeof definition[0] !== 'string') {
    return err('definition must hold exactly one JSON string.')
  }
  let document: unknown
  try {
    document = JSON.parse(definition[0])
  } catch {
    return err('definition is not valid JSON.')
  }
  const policy = (document as { ClaimsMappingPolicy?: Record<string, unknown> } | null)?.ClaimsMappingPolicy
  if (!policy || typeof policy !== 'object')
    return err('definition must have a "ClaimsMappingPolicy" object.')
  if (policy.Version !== 1) return err('ClaimsMappingPolicy "Version" must be 1 (keys are case-sensitive).')
  const schema = (Array.isArray(policy.ClaimsSchema) ? policy.ClaimsSchema : []) as SchemaEntry[]
  const transformations = (
    Array.isArray(policy.ClaimsTransformations) ? policy.ClaimsTransformations : []
  ) as TransformationEntry[]
  let nameId: NameIdConfig | null = null
  const claims: { type: string; source: ClaimSource }[] = []
  for (const entry of schema) {
    if (typeof entry.SamlClaimType !== 'string' || entry.SamlClaimType.length === 0) continue
    const source =
      entry.Source === 'transformation'
        ? transformationSource(entry, schema, transformations)
        : valueSourceOf(entry)
    if (!source.ok) return source
    if (entry.SamlClaimType === NAME_IDENTIFIER) {
      const format =
        typeof entry.SamlNameIdFormat === 'string'
          ? (FORMATS[entry.SamlNameIdFormat] ?? 'default')
          : 'default'
      nameId = { source: source.value, format }
    } else {
      claims.push({ type: entry.SamlClaimType, source: source.value })
    }
  }
  const basic = policy.IncludeBasicClaimSet
  return ok({ includeBasicClaimSet: basic === true || basic === 'true', nameId, claims })
}
