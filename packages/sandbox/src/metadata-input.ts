import { readFile } from 'node:fs/promises'

/** Thrown when SP or IdP metadata cannot be read: what was given, and what is accepted. */
export class MetadataInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MetadataInputError'
  }
}

const ACCEPTED =
  'Give the metadata XML itself, the path of a metadata file, or an http(s) URL that serves it.'

/** Reads metadata given as XML text, a file path or an http(s) URL. */
export async function readMetadataInput(metadata: string): Promise<string> {
  const given = metadata.trim()
  if (given === '') throw new MetadataInputError(`The metadata is empty. ${ACCEPTED}`)
  if (given.startsWith('<')) return given
  if (/^https?:\/\//i.test(given)) {
    let response: Response
    try {
      response = await fetch(given)
    } catch (error) {
      throw new MetadataInputError(`${given} did not answer (${(error as Error).message}). ${ACCEPTED}`)
    }
    if (!response.ok) throw new MetadataInputError(`${given} answered HTTP ${response.status}. ${ACCEPTED}`)
    return response.text()
  }
  try {
    return await readFile(given, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new MetadataInputError(`Cannot read the metadata file ${given} (${code}). ${ACCEPTED}`)
  }
}

/** The first `<X509Certificate>` of a metadata document's signing key, as PEM. */
export function signingCertificatePem(metadataXml: string): string {
  const base64 = /<(?:\w+:)?X509Certificate>\s*([A-Za-z0-9+/=\s]+?)\s*<\/(?:\w+:)?X509Certificate>/.exec(
    metadataXml,
  )?.[1]
  if (!base64) return ''
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? ''
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`
}
