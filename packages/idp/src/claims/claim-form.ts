import { USER_ATTRIBUTES } from '../state/idp-state'
import type { ClaimInput } from './claims-service'

/** The Manage claim pane's fields, as posted (every value a string). */
export interface ClaimFormFields {
  readonly name?: string | undefined
  readonly namespace?: string | undefined
  readonly sourceKind?: string | undefined
  readonly attribute?: string | undefined
  readonly constant?: string | undefined
  readonly transformation?: string | undefined
  readonly separator?: string | undefined
  readonly parameter?: string | undefined
}

/** The attributes the Source attribute list offers. */
export const SOURCE_ATTRIBUTES: readonly string[] = USER_ATTRIBUTES

/** The transformations the pane offers (the ones the token builder implements). */
export const TRANSFORMATIONS = ['ToLowercase', 'ToUppercase', 'ExtractMailPrefix', 'Join'] as const

/**
 * The claim the pane describes, for the claims service to check: an attribute, a constant, or
 * one transformation of an attribute (Join takes a separator and a second attribute). Unknown
 * values pass through unchanged so the service's schema names what is wrong.
 */
export function claimInputOf(f: ClaimFormFields): ClaimInput {
  const attribute = { kind: 'attribute', attribute: f.attribute ?? '' } as const
  const base = { name: f.name ?? '', namespace: f.namespace?.trim() ? f.namespace.trim() : null }
  if (f.sourceKind === 'constant') return { ...base, source: { kind: 'constant', value: f.constant ?? '' } }
  if (f.sourceKind === 'transformation') {
    const step =
      f.transformation === 'Join'
        ? {
            method: 'Join',
            separator: f.separator ?? '',
            parameter: { kind: 'attribute', attribute: f.parameter ?? '' },
          }
        : { method: f.transformation ?? '' }
    return {
      ...base,
      source: { kind: 'transformation', input: attribute, transformations: [step] },
    } as ClaimInput
  }
  return { ...base, source: attribute } as ClaimInput
}
