import type { DeepState } from '../state/deep-state'

type AppsOf<S extends Pick<DeepState, 'apps'>> = S['apps'][number]

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** The app whose service principal has this object id. */
export function appByServicePrincipalId<S extends Pick<DeepState, 'apps'>>(
  state: S,
  id: string,
): AppsOf<S> | undefined {
  return state.apps.find((a) => same(a.servicePrincipal.id, id))
}

/** The app whose registration (Graph `application`) has this object id. */
export function appByApplicationId<S extends Pick<DeepState, 'apps'>>(
  state: S,
  id: string,
): AppsOf<S> | undefined {
  return state.apps.find((a) => same(a.application.id, id))
}

/** The app with this application (client) id, as `?appid=` in the metadata URL carries it. */
export function appByAppId<S extends Pick<DeepState, 'apps'>>(
  state: S,
  appId: string,
): AppsOf<S> | undefined {
  return state.apps.find((a) => same(a.application.appId, appId))
}

/** The app whose Identifier list holds exactly `identifier` (the AuthnRequest Issuer; trailing slashes count). */
export function appByIdentifier<S extends Pick<DeepState, 'apps'>>(
  state: S,
  identifier: string,
): AppsOf<S> | undefined {
  return state.apps.find((a) => a.application.identifierUris.includes(identifier))
}
