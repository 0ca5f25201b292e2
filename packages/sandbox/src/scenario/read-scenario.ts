import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { fillPlaceholders, type SandboxAddresses } from './placeholders'
import { objectDocument, parseScenarioText, type ScenarioDocument } from './scenario-document'
import { ScenarioError } from './scenario-error'
import { referenceIssues, type TenantFacts } from './scenario-references'
import { type Scenario, scenarioSchema } from './scenario-schema'
import { schemaIssues } from './schema-issues'

/**
 * A scenario as callers give it: a file path (a one-line string), YAML or JSON text, or an
 * object of the same shape.
 */
export type ScenarioSource = string | Readonly<Record<string, unknown>>

/** What validation needs to know of the running sandbox. */
export interface ScenarioTarget {
  readonly addresses: SandboxAddresses
  /** The tenant as it is, for a scenario that does not rename it. */
  readonly tenant: TenantFacts
}

async function documentOf(source: ScenarioSource): Promise<{ name: string; document: ScenarioDocument }> {
  if (typeof source !== 'string') return { name: 'scenario', document: objectDocument(source) }
  const isText = source.includes('\n') || /^\s*[{[]/.test(source)
  const name = isText ? 'scenario' : basename(source)
  let text = source
  if (!isText) {
    try {
      text = await readFile(source, 'utf8')
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
      throw new ScenarioError(name, [
        {
          path: [],
          line: null,
          column: null,
          message: `cannot read ${source}: ${reason}; give a scenario file's path, YAML or JSON text, or an object.`,
        },
      ])
    }
  }
  const parsed = parseScenarioText(text)
  if ('issues' in parsed) throw new ScenarioError(name, parsed.issues)
  return { name, document: parsed }
}

/**
 * Reads and validates a scenario completely (syntax, schema, references, Basic SAML rules)
 * without changing anything; throws a {@link ScenarioError} listing every problem found.
 */
export async function readScenario(source: ScenarioSource, target: ScenarioTarget): Promise<Scenario> {
  const { name, document } = await documentOf(source)
  const filled = fillPlaceholders(document.value, target.addresses, document.locate)
  if (filled.issues.length > 0) throw new ScenarioError(name, filled.issues)
  const parsed = scenarioSchema.safeParse(filled.value, { reportInput: true })
  if (!parsed.success) throw new ScenarioError(name, schemaIssues(scenarioSchema, document, parsed.error))
  const issues = referenceIssues(parsed.data, document.locate, target.tenant)
  if (issues.length > 0) throw new ScenarioError(name, issues)
  return parsed.data
}
