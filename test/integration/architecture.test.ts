import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  ARCHITECTURE_RULES,
  checkArchitecture,
  readSourceTree,
  type SourceFile,
} from '../support/architecture-rules'

/**
 * The layering rules, held on the tree: HTTP frameworks only in the HTTP layer, samlify,
 * node-forge and xml-crypto each behind one module, ES modules only, the packages independent,
 * domain code free of HTTP, and state reached only through the services. Each rule is also run
 * on a planted violation, so a rule that stopped seeing anything would fail here too.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const tree = readSourceTree(ROOT)

function ruleNamed(start: string) {
  const rule = ARCHITECTURE_RULES.find((r) => r.name.startsWith(start))
  if (!rule) throw new Error(`no rule starts with "${start}"`)
  return rule
}

describe('the tree keeps every architecture rule', () => {
  it('reads the sources the rules are about, and no test file', () => {
    const paths = tree.map((f) => f.path)
    expect(paths).toContain('packages/shared/src/saml/samlify.ts')
    expect(paths).toContain('packages/sp/src/app.ts')
    expect(paths).toContain('scripts/start.ts')
    expect(paths.length).toBeGreaterThan(300)
  })

  it.each(ARCHITECTURE_RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    expect(checkArchitecture(tree, [rule])).toEqual([])
  })
})

/** A planted file and the rule that must report it. */
interface Plant {
  readonly rule: string
  readonly file: SourceFile
  /** Text the report must contain. */
  readonly reports: string
}

const PLANTS: readonly Plant[] = [
  {
    rule: 'imports hono only',
    file: { path: 'packages/sp/src/scim/filter-eval.ts', text: "import type { Context } from 'hono'\n" },
    reports: "import 'hono'",
  },
  {
    rule: 'imports hono only',
    file: { path: 'packages/idp/src/sso/claims.ts', text: "const { Hono } = await import('hono')\n" },
    reports: "dynamic import 'hono'",
  },
  {
    rule: 'imports samlify only',
    file: { path: 'packages/sp/src/sign-in/acs.ts', text: "export { ServiceProvider } from 'samlify'\n" },
    reports: "export 'samlify'",
  },
  {
    rule: 'imports samlify only',
    file: { path: 'packages/shared/src/saml/metadata.ts', text: "type S = typeof import('samlify')\n" },
    reports: "import type 'samlify'",
  },
  {
    rule: 'imports node-forge only',
    file: { path: 'packages/shared/src/pki/keys.ts', text: "import forge from 'node-forge'\n" },
    reports: "import 'node-forge'",
  },
  {
    rule: 'imports xml-crypto only',
    file: { path: 'packages/shared/src/xml/signature.ts', text: "import { SignedXml } from 'xml-crypto'\n" },
    reports: "import 'xml-crypto'",
  },
  {
    rule: 'loads modules with require()',
    file: { path: 'packages/idp/src/sso/saml-response.ts', text: "const forge = require('node-forge')\n" },
    reports: "require('node-forge')",
  },
  {
    rule: 'loads modules with require()',
    file: {
      path: 'scripts/bench/stock.ts',
      text: "import { createRequire } from 'node:module'\nconst load = createRequire(import.meta.url)\nconst s = load('samlify')\n",
    },
    reports: "line 3: load('samlify')",
  },
  {
    rule: 'imports samlify only',
    file: { path: 'packages/sp/src/sso/x.ts', text: "const samlify = require('samlify')\n" },
    reports: "require 'samlify'",
  },
  {
    rule: 'keeps the IdP and the SP independent',
    file: { path: 'packages/idp/src/directory/users.ts', text: "import { SP_OPTIONS } from '@sandbox/sp'\n" },
    reports: "import '@sandbox/sp'",
  },
  {
    rule: 'keeps the IdP and the SP independent',
    file: { path: 'packages/shared/src/clock.ts', text: "import type { IdpConfig } from '@sandbox/idp'\n" },
    reports: "import '@sandbox/idp'",
  },
  {
    rule: 'never imports across a package boundary',
    file: {
      path: 'packages/sp/src/sso/idp-trust.ts',
      text: "import { entraError } from '../../../idp/src/sso/entra-errors'\n",
    },
    reports: 'leaves packages/sp/',
  },
  {
    rule: 'never imports across a package boundary',
    file: {
      path: 'scripts/lib/start-sandbox.ts',
      text: "import { startIdp } from '../../packages/idp/src/server'\n",
    },
    reports: 'leaves scripts/',
  },
  {
    rule: 'keeps domain code',
    file: {
      path: 'packages/sp/src/scim/scim-service.ts',
      text: "import { scimJson } from '../http/scim-kit'\n",
    },
    reports: "import '../http/scim-kit'",
  },
  {
    rule: 'keeps domain code',
    file: { path: 'packages/idp/src/services.ts', text: "import type { IdpEnv } from './http/env'\n" },
    reports: "import './http/env'",
  },
  {
    rule: 'lets http/ and views/ reach state',
    file: {
      path: 'packages/sp/src/http/users-api.ts',
      text: 'export const count = (deps: Deps) => deps.services.store.read().users.length\n',
    },
    reports: 'deps.services.store.read() on the store',
  },
  {
    rule: 'lets http/ and views/ reach state',
    file: {
      path: 'packages/idp/src/http/graph/graph-users.ts',
      text: 'async function save(store: S) {\n  await store.update((draft) => ok(draft))\n}\n',
    },
    reports: 'line 2: store.update() on the store',
  },
  {
    rule: 'lets http/ and views/ reach state',
    file: {
      path: 'packages/sp/src/views/users-page.tsx',
      text: "import type { SpState } from '../state/sp-state'\n",
    },
    reports: "import '../state/sp-state' (the store or its state types)",
  },
  {
    rule: 'lets http/ and views/ reach state',
    file: {
      path: 'packages/idp/src/http/landing.tsx',
      text: "import { type DocumentStore, ok } from '@sandbox/shared'\n",
    },
    reports: "import '@sandbox/shared' (the store or its state types)",
  },
  {
    rule: 'lets views/ import only',
    file: {
      path: 'packages/idp/src/views/my-apps-page.tsx',
      text: "import { myAppsOf } from '../enterprise-apps/access'\n",
    },
    reports: "import '../enterprise-apps/access'",
  },
  {
    rule: 'lets views/ import only',
    file: {
      path: 'packages/sp/src/views/console/fields.tsx',
      text: "import { secretMatches } from '@sandbox/shared'\n",
    },
    reports: "import '@sandbox/shared'",
  },
  {
    rule: 'lets views/ import only',
    file: {
      path: 'packages/shared/src/views/training/training-panel.tsx',
      text: "import { readTrainingPanel } from '../../training/training-panel-model'\n",
    },
    reports: "import '../../training/training-panel-model'",
  },
  {
    rule: 'lets views/ import only',
    file: {
      path: 'packages/idp/src/views/console/training-panel.tsx',
      text: "import { TrainingPanel } from '@sandbox/shared/views/training/training-panel'\n",
    },
    reports: "import '@sandbox/shared/views/training/training-panel'",
  },
  {
    rule: 'keeps source files readable',
    file: { path: 'packages/shared/src/ids.ts', text: 'export const x = 1\n'.repeat(401) },
    reports: '402 lines',
  },
]

