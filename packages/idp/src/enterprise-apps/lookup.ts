import type { DeepState } from '../state/deep-state'

type Apps = Pick<DeepState, 'apps'>
type AppOf<S extends Apps> = S['apps'][number]

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** The app whose service principal has this object id. */
export function appByServicePrincipalId<S extends Apps>(state: S, id: string): AppOf<S> | undefined {
  return state.apps.find((a) => same(a.servicePrincipal.id, id))
}

/** The app whose registration (Graph `application`) has this object id. */
export function appByApplicationId<S extends Apps>(state: S, id: string): AppOf<S> | undefined {
  return state.apps.find((a) => same(a.application.id, id))
}

/** The app with this application (client) id, as `?appid=` in the metadata URL carries it. */
export function appByAppId<S extends Apps>(state: S, appId: string): AppOf<S> | undefined {
  return state.apps.find((a) => same(a.application.appId, appId))
}

/** The app whose Identifier list holds exactly `identifier` (the AuthnRequest Issuer; trailing slashes count). */
export function appByIdentifier<S extends Apps>(state: S, identifier: string): AppOf<S> | undefined {
  return state.apps.find((a) => a.application.identifierUris.includes(identifier))
}
