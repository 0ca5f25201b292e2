import { type ApiTarget, requestJson } from './api-request'

/** One attribute mapping row, as the Provisioning page's Mappings edit it. */
export interface MappingRow {
  readonly targetAttributeName: string
  readonly source:
    | { readonly type: 'Attribute'; readonly name: string }
    | { readonly type: 'Constant'; readonly value: string }
    | { readonly type: 'Function'; readonly expression: string }
  readonly matchingPriority: number
  readonly flowType: 'Always' | 'ObjectAddOnly'
  readonly defaultValue: string | null
}

/** The mappings of one object type. */
export interface ObjectMapping {
  readonly enabled: boolean
  readonly attributeMappings: readonly MappingRow[]
}

/** A cycle's summary, as the overview lists it. */
export interface CycleSummary {
  readonly id: string
  readonly kind: 'Initial' | 'Incremental'
  readonly state: string
  readonly ended: string
  readonly counts: Readonly<Record<string, number>>
  readonly error: { readonly code: string; readonly message: string } | null
}

/** The parts of an app's Provisioning page (`/sandbox/api/servicePrincipals/{id}/provisioning`) scripts read. */
export interface ProvisioningPage {
  readonly mode: 'Automatic' | 'Manual' | null
  readonly job: {
    readonly id: string
    readonly statusCode: string
    readonly status: {
      readonly scheduleState: 'Active' | 'Paused'
      readonly initialCycleCompleted: boolean
      readonly quarantine: { readonly reason: string } | null
      readonly cycles: readonly CycleSummary[]
    }
    readonly mappings: { readonly users: ObjectMapping; readonly groups: ObjectMapping }
  } | null
}

/** What Provision on demand answers: the overall result and, per object, its log and step cards. */
export interface OnDemandAnswer {
  readonly result: 'Success' | 'Failure' | 'Skipped'
  readonly objects: readonly {
    readonly objectId: string
    readonly result: string
    readonly log: { readonly error: { readonly errorCode: string; readonly reason: string } | null }
    readonly cards: readonly { readonly title: string; readonly status: string }[]
  }[]
}

/** The Save of the Provisioning page: any of its settings. */
export interface ProvisioningSettings {
  readonly mode?: 'Automatic' | 'Manual'
  readonly tenantUrl?: string
  readonly secretToken?: string
  readonly scope?: 'assigned' | 'all'
  readonly provisioningStatus?: 'On' | 'Off'
  readonly intervalSeconds?: number
}

/** A typed client of an app's Provisioning pages, as the sandbox API offers them (packages/idp/API.md). */
export function createProvisioningClient(target: ApiTarget) {
  const base = (spId: string) => `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/provisioning`
  return {
    page: (spId: string) => requestJson<ProvisioningPage>(target, { method: 'GET', path: base(spId) }),
    configure: (spId: string, body: ProvisioningSettings) =>
      requestJson<ProvisioningPage>(target, { method: 'PUT', path: base(spId), body }),
    /** Test Connection with the saved Admin Credentials. */
    testConnection: (spId: string) =>
      requestJson<{ ok: true; message: string }>(target, {
        method: 'POST',
        path: `${base(spId)}/testConnection`,
        body: {},
      }),
    updateMappings: (spId: string, body: { users?: ObjectMapping; groups?: ObjectMapping }) =>
      requestJson<unknown>(target, { method: 'PUT', path: `${base(spId)}/mappings`, body }),
    /** Runs a cycle now (after the one running, if any) and answers its summary. */
    runCycle: (spId: string) =>
      requestJson<CycleSummary>(target, { method: 'POST', path: `${base(spId)}/cycles` }),
    provisionOnDemand: (spId: string, objectId: string) =>
      requestJson<OnDemandAnswer>(target, {
        method: 'POST',
        path: `${base(spId)}/provisionOnDemand`,
        body: { objectId },
      }),
  }
}

export type ProvisioningClient = ReturnType<typeof createProvisioningClient>
