import type { WebexUser } from './user-schema'

/** The parts of a new user its creator decides; the rest is stamped here. */
export interface UserFields {
  readonly userName: string
  readonly givenName: string
  readonly familyName: string
  readonly displayName: string
  readonly emails: WebexUser['emails']
  readonly active: boolean | null
  readonly userType: string
  readonly externalId: string | null
  readonly extra: WebexUser['extra']
}

/** A new user record, version 1, created and last modified `at`. */
export function newUserRecord(
  id: string,
  fields: UserFields,
  source: WebexUser['source'],
  at: string,
): WebexUser {
  return {
    id,
    userName: fields.userName,
    givenName: fields.givenName,
    familyName: fields.familyName,
    displayName: fields.displayName,
    emails: fields.emails.map((e) => ({ ...e })),
    active: fields.active,
    userType: fields.userType,
    externalId: fields.externalId,
    source,
    extra: structuredClone(fields.extra),
    created: at,
    lastModified: at,
    version: 1,
  }
}

/** Marks a record changed: a new version (the SCIM ETag) and lastModified. */
export function touch(record: { lastModified: string; version: number }, at: string): void {
  record.lastModified = at
  record.version += 1
}

/** The one work email Control Hub keeps for a user it manages. */
export function primaryWorkEmail(email: string): WebexUser['emails'] {
  return [{ value: email, type: 'work', primary: true }]
}
