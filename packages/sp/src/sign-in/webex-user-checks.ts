import { type SpError, spError } from '../errors/catalogue'
import type { StoredUser } from '../users/user-service'
import type { AssertionFacts } from './acs/acs-facts'
import { type CheckStep, describeChecks, type PipelineEntry, passed, refused } from './check-pipeline'

/** The Webex user an accepted assertion names, as the sign-in service found (or created) it. */
export type UserMatch =
  | { readonly kind: 'no-uid'; readonly attributeNames: readonly string[] }
  | { readonly kind: 'not-found'; readonly matchedBy: 'uid' | 'nameid'; readonly value: string }
  | { readonly kind: 'not-created'; readonly error: SpError }
  | { readonly kind: 'found'; readonly user: StoredUser }

/** What signing in from an accepted assertion reads. */
export interface SignInFacts {
  readonly accepted: AssertionFacts
  readonly match: UserMatch
}

/** The replay cache, which the sign-in writes to. */
export interface SignInContext {
  /** Remembers the assertion ID until `until`; false when the cache is full of unexpired IDs. */
  readonly remember: (assertionId: string, until: number) => boolean
  readonly replayRoomAt: () => number | null
}

type SignInStep<R extends keyof SignInFacts> = CheckStep<SignInFacts, SignInContext, R>

const webexUser: SignInStep<'match'> = {
  name: 'Webex user',
  checks:
    'A Webex user matches the uid attribute (or the NameID, as the org chooses), created just in time when the org allows it, and is active.',
  codes: ['SSO_UID_MISSING', 'SSO_USER_NOT_FOUND', 'SSO_USER_INACTIVE', 'USER_INVALID', 'USER_EXISTS'],
  fix: 'Control Hub > Users (or SCIM provisioning from Entra); Entra > Attributes & Claims for the uid claim.',
  reads: ['match'],
  run: ({ match }) => {
    switch (match.kind) {
      case 'no-uid':
        return refused(spError('SSO_UID_MISSING', { attributeNames: match.attributeNames }))
      case 'not-found':
        return refused(spError('SSO_USER_NOT_FOUND', { matchedBy: match.matchedBy, value: match.value }), {
          detail: `no user ${match.value}`,
        })
      case 'not-created':
        return refused(match.error)
      case 'found':
        if (!match.user.active)
          return refused(spError('SSO_USER_INACTIVE', { userName: match.user.userName }), {
            detail: 'deactivated',
          })
        return passed(`${match.user.userName} (active)`)
    }
  },
}

/**
 * An answer to a request cannot be replayed (its request is consumed at sign-in); an
 * unsolicited one can, so it is refused when the replay cache cannot hold its ID. The cache is
 * never evicted: a forgotten ID could be replayed.
 */
const replayRoom: SignInStep<'accepted'> = {
  name: 'Replay',
  checks:
    'The replay cache has room for the assertion ID, or the Response answers a request (which is consumed, so it cannot be replayed either).',
  codes: ['SSO_REPLAY_CACHE_FULL'],
  fix: 'Start the sign-in from Webex (the Sign-on URL), or sign in again once the earliest remembered assertion expires.',
  reads: ['accepted'],
  run: ({ accepted }, context) => {
    if (context.remember(accepted.assertionId, accepted.replayUntil) || accepted.inResponseTo !== null)
      return passed(null)
    return refused(spError('SSO_REPLAY_CACHE_FULL', { roomAt: context.replayRoomAt() }))
  },
}

/** After the ACS's checks, a sign-in: the Webex user, then room in the replay cache. */
export const SIGN_IN_CHECKS: readonly PipelineEntry<SignInFacts, SignInContext>[] = [
  { step: webexUser },
  { step: replayRoom },
]

export const SIGN_IN_CHECK_LIST = describeChecks(SIGN_IN_CHECKS)
