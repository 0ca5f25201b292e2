// The console page sections of the report (Control Hub, Entra admin center): each page's server
// time with a big directory against a small one of the same run, and its target.
import { table } from './report-table'
import { ms, type Summary } from './stats'

/** One page's medians with both directories. */
interface PageTiming {
  readonly page: string
  readonly baseline: Summary
  readonly full: Summary
  readonly bytes: number
}

/** A console's pages measured at two sizes, and how the report names the sizes. */
export interface PagesAtTwoSizes {
  /** "Control Hub", "Entra". */
  readonly console: string
  /** "5000 users", "1000 users / 200 apps". */
  readonly size: string
  /** "50 users", "51 users / 3 apps". */
  readonly baselineSize: string
  /** Column labels of the two sizes: "5000", "1000u/200a". */
  readonly column: string
  readonly baselineColumn: string
  readonly targetMs: number
  readonly pages: readonly PageTiming[]
}

const ratio = (p: PageTiming) => `${(p.full.median / p.baseline.median).toFixed(1)}×`

/** Each page's median with the big directory under the target, with its ratio to the small one. */
export function pageTargets(pages: PagesAtTwoSizes | null) {
  if (!pages) return []
  return pages.pages.map((p) => ({
    name: `${pages.console} ${p.page}, ${pages.size}`,
    target: `≤ ${pages.targetMs} ms`,
    measured: `${ms(p.full.median)} ms (${ratio(p)} of ${pages.baselineSize})`,
    met: p.full.median <= pages.targetMs,
  }))
}

/** The section: each page with both sizes, the ratio and the page's size in KB. */
export function pageSection(title: string, pages: PagesAtTwoSizes | null): string[] {
  if (!pages) return []
  return [
    '',
    title,
    table(
      ['page', `p50 ${pages.baselineColumn}`, `p50 ${pages.column}`, `p99 ${pages.column}`, 'ratio', 'KB'],
      pages.pages.map((p) => [
        p.page,
        ms(p.baseline.median),
        ms(p.full.median),
        ms(p.full.p99),
        ratio(p),
        (p.bytes / 1024).toFixed(0),
      ]),
    ),
  ]
}