describe('each architecture rule reports a planted violation', () => {
  it.each(PLANTS.map((plant) => [plant.rule, plant.file.path, plant] as const))(
    '%s: %s',
    (_rule, _path, plant) => {
      const violations = checkArchitecture([plant.file], [ruleNamed(plant.rule)])
      expect(violations).toHaveLength(1)
      expect(violations[0]?.file).toBe(plant.file.path)
      expect(violations[0]?.detail).toContain(plant.reports)
    },
  )

  it('plants at least one violation of every rule', () => {
    const planted = new Set(PLANTS.map((plant) => ruleNamed(plant.rule).name))
    expect(ARCHITECTURE_RULES.map((rule) => rule.name).filter((name) => !planted.has(name))).toEqual([])
  })

  it('finds a violation planted in a copy of the tree, and ignores the same import in a test file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'architecture-'))
    try {
      const plant = (path: string, text: string): void => {
        mkdirSync(dirname(join(copy, path)), { recursive: true })
        writeFileSync(join(copy, path), text)
      }
      plant(
        'packages/sp/src/scim/filter-eval.ts',
        "import { Hono } from 'hono'\nexport const app = new Hono()\n",
      )
      plant('packages/sp/src/scim/filter-eval.test.ts', "import { Hono } from 'hono'\n")
      plant('scripts/start.ts', "import { startSp } from '@sandbox/sp'\n")
      const violations = checkArchitecture(readSourceTree(copy))
      expect(violations.map((v) => `${v.file}: ${v.rule}`)).toEqual([
        `packages/sp/src/scim/filter-eval.ts: ${ruleNamed('imports hono only').name}`,
      ])
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('what the rules allow', () => {
  it.each([
    ['hono in an http/ route', 'packages/sp/src/http/scim-routes.ts', "import { Hono } from 'hono'"],
    [
      'samlify in its wrapper, also by require',
      'packages/shared/src/saml/samlify.ts',
      "const s = require('samlify')",
    ],
    [
      'resolving a path with createRequire',
      'packages/sp/src/views/console/assets.ts',
      "import { createRequire } from 'node:module'\nconst r = createRequire(import.meta.url)\nr.resolve('x')",
    ],
    [
      'a relative import inside the package',
      'packages/sp/src/scim/filter.ts',
      "import { parse } from './filter-parser'",
    ],
    [
      'the composition root importing routes',
      'packages/idp/src/app.ts',
      "import { graphRoutes } from './http/graph/graph-routes'",
    ],
    [
      'a view importing views, a domain type, hono/jsx and a Node built-in',
      'packages/idp/src/views/overview.tsx',
      "import type { SsoResult } from '../sso/outcome'\nimport { Blade } from './console/blade'\nimport type { Child } from 'hono/jsx'\nimport { createHash } from 'node:crypto'",
    ],
    [
      'a view importing the markup both consoles share',
      'packages/sp/src/views/console/training-panel.tsx',
      "import { TrainingPanel } from '@sandbox/shared/views'",
    ],
    [
      'shared markup importing shared markup and a domain type',
      'packages/shared/src/views/training/trainer-pages.tsx',
      "import type { ExerciseHandout } from '../../training/exercise-handout'\nimport { TrainingStatus } from './training-status'\nimport type { Child } from 'hono/jsx'",
    ],
    [
      'a route calling a service',
      'packages/sp/src/http/users-api.ts',
      'export const list = (deps: Deps) => deps.services.users.list()',
    ],
    [
      'a service reading its store',
      'packages/sp/src/users/user-service.ts',
      'export const all = () => deps.store.read().users',
    ],
  ])('%s', (_what, path, text) => {
    expect(checkArchitecture([{ path, text }])).toEqual([])
  })
})
