import ts from 'typescript'

/** One way a source file reaches another module. */
export interface ModuleReference {
  readonly specifier: string
  /** Erased at run time: `import type`, `export type`, every binding marked `type`, `typeof import()`. */
  readonly typeOnly: boolean
  /** The names it imports or re-exports (`default` for a default import, `*` for a namespace). */
  readonly names: readonly string[]
  readonly via: 'import' | 'export' | 'dynamic import' | 'import type' | 'require'
  readonly line: number
}

/** What the architecture rules read from one file: its references and the calls that matter. */
export interface SourceFacts {
  readonly references: readonly ModuleReference[]
  /** Calls that load a module the CommonJS way: `require(…)`, or a function `createRequire` made. */
  readonly requireCalls: readonly { readonly line: number; readonly text: string }[]
  /** `….store.read()`, `store.update(…)`, `store.replace(…)`: state reached directly. */
  readonly storeCalls: readonly { readonly line: number; readonly text: string }[]
}

const STORE_METHODS = new Set(['read', 'update', 'replace'])

function lineOf(file: ts.SourceFile, node: ts.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1
}

function namesOfImport(clause: ts.ImportClause | undefined): { names: string[]; typeOnly: boolean } {
  if (!clause) return { names: [], typeOnly: false }
  const names: string[] = clause.name ? ['default'] : []
  const bindings = clause.namedBindings
  if (bindings && ts.isNamespaceImport(bindings)) names.push('*')
  const elements = bindings && ts.isNamedImports(bindings) ? bindings.elements : []
  for (const element of elements) names.push((element.propertyName ?? element.name).text)
  const everyBindingTyped =
    !clause.name && elements.length > 0 && elements.every((element) => element.isTypeOnly)
  return { names, typeOnly: clause.isTypeOnly || everyBindingTyped }
}

/** The last name of `store`, `deps.store`, `this.services.store`: what a call is made on. */
function receiverName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text
  return null
}

/** Reads the module references, require calls and store calls of a TypeScript or JavaScript file. */
export function readSourceFacts(path: string, text: string): SourceFacts {
  const kind = path.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : path.endsWith('.ts')
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind)
  const references: ModuleReference[] = []
  const requireCalls: { line: number; text: string }[] = []
  const storeCalls: { line: number; text: string }[] = []
  // Functions `createRequire` made load modules as `require` does, wherever they are called.
  const requireFunctions = new Set(['require'])
  const findRequireFunctions = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      receiverName(node.initializer.expression) === 'createRequire'
    )
      requireFunctions.add(node.name.text)
    ts.forEachChild(node, findRequireFunctions)
  }
  findRequireFunctions(file)

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const { names, typeOnly } = namesOfImport(node.importClause)
      references.push({
        specifier: node.moduleSpecifier.text,
        typeOnly,
        names,
        via: 'import',
        line: lineOf(file, node),
      })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const elements =
        node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : []
      references.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.isTypeOnly || (elements.length > 0 && elements.every((element) => element.isTypeOnly)),
        names:
          elements.length > 0
            ? elements.map((element) => (element.propertyName ?? element.name).text)
            : ['*'],
        via: 'export',
        line: lineOf(file, node),
      })
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const target = node.moduleReference.expression
      const specifier = ts.isStringLiteral(target) ? target.text : '(computed)'
      references.push({
        specifier,
        typeOnly: node.isTypeOnly,
        names: ['default'],
        via: 'require',
        line: lineOf(file, node),
      })
      requireCalls.push({ line: lineOf(file, node), text: node.getText(file) })
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      references.push({
        specifier: node.argument.literal.text,
        typeOnly: true,
        names: ['*'],
        via: 'import type',
        line: lineOf(file, node),
      })
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments
      const literal = first && ts.isStringLiteralLike(first) ? first.text : null
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        references.push({
          specifier: literal ?? '(computed)',
          typeOnly: false,
          names: ['*'],
          via: 'dynamic import',
          line: lineOf(file, node),
        })
      } else if (ts.isIdentifier(node.expression) && requireFunctions.has(node.expression.text)) {
        requireCalls.push({ line: lineOf(file, node), text: node.getText(file) })
        if (literal)
          references.push({
            specifier: literal,
            typeOnly: false,
            names: ['default'],
            via: 'require',
            line: lineOf(file, node),
          })
      } else if (
        ts.isPropertyAccessExpression(node.expression) &&
        STORE_METHODS.has(node.expression.name.text) &&
        /store$/i.test(receiverName(node.expression.expression) ?? '')
      ) {
        storeCalls.push({ line: lineOf(file, node), text: node.expression.getText(file) })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return { references, requireCalls, storeCalls }
}
